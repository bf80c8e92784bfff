import { PHASE_NAMES, type ChecklistEntry, type Phase } from '../../../core/domain/checklists/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { phaseEntries, progressOf, tr } from './checklist-model.ts';
import type { ChecklistData } from './ChecklistView.tsx';
import { go } from './route.ts';
import { ProgressLine, StatusBadge } from './Badges.tsx';

function EntryRow({ e }: { e: ChecklistEntry }) {
  const d = t().checklist;
  const st = e.state;
  return (
    <li class="item-row">
      <button type="button" class="link item-button" onClick={() => go({ kind: 'item', id: e.item.id })}>
        <span class="mono">{e.item.id}</span> {tr(e.item.title)}
      </button>
      <span class="item-meta small">
        <StatusBadge entry={e} />
        {e.applicability === 'applies' && e.blockedBy.length > 0 && st?.status !== 'done' && st?.status !== 'na' && <span class="badge blocked-badge">{d.blocked}</span>}
        {st?.owner && <span>{st.owner}</span>}
        {st?.due && <span>{formatDate(`${st.due}T00:00:00`)}</span>}
        {(st?.evidence.length ?? 0) > 0 && (
          <span>
            {d.evidence}: {st!.evidence.length}
          </span>
        )}
      </span>
    </li>
  );
}

/** One phase's items that apply, in matrix order, then the retired ones it kept. */
export function PhaseList({ data, phase }: { data: ChecklistData; phase: Phase }) {
  const d = t().checklist;
  const { applies, retired } = phaseEntries(data.list.entries, phase);
  const name = `${phase} ${tr(PHASE_NAMES[phase])}`;
  return (
    <section class="checklist">
      <div class="actions no-print">
        <button type="button" onClick={() => go({ kind: 'overview' })}>
          {d.allPhases}
        </button>
        <button type="button" onClick={() => go({ kind: 'print', phase })}>
          {d.printPhase}
        </button>
      </div>
      <PageHeading>{name}</PageHeading>
      <ProgressLine id={`progress-${phase}`} label={d.progressOf(phase)} p={progressOf(applies)} />
      <h2 class="visually-hidden">{d.phaseItems}</h2>
      {applies.length ? (
        <ul class="item-list">
          {applies.map((e) => (
            <EntryRow key={e.item.id} e={e} />
          ))}
        </ul>
      ) : (
        <p class="empty">{d.noItems}</p>
      )}
      {retired.length > 0 && (
        <>
          <h2>{d.retiredHeading}</h2>
          <ul class="item-list retired-list">
            {retired.map((e) => (
              <EntryRow key={e.item.id} e={e} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
