/**
 * Where records stand in the funnel. Kept apart from the rules (no bundled regulations), so the
 * engine can count the funnel without loading them.
 */
import type { Fate, FateFunnel, FateStatus, Hold } from './types.ts';

/** Where a record stands: held first, then its fate, else undecided. */
export function fateStatus(r: { fate?: Fate; hold?: Hold }): FateStatus {
  if (r.hold) return 'held';
  return r.fate?.kind ?? 'undecided';
}

/** True only for a record marked destroy and not held: what a destruction run may take. */
export function destroyable(r: { fate?: Fate; hold?: Hold }): boolean {
  return r.fate?.kind === 'destroy' && !r.hold;
}

/** Counts records by status; the five counts add up to the total. */
export function funnelOf(records: Iterable<{ fate?: Fate; hold?: Hold }>): FateFunnel {
  const f: FateFunnel = { total: 0, undecided: 0, keep: 0, transfer: 0, destroy: 0, held: 0 };
  for (const r of records) {
    f.total++;
    f[fateStatus(r)]++;
  }
  return f;
}
