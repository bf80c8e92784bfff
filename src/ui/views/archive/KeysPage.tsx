import { useEffect, useState } from 'preact/hooks';
import type { CustodyKeyInfo, KeySheet } from '../../../engine/archive/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { saveBlob } from '../checklist/blob-url.ts';
import { archiveErrorText } from './archive-words.ts';
import { CopyForm, type CopyValues } from './CopyForm.tsx';
import { KeySheetView } from './KeySheetView.tsx';

type Action = { keyId: string; kind: 'sheet' | 'key-file' | 'other' };

function CreateKey({ onCreated }: { onCreated: (k: CustodyKeyInfo) => void }) {
  const d = t().archive;
  const [by, setBy] = useState<'year' | 'name'>('year');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const v = value.trim();
    if (by === 'year' && !/^\d{4}$/.test(v)) return setError(d.errYear);
    if (by === 'name' && !v) return setError(d.errClassName);
    setBusy(true);
    setError(null);
    try {
      onCreated(await engine().custodyKeyCreate(by === 'year' ? { year: Number(v) } : { name: v }));
      setValue('');
    } catch (err) {
      const ue = uiError(err);
      setError(ue.code === 'INVALID_INPUT' ? (by === 'year' ? d.errYear : d.errClassName) : archiveErrorText(ue));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">{d.newKeyHeading}</h2>
      <fieldset class="choice">
        <legend>{d.keyFor}</legend>
        {(['year', 'name'] as const).map((k) => (
          <p class="check" key={k}>
            <input id={`key-by-${k}`} type="radio" name="key-by" checked={by === k} onChange={() => (setBy(k), setError(null))} />
            <label for={`key-by-${k}`}>{k === 'year' ? d.keyForYear : d.keyForClass}</label>
          </p>
        ))}
      </fieldset>
      <Field
        id="new-key-value"
        label={by === 'year' ? d.expiryYear : d.className}
        hint={by === 'year' ? d.expiryYearHint : d.classNameHint}
        value={value}
        onInput={setValue}
        inputMode={by === 'year' ? 'numeric' : 'text'}
        error={error}
        disabled={busy}
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {d.createKey}
        </button>
      </div>
    </form>
  );
}

function KeyCard({ k, action, setAction, busy, onCopy }: { k: CustodyKeyInfo; action: Action | null; setAction: (a: Action | null) => void; busy: boolean; onCopy: (a: Action, v: CopyValues) => void }) {
  const d = t().archive;
  const mine = action?.keyId === k.id ? action : null;
  const title = k.year !== undefined ? d.keyYearTitle(k.year) : d.keyClassTitle(k.label);
  return (
    <li class="card key-card">
      <h3 id={`key-${k.id}`}>{title}</h3>
      <p class="mono wrap small" translate={false}>
        {k.recipient}
      </p>
      <p class="muted small">{d.keyMade(formatDate(k.createdAt), k.createdBy)}</p>
      <p class="small">{k.bundles.length ? d.keyBundles(k.bundles.join(', ')) : d.keyNoBundles}</p>
      <h4>{d.copiesHeading}</h4>
      {k.copies.length ? (
        <ul class="copy-list">
          {k.copies.map((c) => (
            <li key={c.id}>
              <strong>{d.copyKinds[c.kind]}</strong> · {c.location} · {d.heldBy(c.holder)} · <span class="muted">{formatDateTime(c.at)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="alert small">{d.noCopies}</p>
      )}
      {!mine && (
        <div class="actions">
          <button type="button" onClick={() => setAction({ keyId: k.id, kind: 'sheet' })}>
            {d.printSheet}
          </button>
          <button type="button" onClick={() => setAction({ keyId: k.id, kind: 'key-file' })}>
            {d.downloadKeyFile}
          </button>
          <button type="button" onClick={() => setAction({ keyId: k.id, kind: 'other' })}>
            {d.registerOtherCopy}
          </button>
        </div>
      )}
      {mine && (
        <CopyForm
          id={`copy-${k.id.slice(0, 8)}`}
          title={mine.kind === 'sheet' ? d.sheetFormTitle : mine.kind === 'key-file' ? d.keyFileFormTitle : d.otherCopyFormTitle}
          submit={mine.kind === 'sheet' ? d.showSheet : mine.kind === 'key-file' ? d.makeKeyFile : d.registerCopy}
          passphrase={mine.kind === 'key-file'}
          busy={busy}
          onSubmit={(v) => onCopy(mine, v)}
          onCancel={() => setAction(null)}
        />
      )}
    </li>
  );
}

/**
 * Custody keys: make one per retention class or expiry year; escrow each as a printed key sheet
 * or a passphrase-protected key file; register every copy (where it is kept, who holds it).
 */
export function KeysPage() {
  const d = t().archive;
  const [keys, setKeys] = useState<CustodyKeyInfo[] | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [sheet, setSheet] = useState<KeySheet | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reload = () =>
    engine()
      .custodyKeys()
      .then(setKeys, (e) => setFailure(archiveErrorText(uiError(e))));
  useEffect(() => void reload(), []);

  const copy = async (a: Action, v: CopyValues) => {
    setBusy(true);
    setFailure(null);
    setStatus(a.kind === 'key-file' ? d.makingKeyFile : null);
    try {
      const copyInput = { location: v.location, holder: v.holder };
      if (a.kind === 'sheet') setSheet(await engine().custodyKeySheet(a.keyId, copyInput));
      else if (a.kind === 'key-file') {
        const f = await engine().custodyKeyFile(a.keyId, v.passphrase, copyInput);
        saveBlob(new Blob([f.text], { type: 'text/plain' }), f.fileName);
        setStatus(d.keyFileSaved(f.fileName));
      } else {
        await engine().custodyKeyAddCopy(a.keyId, copyInput);
        setStatus(d.copyRegistered);
      }
      setAction(null);
      await reload();
    } catch (e) {
      setStatus(null);
      setFailure(archiveErrorText(uiError(e)));
    } finally {
      setBusy(false);
    }
  };

  if (sheet) return <KeySheetView sheet={sheet} onDone={() => (setSheet(null), setStatus(d.copyRegistered))} />;
  return (
    <>
      <p class="hint">{d.keysIntro}</p>
      {failure && <p role="alert" class="alert">{failure}</p>}
      <p role="status" class="busy">{status ?? ''}</p>
      {keys === null ? (
        <p class="busy">{t().loading}</p>
      ) : keys.length ? (
        <ul class="key-list" aria-label={d.keysHeading}>
          {keys.map((k) => (
            <KeyCard key={k.id} k={k} action={action} setAction={setAction} busy={busy} onCopy={copy} />
          ))}
        </ul>
      ) : (
        <p class="empty">{d.noKeys}</p>
      )}
      <CreateKey onCreated={(k) => (setStatus(d.keyCreated(k.year !== undefined ? d.keyYearTitle(k.year) : d.keyClassTitle(k.label))), void reload())} />
    </>
  );
}
