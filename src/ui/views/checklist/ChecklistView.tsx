import { useEffect, useMemo, useState } from 'preact/hooks';
import { generateChecklist, type Checklist } from '../../../core/domain/checklists/index.ts';
import type { ChecklistLimits, ChecklistSnapshot } from '../../../engine/checklist/types.ts';
import { uiError } from '../../app-state.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { engine } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';
import { failureText } from './checklist-model.ts';
import { ItemDetail } from './ItemDetail.tsx';
import { PhaseList } from './PhaseList.tsx';
import { PhaseOverview } from './PhaseOverview.tsx';
import { PrintView } from './PrintView.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { go, type ChecklistPage } from './route.ts';
import './checklist.css';

/** What every checklist page works from: the stored snapshot, the checklist made of it, operators and limits. */
export interface ChecklistData {
  snap: ChecklistSnapshot;
  list: Checklist;
  operators: string[];
  limits: ChecklistLimits;
  /** Takes a snapshot the engine returned after a change. */
  update: (s: ChecklistSnapshot) => void;
}

/**
 * The checklist: the firm profile first (until one is saved), then the phases with progress,
 * a phase's items, an item's detail with its citations and evidence, and the print views.
 */
export function ChecklistView({ page }: { page: ChecklistPage }) {
  const d = t().checklist;
  const [snap, setSnap] = useState<ChecklistSnapshot | null>(null);
  const [operators, setOperators] = useState<string[]>([]);
  const [limits, setLimits] = useState<ChecklistLimits | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const e = engine();
    Promise.all([e.checklistGet(), e.listSlots(), e.checklistLimits()]).then(
      ([s, slots, l]) => {
        setSnap(s);
        setOperators(slots.filter((x) => x.kind === 'passphrase').map((x) => x.label));
        setLimits(l);
      },
      (err) => setError(failureText(uiError(err))),
    );
  }, []);

  const list = useMemo(() => (snap?.profile ? generateChecklist(snap.profile, snap.states) : null), [snap]);

  if (error) {
    return (
      <section>
        <PageHeading>{d.heading}</PageHeading>
        <p role="alert" class="alert">
          {error}
        </p>
      </section>
    );
  }
  if (!snap || !limits) return <p class="busy" aria-live="polite">{t().loading}</p>;

  if (!snap.profile || !list || page.kind === 'profile') {
    const saved = (s: ChecklistSnapshot) => {
      const states = Object.values(s.states);
      const applies = states.filter((x) => !x.retired).length;
      setSnap(s);
      setNotice(d.profileSaved(applies, states.length - applies));
      go({ kind: 'overview' });
    };
    return <ProfileForm profile={snap.profile} onSaved={saved} onCancel={snap.profile ? () => go({ kind: 'overview' }) : undefined} />;
  }

  const data: ChecklistData = { snap, list, operators, limits, update: setSnap };
  switch (page.kind) {
    case 'phase':
      return <PhaseList key={page.phase} data={data} phase={page.phase} />;
    case 'item':
      return <ItemDetail key={page.id} data={data} id={page.id} />;
    case 'print':
      return <PrintView data={data} phase={page.phase} />;
    default:
      return <PhaseOverview data={data} notice={notice} />;
  }
}
