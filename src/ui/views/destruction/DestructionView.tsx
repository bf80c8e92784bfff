import { PageHeading } from '../../components/PageHeading.tsx';
import { t } from '../../i18n/index.ts';
import { BatchesPage } from './BatchesPage.tsx';
import { CertificateView } from './CertificateView.tsx';
import { EndPage } from './EndPage.tsx';
import { KeysPage } from './KeysPage.tsx';
import { LogPage } from './LogPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { RecordPage } from './RecordPage.tsx';
import { DESTRUCTION_PAGES, go, type DestructionPage } from './route.ts';
import './destruction.css';

/**
 * Destruction with proof: batches planned, approved and executed; physical destruction recorded
 * with photos; custody keys crypto-erased; the signed log; certificates; the vault's end.
 */
export function DestructionView({ page, batchId }: { page: DestructionPage; batchId: string | null }) {
  const d = t().destruction;
  if (page === 'certificate') return <CertificateView batchId={batchId} />;
  return (
    <section class="destruction">
      <PageHeading>{d.heading}</PageHeading>
      <nav aria-label={d.sections} class="sub-nav no-print">
        {DESTRUCTION_PAGES.map((p) => (
          <button key={p} type="button" class="nav-button" aria-current={p === page ? 'page' : undefined} onClick={() => go(p)}>
            {d.pages[p]}
          </button>
        ))}
      </nav>
      <p class="notice small">{d.truth}</p>
      {page === 'batches' && <BatchesPage />}
      {page === 'plan' && <PlanPage />}
      {page === 'record' && <RecordPage batchId={batchId} />}
      {page === 'keys' && <KeysPage />}
      {page === 'log' && <LogPage />}
      {page === 'end' && <EndPage />}
    </section>
  );
}
