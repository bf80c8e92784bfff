import { useState } from 'preact/hooks';
import type { BundleKey, BundlePreview, PreviewRecord, VerifiedBundle } from '../../../engine/archive/types.ts';
import { leftVault, screen, session, uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { archiveErrorText } from './archive-words.ts';
import { BundleFacts } from './BundleFacts.tsx';
import { FunnelList } from './FunnelSection.tsx';

type KeyKind = BundleKey['kind'];

function DecryptForm({ v, onOpened }: { v: VerifiedBundle; onOpened: (p: BundlePreview) => void }) {
  const d = t().archive;
  const [kind, setKind] = useState<KeyKind>(v.passphrase ? 'passphrase' : v.custodyKeyHere ? 'custody' : 'key-file');
  const [keyText, setKeyText] = useState('');
  const [keyName, setKeyName] = useState('');
  const [pass, setPass] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    const key: BundleKey = kind === 'custody' ? { kind } : kind === 'passphrase' ? { kind, passphrase: pass } : { kind, text: keyText, ...(pass ? { passphrase: pass } : {}) };
    setBusy(true);
    try {
      onOpened(await engine().bundleDecrypt(v.openId, key));
    } catch (err) {
      setFailure(archiveErrorText(uiError(err)));
    } finally {
      setBusy(false);
    }
  };
  const kinds: KeyKind[] = v.passphrase ? ['passphrase'] : ['custody', 'key-file'];
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="decrypt-heading">
      <h2 id="decrypt-heading">{d.decryptHeading}</h2>
      {kinds.length > 1 && (
        <fieldset class="choice" disabled={busy}>
          <legend>{d.decryptWith}</legend>
          {kinds.map((k) => (
            <p class="check" key={k}>
              <input id={`decrypt-${k}`} type="radio" name="decrypt-with" checked={kind === k} disabled={k === 'custody' && !v.custodyKeyHere} onChange={() => setKind(k)} />
              <label for={`decrypt-${k}`}>{k === 'custody' ? (v.custodyKeyHere ? d.withCustody : d.withCustodyNone) : d.withKeyFile}</label>
            </p>
          ))}
        </fieldset>
      )}
      {kind === 'key-file' && (
        <div class="field">
          <label for="decrypt-key-file">{d.keyFileInput}</label>
          <p id="decrypt-key-file-hint" class="hint">
            {keyName ? d.keyFileChosen(keyName) : d.keyFileInputHint}
          </p>
          <input
            id="decrypt-key-file"
            type="file"
            aria-describedby="decrypt-key-file-hint"
            disabled={busy}
            onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              setKeyName(f?.name ?? '');
              setKeyText(f && f.size < 64 * 1024 ? await f.text() : '');
            }}
          />
        </div>
      )}
      {kind !== 'custody' && (
        <Field
          id="decrypt-passphrase"
          type="password"
          label={kind === 'passphrase' ? d.bundlePassphrase : d.keyFilePassphrase}
          hint={kind === 'passphrase' ? undefined : d.keyFilePassphraseOptional}
          value={pass}
          onInput={setPass}
          autoComplete="off"
          disabled={busy}
        />
      )}
      {failure && <p role="alert" class="alert">{failure}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {d.decryptButton}
        </button>
      </div>
      <p aria-live="polite" class="busy">{busy ? d.decrypting : ''}</p>
    </form>
  );
}

function PreviewTable({ rows, total }: { rows: PreviewRecord[]; total: number }) {
  const d = t().archive;
  const app = t();
  return (
    <div class="table-wrap" role="region" aria-labelledby="preview-caption" tabIndex={0}>
      <table class="audit-table">
        <caption id="preview-caption">{d.previewCaption(rows.length, total)}</caption>
        <thead>
          <tr>
            <th scope="col">{app.customerNo}</th>
            <th scope="col">{app.fields.name}</th>
            <th scope="col">{app.fields.idNumber}</th>
            <th scope="col">{app.fields.phone}</th>
            <th scope="col">{d.colFate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.customerNo + r.id}>
              <td class="nowrap">{r.customerNo}</td>
              <td>{r.name}</td>
              <td class="mono">{r.id}</td>
              <td class="mono">{r.phone}</td>
              <td>{d.statuses[r.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RestoreForm({ openId, number }: { openId: string; number: string }) {
  const d = t().archive;
  const app = t();
  const [v, setV] = useState({ label: d.restoredLabel(number), operator: session.value?.actor === 'recovery key' ? '' : session.value?.actor ?? '', passphrase: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof v, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!v.label.trim()) found.label = app.errLabelRequired;
    else if (v.label.trim().length > 80) found.label = app.errLabelTooLong;
    if (!v.operator.trim()) found.operator = app.errOperatorRequired;
    if (v.passphrase.length < 8) found.passphrase = app.errPassphraseShort;
    if (v.repeat !== v.passphrase) found.repeat = app.errPassphraseMismatch;
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) return document.getElementById(`restore-${first}`)?.focus();
    setBusy(true);
    try {
      const r = await engine().bundleRestore(openId, { label: v.label.trim(), operator: v.operator.trim(), passphrase: v.passphrase });
      leftVault();
      screen.value = { name: 'recovery', label: r.vault.session.label, createdAt: new Date().toISOString(), recoveryKey: r.vault.recoveryKey };
    } catch (err) {
      setFailure(archiveErrorText(uiError(err)));
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="restore-heading">
      <h2 id="restore-heading">{d.restoreHeading}</h2>
      <p class="hint">{d.restoreIntro}</p>
      <Field id="restore-label" label={app.vaultLabel} hint={app.vaultLabelHint} value={v.label} onInput={set('label')} error={errors.label} disabled={busy} />
      <Field id="restore-operator" label={app.operatorName} value={v.operator} onInput={set('operator')} error={errors.operator} autoComplete="name" disabled={busy} />
      <Field id="restore-passphrase" type="password" label={app.passphrase} hint={app.passphraseHint} value={v.passphrase} onInput={set('passphrase')} error={errors.passphrase} autoComplete="new-password" disabled={busy} />
      <Field id="restore-repeat" type="password" label={app.repeatPassphrase} value={v.repeat} onInput={set('repeat')} error={errors.repeat} autoComplete="new-password" disabled={busy} />
      {failure && <p role="alert" class="alert">{failure}</p>}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {d.restoreButton}
        </button>
      </div>
      <p aria-live="polite" class="busy">{busy ? app.deriving : ''}</p>
    </form>
  );
}

/**
 * Opening a bundle: choose the file; it is verified without any key and its manifest shown;
 * decrypt it with a custody key of this vault, a key file or the passphrase; preview its
 * records, masked; restore them into a new vault. Nothing is stored until the restore.
 */
export function OpenPage() {
  const d = t().archive;
  const [verified, setVerified] = useState<VerifiedBundle | null>(null);
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [more, setMore] = useState<PreviewRecord[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    setVerified(null);
    setPreview(null);
    setMore(null);
    setFailure(null);
    if (!file) return;
    setBusy(true);
    try {
      setVerified(await engine().bundleVerify(file));
    } catch (e) {
      setFailure(archiveErrorText(uiError(e)));
    } finally {
      setBusy(false);
    }
  };
  const showAll = async () => {
    if (!verified || !preview) return;
    try {
      setMore((await engine().bundleRecords(verified.openId, 0, 200)).items);
    } catch (e) {
      setFailure(archiveErrorText(uiError(e)));
    }
  };

  return (
    <>
      <p class="hint">{d.openIntro}</p>
      <div class="field card">
        <label for="bundle-file">{d.bundleFile}</label>
        <p id="bundle-file-hint" class="hint">
          {d.bundleFileHint}
        </p>
        <input id="bundle-file" type="file" accept=".closeout,application/zip" aria-describedby="bundle-file-hint" disabled={busy} onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      </div>
      <p aria-live="polite" class="busy">{busy ? d.verifying : ''}</p>
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      {verified && <BundleFacts v={verified} />}
      {verified && !preview && <DecryptForm v={verified} onOpened={setPreview} />}
      {verified && preview && (
        <section class="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{d.previewHeading(preview.number)}</h2>
          <p role="status">{d.previewSummary(preview.records, preview.attachments, preview.auditEvents)}</p>
          <FunnelList funnel={preview.fates} id="preview-funnel" />
          <PreviewTable rows={more ?? preview.first} total={preview.records} />
          {!more && preview.records > preview.first.length && (
            <div class="actions">
              <button type="button" onClick={showAll}>
                {d.showMore}
              </button>
            </div>
          )}
        </section>
      )}
      {verified && preview && <RestoreForm openId={verified.openId} number={preview.number} />}
    </>
  );
}
