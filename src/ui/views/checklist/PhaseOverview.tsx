import { PHASES, PHASE_NAMES, RULES_REVIEWED, SCENARIO_NAMES } from '../../../core/domain/checklists/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { t } from '../../i18n/index.ts';
import { phaseEntries, progressOf, tr } from './checklist-model.ts';
import type { ChecklistData } from './ChecklistView.tsx';
import { ProgressLine } from './Badges.tsx';
import { go } from './route.ts';

/** The phases P1–P7, each with its progress (done of the items that apply) and a way in. */
export function PhaseOverview({ data, notice }: { data: ChecklistData; notice: string | null }) {
  const d = t().checklist;
  const profile = data.snap.profile!;
  return (
    <section class="checklist">
      <PageHeading>{d.heading}</PageHeading>
      <p class="muted">
        {profile.firmName} · {profile.scenarios.map((s) => `${s} ${tr(SCENARIO_NAMES[s])}`).join('；')}
      </p>
      {notice && (
        <p role="status" class="ok">
          {notice}
        </p>
      )}
      <div class="actions no-print">
        <button type="button" onClick={() => go({ kind: 'profile' })}>
          {d.editProfile}
        </button>
        <button type="button" onClick={() => go({ kind: 'print', phase: null })}>
          {d.printAll}
        </button>
      </div>
      <h2>{d.phasesHeading}</h2>
      <ul class="phase-list">
        {PHASES.map((ph) => {
          const { applies } = phaseEntries(data.list.entries, ph);
          const p = progressOf(applies);
          const name = `${ph} ${tr(PHASE_NAMES[ph])}`;
          return (
            <li key={ph} class="phase-card">
              <h3>
                <button type="button" class="link phase-button" onClick={() => go({ kind: 'phase', phase: ph })}>
                  {name}
                </button>
              </h3>
              <ProgressLine id={`progress-${ph}`} label={d.progressOf(ph)} p={p} />
            </li>
          );
        })}
      </ul>
      <p class="muted small">{d.reviewed(RULES_REVIEWED)}</p>
    </section>
  );
}
