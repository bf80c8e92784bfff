import { applyUpdate, online, swProblem, updateReady } from '../pwa.ts';
import { t } from '../i18n/index.ts';

/**
 * App-wide notices: a new version waiting (reloads only on the button), offline state, and a
 * service worker that could not be installed. Rendered above every screen.
 */
export function PwaStatus() {
  const d = t();
  return (
    <>
      {updateReady.value && (
        <section class="banner update-banner" aria-label={d.updateReady} aria-live="polite">
          <p>
            <strong>{d.updateReady}</strong> {d.updateWhy}
          </p>
          <button type="button" onClick={() => void applyUpdate()}>
            {d.updateReload}
          </button>
        </section>
      )}
      {!online.value && (
        <p class="banner offline-banner" aria-live="polite">
          {d.offline}
        </p>
      )}
      {swProblem.value && (
        <p class="banner alert" aria-live="polite">
          {swProblem.value === 'unsupported' ? d.swUnsupported : d.swFailed}
        </p>
      )}
    </>
  );
}
