import { PHASE_NAMES, RULES_REVIEWED } from '../../../core/domain/checklists/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { t } from '../../i18n/index.ts';
import { itemLabel, tr } from './checklist-model.ts';
import type { ChecklistData } from './ChecklistView.tsx';
import { Citations } from './Citations.tsx';
import { EvidenceSection } from './EvidenceSection.tsx';
import { ItemForm } from './ItemForm.tsx';
import { go } from './route.ts';
import { StatusBadge } from './Badges.tsx';

/**
 * One item: what to do and what counts as evidence, why it waits (its unfinished prerequisites),
 * its state form, its evidence, and the law behind it with each citation's confidence.
 */
export function ItemDetail({ data, id }: { data: ChecklistData; id: string }) {
  const d = t().checklist;
  const entry = data.list.entries.find((e) => e.item.id === id);
  if (!entry || entry.applicability === 'excluded' || !entry.state) {
    return (
      <section class="checklist">
        <button type="button" onClick={() => go({ kind: 'overview' })}>
          {d.allPhases}
        </button>
        <p role="alert" class="alert">
          {t().errNotFound}
        </p>
      </section>
    );
  }
  const { item, state } = entry;
  const phase = `${item.phase} ${tr(PHASE_NAMES[item.phase])}`;
  const waiting = entry.blockedBy.length > 0 && state.status !== 'done' && state.status !== 'na';
  return (
    <section class="checklist item-detail">
      <div class="actions no-print">
        <button type="button" onClick={() => go({ kind: 'phase', phase: item.phase })}>
          {d.backToPhase(phase)}
        </button>
      </div>
      <PageHeading>
        <span class="mono">{item.id}</span> {tr(item.title)}
      </PageHeading>
      <p class="item-meta">
        <span class="muted small">{phase}</span> <StatusBadge entry={entry} />
      </p>
      {entry.applicability === 'retired' && (
        <div class="notice">
          <p>{d.retiredNote}</p>
          {entry.unmet.length > 0 && (
            <p class="small">
              {d.unmet} {entry.unmet.map(tr).join('；')}
            </p>
          )}
        </div>
      )}
      {waiting && (
        <div class="notice blocked-notice">
          <p>{d.blockedBy}</p>
          <ul>
            {entry.blockedBy.map((dep) => (
              <li key={dep}>
                <button type="button" class="link" onClick={() => go({ kind: 'item', id: dep })}>
                  {itemLabel(dep)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>{d.todo}</h2>
      <p>{tr(item.todo)}</p>
      {entry.addenda.length > 0 && (
        <>
          <h3>{d.addenda}</h3>
          <ul>
            {entry.addenda.map((a, i) => (
              <li key={i}>{tr(a)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{d.evidenceWhat}</h2>
      <p>{tr(item.evidence)}</p>
      <ItemForm data={data} id={id} state={state} />
      <EvidenceSection data={data} id={id} state={state} />
      <Citations itemId={id} profile={data.snap.profile!} />
      <p class="muted small">{d.reviewed(RULES_REVIEWED)}</p>
      <p class="muted small">{d.disclaimer}</p>
    </section>
  );
}
