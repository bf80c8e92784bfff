/**
 * Which records a destruction batch may take, and why the others may not. Pure rules over what
 * is known of a record (its fate, its hold, whether a retention still binds, whether a bundle
 * holds its current version), so they can be table-tested and shown by the UI as they are.
 *
 * A batch takes records marked destroy. With `workingCopies`, it also takes the vault's working
 * copy of a record that is kept or transferred, once an archive or transfer bundle made after
 * its last change holds it: the bundle then keeps (or has handed over) what the law requires,
 * and the vault no longer needs to.
 */
import type { Fate, Hold } from '../retention/types.ts';

/** Why a record may not be destroyed now. */
export type IneligibleReason = 'HELD' | 'UNDECIDED' | 'NOT_DESTROY' | 'UNDER_RETENTION' | 'NOT_ARCHIVED' | 'NOT_TRANSFERRED';

export const INELIGIBLE_REASONS: readonly IneligibleReason[] = ['HELD', 'UNDECIDED', 'NOT_DESTROY', 'UNDER_RETENTION', 'NOT_ARCHIVED', 'NOT_TRANSFERRED'];

export interface EligibilityFacts {
  fate?: Fate;
  hold?: Hold;
  /** True while a retention basis binds (its end not passed, or not yet known). */
  underRetention: boolean;
  /** True when an archive bundle made after the record's last change holds it. */
  archived: boolean;
  /** True when a transfer bundle (to the recipient's key) made after its last change holds it. */
  transferred: boolean;
}

export interface Scope {
  /** Also take the working copies of kept and transferred records once archived or transferred. */
  workingCopies?: boolean;
}

/**
 * Why the record may not be in a batch of `scope`, or null when it may. A legal hold wins over
 * everything; a record marked destroy is blocked only by a retention that still binds; a kept
 * record needs an archive and a transferred one a transfer first.
 */
export function ineligibility(r: EligibilityFacts, scope: Scope = {}): IneligibleReason | null {
  if (r.hold) return 'HELD';
  if (!r.fate) return 'UNDECIDED';
  switch (r.fate.kind) {
    case 'destroy':
      return r.underRetention ? 'UNDER_RETENTION' : null;
    case 'keep':
      if (!scope.workingCopies) return 'NOT_DESTROY';
      return r.archived ? null : 'NOT_ARCHIVED';
    case 'transfer':
      if (!scope.workingCopies) return 'NOT_DESTROY';
      return r.transferred ? null : 'NOT_TRANSFERRED';
  }
}

/**
 * True when the record concerns a batch of `scope` at all: marked destroy (eligible or not), or
 * kept or transferred when working copies are in scope. Undecided records stay out of the plan.
 */
export function inScope(r: { fate?: Fate }, scope: Scope = {}): boolean {
  if (!r.fate) return false;
  return r.fate.kind === 'destroy' || !!scope.workingCopies;
}

/** What a bundle in the register says of itself: when it was made and to whom. */
export interface BundleFacts {
  number: string;
  createdAt: string;
  /** 'custody' and 'passphrase' recipients archive; an 'extra' age key is a hand-over. */
  recipientKinds: readonly ('custody' | 'extra' | 'passphrase')[];
}

/**
 * True when the bundle holds the record: an export takes every record of the vault, so a bundle
 * made at or after the record's creation holds a version of it.
 */
export function bundleHolds(b: { createdAt: string }, r: { createdAt: string }): boolean {
  return b.createdAt >= r.createdAt;
}

/** True when the bundle holds the record's current version (made at or after its last change). */
export function bundleHoldsCurrent(b: { createdAt: string }, r: { updatedAt: string }): boolean {
  return b.createdAt >= r.updatedAt;
}

/** Whether the record's current version is archived (custody key or passphrase) and transferred (extra age key) by `bundles`. */
export function archiveFacts(bundles: readonly BundleFacts[], r: { updatedAt: string }): { archived: boolean; transferred: boolean } {
  let archived = false;
  let transferred = false;
  for (const b of bundles) {
    if (!bundleHoldsCurrent(b, r)) continue;
    if (b.recipientKinds.some((k) => k === 'custody' || k === 'passphrase')) archived = true;
    if (b.recipientKinds.includes('extra')) transferred = true;
  }
  return { archived, transferred };
}
