import { useEffect, useState } from 'preact/hooks';
import type { DestructionOverview, EntryInfo, LogExport } from '../../../engine/destruction/types.ts';
import { uiError } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { saveBlob } from '../checklist/blob-url.ts';
import { destructionErrorText, textBlob } from './destruction-words.ts';
import { EntryPhotos } from './EntryPhotos.tsx';
import { EntryTable } from './EntryTable.tsx';
import { go } from './route.ts';

/** Saves the three files of an exported log. */
export function saveLog(x: LogExport): void {
  saveBlob(textBlob(x.text), x.fileName);
  saveBlob(textBlob(x.signature), x.signatureFileName);
  saveBlob(textBlob(x.publicKey), x.publicKeyFileName);
}

/** The destruction log: its entries, head and signing key; the signed export and the certificate of the whole wind-down. */
export function LogPage() {
  const d = t().destruction;
  const [ov, setOv] = useState<DestructionOverview | null>(null);
  const [entries, setEntries] = useState<EntryInfo[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    Promise.all([engine().destructionOverview(), engine().destructionEntries()]).then(
      ([o, e]) => {
        setOv(o);
        setEntries(e);
      },
      (e) => setFailure(destructionErrorText(uiError(e))),
    );
  }, []);
  const exportLog = async () => {
    setBusy(true);
    setFailure(null);
    try {
      saveLog(await engine().destructionExportLog());
      setMsg(d.exported);
    } catch (e) {
      setFailure(destructionErrorText(uiError(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{d.logHeading}</h2>
      <p>{d.logIntro}</p>
      {ov && (
        <dl class="meta-grid">
          <div>
            <dt>{d.entryCount}</dt>
            <dd>{ov.head.count}</dd>
          </div>
          <div>
            <dt>{d.headHash}</dt>
            <dd class="mono wrap small">{ov.head.hash}</dd>
          </div>
          <div>
            <dt>{d.keyId}</dt>
            <dd class="mono">{ov.keyId}</dd>
          </div>
        </dl>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy || !ov} onClick={() => void exportLog()}>
          {d.exportLog}
        </button>
        <button type="button" disabled={!ov || !ov.head.count} onClick={() => go('certificate', null)}>
          {d.certificateAll}
        </button>
      </div>
      {msg && (
        <p role="status" class="ok">
          {msg}
        </p>
      )}
      {failure && (
        <p role="alert" class="alert">
          {failure}
        </p>
      )}
      <p class="hint mono wrap">{d.verifyHow}</p>
      {ov && entries.length === 0 && <p class="muted">{d.noEntries}</p>}
      {entries.length > 0 && <EntryTable entries={entries} caption={d.logHeading} />}
      <EntryPhotos entries={entries} />
    </section>
  );
}
