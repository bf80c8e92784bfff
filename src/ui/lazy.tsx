import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n/index.ts';

/**
 * Loads a module once and renders `render(module)` when it is there. Views that are only needed
 * after unlock load this way, so the JS needed to reach the unlock screen stays small; the
 * service worker precaches every chunk, so this works offline too.
 */
export function lazyModule<M>(load: () => Promise<M>) {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  const get = () => (pending ??= load().then((m) => (loaded = m)));
  return {
    preload: () => void get(),
    Render({ render }: { render: (m: M) => preact.ComponentChildren }) {
      const [m, setM] = useState<M | null>(loaded);
      useEffect(() => {
        if (!m) void get().then(setM);
      }, []);
      return m ? <>{render(m)}</> : <p class="busy" aria-live="polite">{t().loading}</p>;
    },
  };
}
