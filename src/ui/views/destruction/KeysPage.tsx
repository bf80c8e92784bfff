import { useEffect, useState } from 'preact/hooks';
import type { ErasureView } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { destructionErrorText, names } from './destruction-words.ts';
import { PhysicalForm } from './PhysicalForm.tsx';

function EraseForm({ v, onDone }: { v: ErasureView; onDone: () => void }) {
  const d = t().destruction;
  const [performer, setPerformer] = useState('');
  const [witnesses, setWitnesses] = useState('');
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<{ performer?: string; place?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `erase-${v.keyId}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = { ...(performer.trim() ? {} : { performer: d.errRequired }), ...(place.trim() ? {} : { place: d.errRequired }) };
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await engine().custodyKeyErase(v.keyId, { performer: performer.trim(), witnesses: names(witnesses), place: place.trim() });
      onDone();
    } catch (err) {
      setFailure(destructionErrorText(uiError(err)));
      setBusy(false);
    }
  };
  return (
    <form class="subform" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{d.eraseHeading}</h4>
      <Field id={`${id}-performer`} label={d.performer} value={performer} onInput={setPerformer} error={errors.performer} disabled={busy} />
      <Field id={`${id}-witnesses`} multiline label={d.witnesses} hint={d.witnessesHint} value={witnesses} onInput={setWitnesses} disabled={busy} />
      <Field id={`${id}-place`} label={d.place} value={place} onInput={setPlace} error={errors.place} disabled={busy} />
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="danger" disabled={busy}>
          {d.erase}
        </button>
      </div>
    </form>
  );
}

function KeyCard({ keyId }: { keyId: string }) {
  const d = t().destruction;
  const [v, setV] = useState<ErasureView | null>(null);
  const [recording, setRecording] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = () =>
    engine()
      .custodyErasure(keyId)
      .then(setV, (e) => setFailure(destructionErrorText(uiError(e))));
  useEffect(() => void load(), [keyId]);
  if (!v) return failure ? <li class="card alert">{failure}</li> : null;
  const pending = v.copies.filter((c) => c.entrySeq === undefined).length;
  return (
    <li class="card">
      <h3>{d.keyTitle(v.label)}</h3>
      <p class="mono small wrap">{v.recipient}</p>
      <p class="small">{v.retentionEnds ? d.retentionEnds(formatDate(`${v.retentionEnds}T00:00:00`)) : d.noYear}</p>
      <h4>{d.bundlesUnreadable}</h4>
      <p class="small">{v.bundles.length ? v.bundles.join(', ') : d.none}</p>
      {v.erasedAt ? (
        <p role="status" class="ok">
          {d.erased(formatDateTime(v.erasedAt), v.erasedEntry ?? 0)}
        </p>
      ) : (
        <>
          <h4>{d.keyCopies}</h4>
          {v.copies.length === 0 && <p class="small">{d.none}</p>}
          <ul class="copy-list">
            {v.copies.map((c) => (
              <li key={c.id}>
                {d.copyAt(d.keyCopyKinds[c.kind], c.location, c.holder)} · {c.entrySeq !== undefined ? d.copyRecorded(c.entrySeq) : <span class="alert-text">{d.copyPending}</span>}
                {c.entrySeq === undefined && recording !== c.id && (
                  <>
                    {' '}
                    <button type="button" onClick={() => setRecording(c.id)}>
                      {d.recordCopy}
                    </button>
                  </>
                )}
                {recording === c.id && (
                  <PhysicalForm
                    id={`keycopy-${c.id}`}
                    batchId=""
                    kinds={['key-copy']}
                    keyCopy={{ keyId: v.keyId, copyId: c.id }}
                    onRecorded={() => {
                      setRecording(null);
                      void load();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
          {!v.retentionEnded && <p class="alert small">{d.notYet(formatDate(`${v.retentionEnds}T00:00:00`))}</p>}
          {pending > 0 && <p class="small">{d.pendingCopies(pending)}</p>}
          {v.retentionEnded && v.ready && <EraseForm v={v} onDone={() => void load()} />}
        </>
      )}
    </li>
  );
}

/** Crypto-erasure of custody keys: copies recorded destroyed one by one, then the key deleted from the vault. */
export function KeysPage() {
  const d = t().destruction;
  const [ids, setIds] = useState<string[] | null>(null);
  const [erased, setErased] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([engine().custodyKeys(), engine().destructionOverview()]).then(
      ([keys, ov]) => {
        setIds(keys.map((k) => k.id));
        setErased(ov.batches.filter((b) => b.kind === 'custody-key' && b.key?.erasedAt).map((b) => b.key!.id));
      },
      (e) => setFailure(destructionErrorText(uiError(e))),
    );
  }, []);
  const all = ids ? [...ids, ...erased.filter((x) => !ids.includes(x))] : [];
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{d.keysHeading}</h2>
      <p>{d.keysIntro}</p>
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      {ids && all.length === 0 && <p class="muted">{d.noKeys}</p>}
      <ul class="key-list">
        {all.map((id) => (
          <KeyCard key={id} keyId={id} />
        ))}
      </ul>
    </section>
  );
}
