import type { ChecklistEntry } from '../../../core/domain/checklists/index.ts';
import { t } from '../../i18n/index.ts';
import type { Progress } from './checklist-model.ts';

/** The item's status as a badge; a retired item says it no longer applies. */
export function StatusBadge({ entry }: { entry: ChecklistEntry }) {
  const d = t().checklist;
  const status = entry.state?.status ?? 'todo';
  return (
    <>
      <span class={`badge status-${status}`}>{d.statuses[status]}</span>
      {entry.applicability === 'retired' && <span class="badge retired-badge">{d.retired}</span>}
    </>
  );
}

/** A progress bar of settled items (done or not applicable) with its words; the words are its description. */
export function ProgressLine({ id, label, p }: { id: string; label: string; p: Progress }) {
  const d = t().checklist;
  const settled = p.done + p.na;
  return (
    <span class="progress-line">
      <progress value={settled} max={Math.max(1, p.total)} aria-label={label} aria-describedby={`${id}-text`} />
      <span id={`${id}-text`} class="small">
        {p.total ? d.progress(p.done, p.na, p.total) : d.noItems}
        {p.blocked > 0 && <span class="muted"> · {d.blockedCount(p.blocked)}</span>}
      </span>
    </span>
  );
}
