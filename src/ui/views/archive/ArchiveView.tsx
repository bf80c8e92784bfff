import { PageHeading } from '../../components/PageHeading.tsx';
import { t } from '../../i18n/index.ts';
import { ExportPage } from './ExportPage.tsx';
import { FatesPage } from './FatesPage.tsx';
import { KeysPage } from './KeysPage.tsx';
import { OpenPage } from './OpenPage.tsx';
import { RegisterPage } from './RegisterPage.tsx';
import { ARCHIVE_PAGES, go, type ArchivePage } from './route.ts';
import './archive.css';

/**
 * The archive: fates of the records, custody keys and their escrow copies, exporting a bundle,
 * the register of bundles and their copies, and opening a bundle to verify, decrypt and restore.
 */
export function ArchiveView({ page }: { page: ArchivePage }) {
  const d = t().archive;
  return (
    <section class="archive">
      <PageHeading>{d.heading}</PageHeading>
      <nav aria-label={d.sections} class="sub-nav no-print">
        {ARCHIVE_PAGES.map((p) => (
          <button key={p} type="button" class="nav-button" aria-current={p === page ? 'page' : undefined} onClick={() => go(p)}>
            {d.pages[p]}
          </button>
        ))}
      </nav>
      {page === 'fates' && <FatesPage />}
      {page === 'keys' && <KeysPage />}
      {page === 'export' && <ExportPage />}
      {page === 'register' && <RegisterPage />}
      {page === 'open' && <OpenPage />}
    </section>
  );
}
