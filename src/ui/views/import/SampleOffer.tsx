import { useState } from 'preact/hooks';
import type { ImportProgress } from '../../../engine/import/types.ts';
import { uiError } from '../../app-state.ts';
import { callback, engine, type UiError } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { importErrorText } from './import-words.ts';
import { lastImportEvidence } from './import-state.ts';
import { ProgressPanel } from './ProgressPanel.tsx';

/**
 * "Try with sample data" for an empty vault: imports the synthetic register bundled with the
 * engine (every record marked sample), with progress and Cancel; `onDone` refreshes the records.
 */
export function SampleOffer({ onDone }: { onDone: () => void }) {
  const d = t().import;
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<UiError | null>(null);

  const start = async () => {
    setRunning(true);
    setCancelling(false);
    setError(null);
    setProgress(null);
    try {
      const r = await engine().importSample(callback((p: ImportProgress) => setProgress(p)));
      lastImportEvidence.value = r.evidence;
      onDone();
    } catch (e) {
      const err = uiError(e);
      if (err.code !== 'AbortError') setError(err);
    }
    setRunning(false);
  };
  const cancel = () => {
    setCancelling(true);
    if (progress) void engine().importCancel(progress.importId);
  };

  return (
    <div class="card sample-offer">
      <p>{d.sampleOffer}</p>
      {error && (
        <p role="alert" class="alert">
          {error.code === 'CONFLICT' ? d.sampleConflict : importErrorText(error)}
        </p>
      )}
      {running ? (
        <ProgressPanel id="sample-progress" progress={progress} onCancel={cancel} cancelling={cancelling || !progress} />
      ) : (
        <div class="actions">
          <button type="button" onClick={() => void start()}>
            {d.trySample}
          </button>
        </div>
      )}
    </div>
  );
}
