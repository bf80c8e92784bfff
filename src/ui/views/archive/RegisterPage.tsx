import { useEffect, useState } from 'preact/hooks';
import type { ArchiveRegister, BundleEntry, CopyMedium } from '../../../engine/archive/types.ts';
import { uiError } from '../../app-state.ts';
import { Field } from '../../components/Field.tsx';
import { engine } from '../../engine-client.ts';
import { formatDateTime, t } from '../../i18n/index.ts';
import { saveBlob } from '../checklist/blob-url.ts';
import { archiveErrorText, formatBytes, recipientText } from './archive-words.ts';

function AddCopy({ entry, onAdded }: { entry: BundleEntry; onAdded: (e: BundleEntry) => void }) {
  const d = t().archive;
  const [open, setOpen] = useState(false);
  const [medium, setMedium] = useState<CopyMedium>('usb');
  const [location, setLocation] = useState('');
  const [holder, setHolder] = useState('');
  const [errors, setErrors] = useState<{ location?: string; holder?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `bundle-copy-${entry.number}`;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {d.addBundleCopy(entry.number)}
      </button>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    const found = { ...(location.trim() ? {} : { location: d.errLocation }), ...(holder.trim() ? {} : { holder: d.errHolder }) };
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onAdded(await engine().archiveAddCopy(entry.number, { medium, location: location.trim(), holder: holder.trim() }));
      setOpen(false);
    } catch (err) {
      setFailure(archiveErrorText(uiError(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="subform" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{d.addBundleCopy(entry.number)}</h4>
      <div class="field">
        <label for={`${id}-medium`}>{d.medium}</label>
        <select id={`${id}-medium`} value={medium} onChange={(e) => setMedium(e.currentTarget.value as CopyMedium)}>
          {(Object.keys(d.media) as CopyMedium[]).map((m) => (
            <option key={m} value={m}>
              {d.media[m]}
            </option>
          ))}
        </select>
      </div>
      <Field id={`${id}-location`} label={d.copyLocation} hint={d.copyLocationHint} value={location} onInput={setLocation} error={errors.location} disabled={busy} />
      <Field id={`${id}-holder`} label={d.copyHolder} value={holder} onInput={setHolder} error={errors.holder} disabled={busy} />
      {failure && <p role="alert" class="alert">{failure}</p>}
      <div class="actions">
        <button type="button" onClick={() => setOpen(false)} disabled={busy}>
          {t().cancel}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {d.registerCopy}
        </button>
      </div>
    </form>
  );
}

function EntryCard({ e, onChange }: { e: BundleEntry; onChange: (e: BundleEntry) => void }) {
  const d = t().archive;
  return (
    <li class="card bundle-card">
      <h3>{e.number}</h3>
      <dl class="meta-list">
        <div>
          <dt>{d.exportedAt}</dt>
          <dd>
            {formatDateTime(e.createdAt)} · {e.createdBy}
          </dd>
        </div>
        <div>
          <dt>{d.contents}</dt>
          <dd>{d.contentsText(e.counts.records, e.counts.attachments, e.counts.auditEvents, formatBytes(e.size))}</dd>
        </div>
        <div>
          <dt>{d.recipients}</dt>
          <dd>{e.recipients.map(recipientText).join(', ')}</dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd class="mono wrap small">{e.sha256}</dd>
        </div>
      </dl>
      <h4>{d.copiesHeading}</h4>
      {e.copies.length ? (
        <ul class="copy-list">
          {e.copies.map((c) => (
            <li key={c.id}>
              <strong>{d.media[c.medium]}</strong> · {c.location} · {d.heldBy(c.holder)} · <span class="muted">{formatDateTime(c.at)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="alert small">{d.noBundleCopies}</p>
      )}
      <AddCopy entry={e} onAdded={onChange} />
    </li>
  );
}

/** The register of bundles: each export with its hash, contents, recipients and copies; the signing key for custodians. */
export function RegisterPage() {
  const d = t().archive;
  const [reg, setReg] = useState<ArchiveRegister | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    engine()
      .archiveRegister()
      .then(setReg, (e) => setFailure(archiveErrorText(uiError(e))));
  }, []);
  if (failure) return <p role="alert" class="alert">{failure}</p>;
  if (!reg) return <p class="busy">{t().loading}</p>;
  const update = (e: BundleEntry) => setReg({ ...reg, bundles: reg.bundles.map((b) => (b.number === e.number ? e : b)) });
  return (
    <>
      <p class="hint">{d.registerIntro}</p>
      <p class="small">
        {d.signerKey(reg.signer.keyId)}{' '}
        <button type="button" class="link" onClick={() => saveBlob(new Blob([reg.signer.publicKeyFile], { type: 'text/plain' }), `closeout-${reg.signer.keyId}.pub`)}>
          {d.downloadSigner}
        </button>
      </p>
      {reg.bundles.length ? (
        <ul class="key-list" aria-label={d.pages.register}>
          {[...reg.bundles].reverse().map((e) => (
            <EntryCard key={e.number} e={e} onChange={update} />
          ))}
        </ul>
      ) : (
        <p class="empty">{d.noBundles}</p>
      )}
    </>
  );
}
