import { useEffect, useState } from 'preact/hooks';
import { session } from '../app-state.ts';
import { engine } from '../engine-client.ts';
import { t } from '../i18n/index.ts';
import { exportNudge, refreshStorage, requestPersistence, storageState, storageWarnings } from '../storage-status.ts';

function size(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 && i ? 1 : 0)} ${units[i]}`;
}

/** Whether storage is persistent, the quota and usage, and the warnings that apply. */
export function StorageSection() {
  const d = t();
  const [recordCount, setRecordCount] = useState(0);
  useEffect(() => {
    void refreshStorage();
    engine()
      .counts()
      .then((c) => setRecordCount(c.total))
      .catch(() => undefined);
  }, []);
  const s = storageState.value;
  const warnings = storageWarnings(s);
  const lastExport = session.value?.settings.lastExportAt;
  return (
    <section class="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{d.storageHeading}</h2>
      <p class={s.persisted === false ? 'alert' : undefined}>
        {s.persisted === true ? d.storagePersistent : s.persisted === false ? d.storageNotPersistent : d.storageUnknown}
      </p>
      {s.usage != null && s.quota ? <p>{d.storageUsage(size(s.usage), size(s.quota), Math.round((100 * s.usage) / s.quota))}</p> : null}
      {warnings.includes('nearly-full') && <p class="alert">{d.storageNearlyFull}</p>}
      {exportNudge(lastExport, recordCount) && <p class="alert">{d.exportNudge}</p>}
      {s.persisted === false && (
        <button type="button" onClick={() => void requestPersistence()}>
          {d.storageAsk}
        </button>
      )}
    </section>
  );
}
