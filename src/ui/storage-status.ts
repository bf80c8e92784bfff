/**
 * Storage durability: whether the browser may evict this origin's data, how much is used, and
 * when to warn (DESIGN §6). Browsers may evict non-persistent storage under pressure; Safari
 * evicts a site's storage after 7 days without use unless the app is installed.
 */
import { signal } from '@preact/signals';

export interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export const storageState = signal<StorageState>({ persisted: null, usage: null, quota: null });

/** Share of the quota above which the app warns. */
export const USAGE_WARN = 0.8;
/** Days after the last export when the app nudges the user to export again. */
export const EXPORT_NUDGE_DAYS = 7;

/** Reads persistence and the storage estimate into `storageState`. */
export async function refreshStorage(): Promise<StorageState> {
  const s = navigator.storage;
  const persisted = s?.persisted ? await s.persisted().catch(() => null) : null;
  const est = s?.estimate ? await s.estimate().catch(() => null) : null;
  const state = { persisted, usage: est?.usage ?? null, quota: est?.quota ?? null };
  storageState.value = state;
  return state;
}

/** Asks the browser to keep this origin's storage (after a vault is created). */
export async function requestPersistence(): Promise<boolean> {
  const ok = navigator.storage?.persist ? await navigator.storage.persist().catch(() => false) : false;
  await refreshStorage();
  return ok;
}

/** The warnings that apply to a state: not persistent, nearly full. */
export function storageWarnings(s: StorageState): ('not-persistent' | 'nearly-full')[] {
  const w: ('not-persistent' | 'nearly-full')[] = [];
  if (s.persisted === false) w.push('not-persistent');
  if (s.usage != null && s.quota) if (s.usage / s.quota >= USAGE_WARN) w.push('nearly-full');
  return w;
}

/** True when records exist and the last export is missing or older than EXPORT_NUDGE_DAYS. */
export function exportNudge(lastExportAt: string | undefined, recordCount: number, now = Date.now()): boolean {
  if (recordCount === 0) return false;
  if (!lastExportAt) return true;
  return now - Date.parse(lastExportAt) > EXPORT_NUDGE_DAYS * 86_400_000;
}
