/**
 * The service worker, install prompt and network state, as signals for the views. An update
 * never reloads under the user: `updateReady` turns on and the page reloads only when
 * `applyUpdate` is called from the "reload" button.
 */
import { signal } from '@preact/signals';
import { registerSW } from 'virtual:pwa-register';

export const updateReady = signal(false);
export const offlineReady = signal(false);
/** 'unsupported' (no service workers: private mode, old browser) or 'failed' (registration error). */
export const swProblem = signal<'unsupported' | 'failed' | null>(null);
export const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}
export const installEvent = signal<InstallPromptEvent | null>(null);
export const installed = signal(false);

let update: ((reload?: boolean) => Promise<void>) | null = null;

/** Registers the service worker and listens for install and network events. Call once. */
export function startPwa(): void {
  addEventListener('online', () => (online.value = true));
  addEventListener('offline', () => (online.value = false));
  addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    installEvent.value = e as InstallPromptEvent;
  });
  addEventListener('appinstalled', () => {
    installed.value = true;
    installEvent.value = null;
  });
  if (!('serviceWorker' in navigator)) {
    swProblem.value = 'unsupported';
    return;
  }
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => (updateReady.value = true),
    onOfflineReady: () => (offlineReady.value = true),
    onRegisterError: () => (swProblem.value = 'failed'),
    onRegisteredSW: (_url, reg) => {
      // Look for a new version when the app comes back to the foreground, and hourly.
      if (!reg) return;
      document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void reg.update().catch(() => undefined));
      setInterval(() => void reg.update().catch(() => undefined), 60 * 60 * 1000);
    },
  });
}

/** Activates the waiting version and reloads into it; only ever called by the user's click. */
export function applyUpdate(): Promise<void> {
  return update?.(true) ?? Promise.resolve();
}

/** Shows the browser's install dialog, when it offered one. */
export async function promptInstall(): Promise<void> {
  const e = installEvent.value;
  if (!e) return;
  await e.prompt();
  await e.userChoice.catch(() => undefined);
  installEvent.value = null;
}

/** True on iPhone and iPad Safari outside an installed app, where "Add to Home Screen" is manual. */
export function needsIosInstallHelp(): boolean {
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  const standalone = matchMedia('(display-mode: standalone)').matches || (navigator as { standalone?: boolean }).standalone === true;
  return ios && !standalone;
}
