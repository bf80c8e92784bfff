import type { ChecklistEntry } from '../../../core/domain/checklists/index.ts';
import { t } from '../../i18n/index.ts';

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
