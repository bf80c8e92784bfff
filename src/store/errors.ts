/** Maps IndexedDB and Dexie failures to the project's error codes. */
import { AppError } from '../core/errors.ts';

/** True for the quota errors of IndexedDB (DOMException QuotaExceededError, Dexie's wrapper). */
export function isQuotaError(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const o = cur as { name?: string; inner?: unknown; cause?: unknown };
    if (o.name === 'QuotaExceededError') return true;
    cur = o.inner ?? o.cause;
  }
  return false;
}

/** Runs a write; a quota failure becomes STORAGE_FULL (the transaction was rolled back). */
export async function guardWrite<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isQuotaError(e)) {
      throw new AppError('STORAGE_FULL', 'The device storage is full; nothing was saved. Free some space or export and remove another vault, then try again.', { cause: e });
    }
    throw e;
  }
}
