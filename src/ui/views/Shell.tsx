import { useEffect } from 'preact/hooks';
import type { SessionInfo } from '../../engine/types.ts';
import { lockVault, show, type View } from '../app-state.ts';
import { startAutoLock } from '../auto-lock.ts';
import { AppFooter } from '../components/AppFooter.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PwaStatus } from '../components/PwaStatus.tsx';
import { t } from '../i18n/index.ts';
import { AuditLog } from './AuditLog.tsx';
import { ArchiveRoute } from './archive/ArchiveRoute.tsx';
import { DestructionRoute } from './destruction/DestructionRoute.tsx';
import { ResumeBanner } from './destruction/ResumeBanner.tsx';
import { ChecklistRoute } from './checklist/ChecklistRoute.tsx';
import { ImportView } from './import/ImportView.tsx';
import { RecordForm } from './RecordForm.tsx';
import { RecordsView } from './RecordsView.tsx';
import { SettingsView } from './SettingsView.tsx';

function DamageBanner({ s }: { s: SessionInfo }) {
  const d = t();
  if (!s.damaged.length) return null;
  const customers = [...new Set(s.damaged.flatMap((r) => r.customerNos))];
  return (
    <p role="alert" class="alert banner">
      {d.damaged(s.damaged.length, customers.length ? customers.join(', ') : d.damagedUnknown)}
    </p>
  );
}

function NavButton({ view, current, label }: { view: View['name']; current: View['name']; label: string }) {
  const active = view === current || (view === 'records' && current === 'record');
  return (
    <button type="button" class="nav-button" aria-current={active ? 'page' : undefined} onClick={() => show({ name: view } as View)}>
      {label}
    </button>
  );
}

/** The unlocked vault: header with label, operator, navigation and Lock; auto-lock runs while it is shown. */
export function Shell({ s, view }: { s: SessionInfo; view: View }) {
  const d = t();
  const minutes = s.settings.autoLockMinutes;
  useEffect(() => startAutoLock({ minutes, onLock: (reason) => void lockVault(reason) }), [minutes]);
  const actor = s.actor === 'recovery key' ? d.recoveryActor : s.actor;

  return (
    <>
      <header class="app-header">
        <div class="header-top">
          <div class="identity">
            <p class="vault-name">{s.label}</p>
            <p class="muted small">{d.signedInAs(actor)}</p>
          </div>
          <div class="header-tools">
            <LanguageSwitch />
            <button type="button" class="lock-button" onClick={() => void lockVault('manual')}>
              {d.lock}
            </button>
          </div>
        </div>
        <nav aria-label={d.vaultNav}>
          <NavButton view="records" current={view.name} label={d.navRecords} />
          <NavButton view="import" current={view.name} label={d.import.nav} />
          <NavButton view="checklist" current={view.name} label={d.checklist.nav} />
          <NavButton view="archive" current={view.name} label={d.archive.nav} />
          <NavButton view="destruction" current={view.name} label={d.destruction.nav} />
          <NavButton view="audit" current={view.name} label={d.navAudit} />
          <NavButton view="settings" current={view.name} label={d.navSettings} />
        </nav>
      </header>
      <PwaStatus />
      <main id="main">
        <DamageBanner s={s} />
        <ResumeBanner />
        {view.name === 'records' && <RecordsView />}
        {view.name === 'record' && <RecordForm key={view.id ?? 'new'} id={view.id} />}
        {view.name === 'import' && <ImportView />}
        {view.name === 'checklist' && <ChecklistRoute page={view.page} />}
        {view.name === 'archive' && <ArchiveRoute page={view.page} />}
        {view.name === 'destruction' && <DestructionRoute page={view.page} batchId={view.batchId} />}
        {view.name === 'audit' && <AuditLog />}
        {view.name === 'settings' && <SettingsView />}
      </main>
      <AppFooter />
    </>
  );
}
