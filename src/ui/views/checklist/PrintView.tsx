import { PHASES, PHASE_NAMES, RULES_REVIEWED, SCENARIO_NAMES, citationsFor, type ChecklistEntry, type Phase } from '../../../core/domain/checklists/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { phaseEntries, progressOf, tr } from './checklist-model.ts';
import type { ChecklistData } from './ChecklistView.tsx';
import { ConfidenceBadge } from './Citations.tsx';
import { go } from './route.ts';
import './checklist-print.css';

function PrintItem({ e, data }: { e: ChecklistEntry; data: ChecklistData }) {
  const d = t().checklist;
  const st = e.state!;
  const done = data.snap.done[e.item.id];
  const owner = [st.owner, st.due && formatDate(`${st.due}T00:00:00`)].filter(Boolean).join(' / ');
  return (
    <tr class="print-item">
      <th scope="row">
        <span class="mono">{e.item.id}</span> {tr(e.item.title)}
        {e.applicability === 'retired' && <span class="muted small"> ({d.retired})</span>}
        {st.notes && <p class="print-notes">{st.notes}</p>}
      </th>
      <td>
        {d.statuses[st.status]}
        {st.status === 'na' && st.naReason && <span>: {st.naReason}</span>}
        {st.status === 'done' && done && <p>{d.doneBy(done.by, formatDateTime(done.at))}</p>}
      </td>
      <td>{owner || d.none}</td>
      <td>{st.evidence.length ? st.evidence.map((x) => x.label).join('；') : d.none}</td>
      <td>
        {citationsFor(e.item.id, data.snap.profile!).map((f) => (
          <p key={f.id}>
            {tr(f.source)} {f.article} <ConfidenceBadge f={f} />
          </p>
        ))}
      </td>
    </tr>
  );
}

function PhaseTable({ phase, data }: { phase: Phase; data: ChecklistData }) {
  const d = t().checklist;
  const { applies, retired } = phaseEntries(data.list.entries, phase);
  const rows = [...applies, ...retired];
  const p = progressOf(applies);
  return (
    <section class="print-phase">
      <h2>
        {phase} {tr(PHASE_NAMES[phase])}
      </h2>
      <p class="small">{p.total ? d.progress(p.done, p.na, p.total) : d.noItems}</p>
      {rows.length > 0 && (
        <table class="print-table">
          <thead>
            <tr>
              <th scope="col">{d.colItem}</th>
              <th scope="col">{d.colStatus}</th>
              <th scope="col">{d.colOwner}</th>
              <th scope="col">{d.colEvidence}</th>
              <th scope="col">{d.colBasis}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <PrintItem key={e.item.id} e={e} data={data} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A phase (or every phase) laid out to print or save as PDF, in the current language. */
export function PrintView({ data, phase }: { data: ChecklistData; phase: Phase | null }) {
  const d = t().checklist;
  const profile = data.snap.profile!;
  const phases = phase ? [phase] : PHASES;
  return (
    <section class="checklist print-view">
      <div class="actions no-print">
        <button type="button" class="primary" onClick={() => window.print()}>
          {d.print}
        </button>
        <button type="button" onClick={() => go(phase ? { kind: 'phase', phase } : { kind: 'overview' })}>
          {d.back}
        </button>
      </div>
      <PageHeading>{phase ? `${d.printTitle} · ${phase} ${tr(PHASE_NAMES[phase])}` : d.printTitle}</PageHeading>
      <dl class="print-meta">
        <div>
          <dt>{d.firm}</dt>
          <dd>{profile.firmName}</dd>
        </div>
        <div>
          <dt>{d.scenariosShort}</dt>
          <dd>{profile.scenarios.map((s) => `${s} ${tr(SCENARIO_NAMES[s])}`).join('；')}</dd>
        </div>
      </dl>
      <p class="small">
        {d.printedOn(formatDate(new Date().toISOString()))} · {d.reviewed(RULES_REVIEWED)}
      </p>
      {phases.map((ph) => (
        <PhaseTable key={ph} phase={ph} data={data} />
      ))}
      <p class="small print-disclaimer">{d.disclaimer}</p>
    </section>
  );
}
