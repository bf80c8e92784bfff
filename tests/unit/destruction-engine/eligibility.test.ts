import { describe, expect, it } from 'vitest';
import { archiveFacts, bundleHolds, ineligibility, inScope, type EligibilityFacts, type IneligibleReason } from '../../../src/core/domain/destruction/index.ts';
import type { Fate } from '../../../src/core/domain/retention/types.ts';

const at = '2026-01-01T00:00:00.000Z';
const destroy: Fate = { kind: 'destroy', at, by: 'Li' };
const keep: Fate = { kind: 'keep', basis: ['SECLAW-137'], until: '2046-06-30', at, by: 'Li' };
const transfer: Fate = { kind: 'transfer', recipient: '丙证券', at, by: 'Li' };
const hold = { reason: 'court order', at, by: 'Li' };
const base: EligibilityFacts = { underRetention: false, archived: false, transferred: false };

describe('which records a destruction batch may take', () => {
  // [case, facts, workingCopies, expected]
  const table: [string, EligibilityFacts, boolean, IneligibleReason | null][] = [
    ['destroy, no retention', { ...base, fate: destroy }, false, null],
    ['destroy, retention ended', { ...base, fate: destroy, underRetention: false }, false, null],
    ['destroy, retention not ended', { ...base, fate: destroy, underRetention: true }, false, 'UNDER_RETENTION'],
    ['destroy, held', { ...base, fate: destroy, hold }, false, 'HELD'],
    ['destroy, held and under retention: the hold is named', { ...base, fate: destroy, hold, underRetention: true }, false, 'HELD'],
    ['destroy, archived anyway', { ...base, fate: destroy, archived: true }, true, null],
    ['undecided', { ...base }, false, 'UNDECIDED'],
    ['undecided and held', { ...base, hold }, true, 'HELD'],
    ['keep, batch of destroy only', { ...base, fate: keep, archived: true }, false, 'NOT_DESTROY'],
    ['keep, working copies, not yet archived', { ...base, fate: keep }, true, 'NOT_ARCHIVED'],
    ['keep, working copies, archived', { ...base, fate: keep, archived: true, underRetention: true }, true, null],
    ['keep, archived but held', { ...base, fate: keep, archived: true, hold }, true, 'HELD'],
    ['keep, only transferred', { ...base, fate: keep, transferred: true }, true, 'NOT_ARCHIVED'],
    ['transfer, batch of destroy only', { ...base, fate: transfer, transferred: true }, false, 'NOT_DESTROY'],
    ['transfer, working copies, not yet transferred', { ...base, fate: transfer, archived: true }, true, 'NOT_TRANSFERRED'],
    ['transfer, working copies, transferred', { ...base, fate: transfer, transferred: true }, true, null],
  ];
  for (const [name, facts, workingCopies, expected] of table) {
    it(name, () => expect(ineligibility(facts, { workingCopies })).toBe(expected));
  }

  it('a plan concerns records marked destroy, and kept or transferred ones only with working copies', () => {
    expect(inScope({ fate: destroy })).toBe(true);
    expect(inScope({ fate: keep })).toBe(false);
    expect(inScope({ fate: keep }, { workingCopies: true })).toBe(true);
    expect(inScope({}, { workingCopies: true })).toBe(false);
  });

  it('a bundle holds what existed when it was made; archived means a bundle after the last change', () => {
    const b = (createdAt: string, kinds: ('custody' | 'extra' | 'passphrase')[]) => ({ number: 'ARC-2026-0001', createdAt, recipientKinds: kinds });
    expect(bundleHolds({ createdAt: '2026-02-01' }, { createdAt: '2026-01-01' })).toBe(true);
    expect(bundleHolds({ createdAt: '2025-12-31' }, { createdAt: '2026-01-01' })).toBe(false);
    const r = { updatedAt: '2026-03-01T00:00:00.000Z' };
    expect(archiveFacts([b('2026-02-01T00:00:00.000Z', ['custody'])], r)).toEqual({ archived: false, transferred: false });
    expect(archiveFacts([b('2026-03-01T00:00:00.000Z', ['custody'])], r)).toEqual({ archived: true, transferred: false });
    expect(archiveFacts([b('2026-04-01T00:00:00.000Z', ['passphrase'])], r)).toEqual({ archived: true, transferred: false });
    expect(archiveFacts([b('2026-04-01T00:00:00.000Z', ['extra'])], r)).toEqual({ archived: false, transferred: true });
    expect(archiveFacts([b('2026-04-01T00:00:00.000Z', ['custody', 'extra'])], r)).toEqual({ archived: true, transferred: true });
  });
});
