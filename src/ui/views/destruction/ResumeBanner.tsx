import { useEffect } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import { go } from './route.ts';
import { interrupted, refreshRun } from './run-state.ts';

/** Shown on every screen of an unlocked vault while a destruction run is unfinished, with the way to complete it. */
export function ResumeBanner() {
  useEffect(() => void refreshRun(), []);
  const run = interrupted.value;
  if (!run) return null;
  const d = t().destruction;
  return (
    <div role="alert" class="alert banner resume-banner">
      <p>{d.interrupted(run.number, run.done, run.total)}</p>
      <button type="button" onClick={() => go('batches')}>
        {d.completeNow}
      </button>
    </div>
  );
}
