import { screen, session } from './app-state.ts';
import { AppFooter } from './components/AppFooter.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { PwaStatus } from './components/PwaStatus.tsx';
import { t } from './i18n/index.ts';
import { CreateVault } from './views/CreateVault.tsx';
import { lazyModule } from './lazy.tsx';
import { UnlockScreen } from './views/UnlockScreen.tsx';
import { VaultList } from './views/VaultList.tsx';

const shell = lazyModule(() => import('./views/Shell.tsx'));
const recovery = lazyModule(() => import('./views/RecoverySheet.tsx'));

function LockedLayout({ children }: { children: preact.ComponentChildren }) {
  return (
    <>
      <header class="app-header">
        <div class="header-top">
          <p class="vault-name">{t().appName}</p>
          <div class="header-tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <PwaStatus />
      <main id="main">{children}</main>
      <AppFooter />
    </>
  );
}

/** Picks the screen: vault list, create, recovery sheet, unlock, or the unlocked vault. */
export function App() {
  const s = screen.value;
  const info = session.value;
  if (s.name === 'vault' && info) return <shell.Render render={(m) => <m.Shell s={info} view={s.view} />} />;
  if (s.name === 'unlock' || s.name === 'create') shell.preload();
  if (s.name === 'create') recovery.preload();
  return (
    <LockedLayout>
      {s.name === 'create' && <CreateVault />}
      {s.name === 'recovery' && <recovery.Render render={(m) => <m.RecoverySheet label={s.label} createdAt={s.createdAt} recoveryKey={s.recoveryKey} />} />}
      {s.name === 'unlock' && <UnlockScreen key={s.vault.id} vault={s.vault} notice={s.notice} />}
      {(s.name === 'vaults' || (s.name === 'vault' && !info)) && <VaultList />}
    </LockedLayout>
  );
}
