import { useEffect, useRef } from 'preact/hooks';
import type { ImportProgress } from '../../../engine/import/types.ts';
import { t } from '../../i18n/index.ts';
import './import.css';

export interface ProgressPanelProps {
  id: string;
  progress: ImportProgress | null;
  onCancel: () => void;
  cancelling: boolean;
}

/**
 * A labelled progress bar for import work in the worker: the phase (announced politely when it
 * changes), rows done, rows per second and time left, and Cancel, which takes focus so the
 * keyboard is not left on a control that has gone away.
 */
export function ProgressPanel({ id, progress, onCancel, cancelling }: ProgressPanelProps) {
  const d = t().import;
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const phase = progress ? d.phases[progress.phase] : d.reading;
  return (
    <div class="import-progress">
      <label for={id}>{d.progressLabel}</label>
      {progress ? (
        <progress key="determinate" id={id} max={Math.max(1, progress.total)} value={Math.min(progress.done, Math.max(1, progress.total))} />
      ) : (
        <progress key="indeterminate" id={id} />
      )}
      <p class="import-phase" aria-live="polite">
        {phase}
      </p>
      <p class="muted small import-rate" data-testid="import-rate">
        {progress ? d.progressText(progress.done, progress.total, progress.rowsPerSecond, progress.secondsLeft) : ''}
      </p>
      <button type="button" ref={cancel} onClick={onCancel} disabled={cancelling}>
        {d.cancel}
      </button>
    </div>
  );
}
