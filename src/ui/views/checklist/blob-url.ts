/**
 * Object URLs of decrypted attachments. Each is revoked after use (a thumbnail when it leaves the
 * screen, a download shortly after it starts) and every one still alive when the vault locks.
 */
import { useEffect, useState } from 'preact/hooks';
import { onLockClear } from '../../app-state.ts';

const live = new Set<string>();
// Long enough for the browser to start reading the Blob for a download.
const DOWNLOAD_GRACE_MS = 10_000;

onLockClear(() => {
  for (const u of live) URL.revokeObjectURL(u);
  live.clear();
});

/** An object URL for `blob`, remembered until revoke(). */
export function objectUrl(blob: Blob): string {
  const u = URL.createObjectURL(blob);
  live.add(u);
  return u;
}

export function revoke(url: string): void {
  URL.revokeObjectURL(url);
  live.delete(url);
}

/** Hands a Blob to the browser as a download named `name`, then revokes its URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = objectUrl(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => revoke(url), DOWNLOAD_GRACE_MS);
}

/**
 * The object URL of a thumbnail loaded by `load` (decrypted in the worker) while `enabled`, or
 * null; the URL is revoked when the component leaves the screen or `key` changes.
 */
export function useThumbnail(enabled: boolean, key: string, load: () => Promise<Blob | null>): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let mine: string | null = null;
    let alive = true;
    load().then(
      (blob) => {
        if (!blob || !alive) return;
        mine = objectUrl(blob);
        setUrl(mine);
      },
      () => undefined,
    );
    return () => {
      alive = false;
      if (mine) revoke(mine);
    };
  }, [key, enabled]);
  return url;
}
