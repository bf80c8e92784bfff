/**
 * Auto-lock: calls `onLock('idle')` after `minutes` without pointer, key, touch, wheel or scroll
 * activity, and `onLock('hidden')` once the page has been hidden for more than `hiddenMs`.
 * Driven by setInterval and Date.now only, so a test can fake the clock.
 */
export interface AutoLockOptions {
  minutes: number;
  onLock: (reason: 'idle' | 'hidden') => void;
  /** How long the page may stay hidden, in ms (default 60 000). */
  hiddenMs?: number;
  /** How often to check, in ms (default 1000). */
  tickMs?: number;
}

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;

/** Starts watching; returns a function that stops. `onLock` fires at most once. */
export function startAutoLock(o: AutoLockOptions): () => void {
  const idleMs = o.minutes * 60_000;
  const hiddenMs = o.hiddenMs ?? 60_000;
  let last = Date.now();
  let hiddenSince: number | null = document.visibilityState === 'hidden' ? last : null;
  let done = false;

  const fire = (reason: 'idle' | 'hidden') => {
    if (done) return;
    stop();
    o.onLock(reason);
  };
  const check = () => {
    const now = Date.now();
    if (hiddenSince !== null && now - hiddenSince > hiddenMs) fire('hidden');
    else if (now - last >= idleMs) fire('idle');
  };
  const active = () => {
    last = Date.now();
  };
  const visibility = () => {
    if (document.visibilityState === 'hidden') {
      hiddenSince = Date.now();
      return;
    }
    check();
    hiddenSince = null;
    active();
  };

  const opts = { capture: true, passive: true } as const;
  for (const type of ACTIVITY) document.addEventListener(type, active, opts);
  document.addEventListener('visibilitychange', visibility);
  const timer = setInterval(check, o.tickMs ?? 1000);

  function stop(): void {
    done = true;
    clearInterval(timer);
    for (const type of ACTIVITY) document.removeEventListener(type, active, opts);
    document.removeEventListener('visibilitychange', visibility);
  }
  return stop;
}
