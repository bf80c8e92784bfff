import { installEvent, needsIosInstallHelp, promptInstall } from '../pwa.ts';
import { t } from '../i18n/index.ts';

/** Version, and how to install the app: the browser's prompt, or the manual steps on iOS Safari. */
export function AppFooter() {
  const d = t();
  const ios = needsIosInstallHelp();
  return (
    <footer class="app-footer">
      {installEvent.value && (
        <button type="button" onClick={() => void promptInstall()}>
          {d.install}
        </button>
      )}
      {ios && (
        <details class="ios-install">
          <summary>{d.iosInstallTitle}</summary>
          <p>{d.iosInstall}</p>
        </details>
      )}
      <p class="muted small" data-testid="app-version">
        {d.version(__APP_VERSION__)}
      </p>
    </footer>
  );
}
