import { useState } from 'preact/hooks';
import { MEDIA_KINDS, TECHNIQUES, techniquesFor, type MediaKind, type PhysicalKind, type Technique } from '../../../core/domain/destruction/index.ts';
import type { CopyDecision, EntryInfo } from '../../../engine/destruction/types.ts';
import { session, uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { destructionErrorText, localNow, names } from './destruction-words.ts';
import { PhotoPicker } from './PhotoPicker.tsx';

export interface PhysicalFormProps {
  id: string;
  batchId: string;
  /** The kinds offered; the first is chosen. */
  kinds: PhysicalKind[];
  /** Bundle copies of the batch still to record (kind bundle-copy). */
  copies?: CopyDecision[];
  /** The custody key's copy (kind key-copy). */
  keyCopy?: { keyId: string; copyId: string };
  onRecorded: (e: EntryInfo) => void;
}

type Errors = Partial<Record<'description' | 'count' | 'performer' | 'place' | 'time' | 'witnesses', string>>;

/** A physical destruction entry: what, how (NIST SP 800-88), tool, who, witnesses, where, when, photos. */
export function PhysicalForm(p: PhysicalFormProps) {
  const d = t().destruction;
  const [kind, setKind] = useState<PhysicalKind>(p.kinds[0]!);
  const [medium, setMedium] = useState<MediaKind>(p.kinds[0] === 'paper' ? 'paper' : 'usb');
  const [copy, setCopy] = useState(p.copies?.[0] ? `${p.copies[0].bundle}/${p.copies[0].copyId}` : '');
  const [description, setDescription] = useState('');
  const [count, setCount] = useState('1');
  const [serial, setSerial] = useState('');
  const offered = techniquesFor(medium);
  const [technique, setTechnique] = useState<Technique>(offered[0]!);
  const [tool, setTool] = useState('');
  const [performer, setPerformer] = useState(session.value?.actor === 'recovery key' ? '' : (session.value?.actor ?? ''));
  const [witnesses, setWitnesses] = useState('');
  const [place, setPlace] = useState('');
  const [time, setTime] = useState(localNow());
  const [verification, setVerification] = useState('');
  const [accounting, setAccounting] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = p.id;
  const tech = offered.includes(technique) ? technique : offered[0]!;

  const chooseMedium = (m: MediaKind) => {
    setMedium(m);
    if (!techniquesFor(m).includes(technique)) setTechnique(techniquesFor(m)[0]!);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const n = Number(count);
    const found: Errors = {};
    if (!description.trim()) found.description = d.errRequired;
    if (!Number.isInteger(n) || n < 1) found.count = d.errCount;
    if (!performer.trim()) found.performer = d.errRequired;
    if (!place.trim()) found.place = d.errRequired;
    if (!time || Number.isNaN(new Date(time).getTime())) found.time = d.errRequired;
    if (kind === 'key-copy' && !names(witnesses).length && !photos.length) found.witnesses = d.errEvidence;
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(null);
    setMsg(null);
    const [bundle, copyId] = copy.split('/');
    try {
      const entry = await engine().destructionRecord(
        {
          batchId: p.batchId,
          kind,
          medium,
          description: description.trim(),
          count: n,
          serial: serial.trim() || undefined,
          technique: tech,
          tool: tool.trim() || undefined,
          performer: performer.trim(),
          witnesses: names(witnesses),
          place: place.trim(),
          time: new Date(time).toISOString(),
          verification: verification.trim() || undefined,
          accounting: accounting || undefined,
          copy: kind === 'bundle-copy' && bundle && copyId ? { bundle, copyId } : undefined,
          keyCopy: kind === 'key-copy' ? p.keyCopy : undefined,
        },
        photos.map((f) => ({ file: f, name: f.name })),
      );
      setMsg(d.recorded(entry.seq));
      setPhotos([]);
      setDescription('');
      setSerial('');
      setVerification('');
      p.onRecorded(entry);
    } catch (err) {
      setFailure(destructionErrorText(uiError(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="subform physical-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{kind === 'key-copy' ? d.recordCopy : d.recordHeading}</h3>
      {p.kinds.length > 1 && (
        <div class="field">
          <label for={`${id}-kind`}>{d.kind}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as PhysicalKind)} disabled={busy}>
            {p.kinds.map((k) => (
              <option key={k} value={k}>
                {d.kinds[k]}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'bundle-copy' &&
        (p.copies?.length ? (
          <div class="field">
            <label for={`${id}-copy`}>{d.copy}</label>
            <select id={`${id}-copy`} value={copy} onChange={(e) => setCopy(e.currentTarget.value)} disabled={busy}>
              {p.copies.map((c) => (
                <option key={c.copyId} value={`${c.bundle}/${c.copyId}`}>
                  {c.bundle} · {c.location} · {c.holder}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p class="alert small">{d.noCopyToRecord}</p>
        ))}
      <div class="field">
        <label for={`${id}-medium`}>{d.medium}</label>
        <select id={`${id}-medium`} value={medium} onChange={(e) => chooseMedium(e.currentTarget.value as MediaKind)} disabled={busy}>
          {MEDIA_KINDS.map((m) => (
            <option key={m} value={m}>
              {d.media[m]}
            </option>
          ))}
        </select>
      </div>
      <Field id={`${id}-description`} label={d.description} hint={d.descriptionHint} value={description} onInput={setDescription} error={errors.description} disabled={busy} />
      <Field id={`${id}-count`} type="number" inputMode="numeric" min={1} label={d.count} value={count} onInput={setCount} error={errors.count} disabled={busy} />
      <Field id={`${id}-serial`} label={d.serial} value={serial} onInput={setSerial} disabled={busy} />
      <div class="field">
        <label for={`${id}-technique`}>{d.technique}</label>
        <select id={`${id}-technique`} value={tech} onChange={(e) => setTechnique(e.currentTarget.value as Technique)} disabled={busy}>
          {offered.map((x) => (
            <option key={x} value={x}>
              {d.methodText(d.techniques[x], d.categories[TECHNIQUES[x].category])}
            </option>
          ))}
        </select>
      </div>
      <Field id={`${id}-tool`} label={d.tool} hint={d.toolHint} value={tool} onInput={setTool} disabled={busy} />
      <Field id={`${id}-performer`} label={d.performer} value={performer} onInput={setPerformer} error={errors.performer} disabled={busy} />
      <Field id={`${id}-witnesses`} multiline label={d.witnesses} hint={d.witnessesHint} value={witnesses} onInput={setWitnesses} error={errors.witnesses} disabled={busy} />
      <Field id={`${id}-place`} label={d.place} value={place} onInput={setPlace} error={errors.place} disabled={busy} />
      <div class={errors.time ? 'field field-invalid' : 'field'}>
        <label for={`${id}-time`}>{d.time}</label>
        <input id={`${id}-time`} type="datetime-local" value={time} onInput={(e) => setTime(e.currentTarget.value)} aria-invalid={errors.time ? true : undefined} disabled={busy} />
        {errors.time && <p class="error-text">{errors.time}</p>}
      </div>
      <Field id={`${id}-verification`} label={d.verification} hint={d.verificationHint} value={verification} onInput={setVerification} disabled={busy} />
      {kind !== 'key-copy' && (
        <label class="check">
          <input type="checkbox" checked={accounting} onChange={(e) => setAccounting(e.currentTarget.checked)} disabled={busy} />
          <span>{d.accounting}</span>
        </label>
      )}
      <PhotoPicker id={`${id}-photo`} photos={photos} onChange={setPhotos} disabled={busy} />
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      {msg && (
        <p role="status" class="ok">
          {msg}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || (kind === 'bundle-copy' && !p.copies?.length)}>
          {d.submit}
        </button>
      </div>
    </form>
  );
}
