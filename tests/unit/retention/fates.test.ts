import { describe, expect, it } from 'vitest';
import { bundleFate, destroyable, fateOf, fateProblem, fateStatus, funnelOf, parseBundleFate, retentionOf, suggestFate, type Fate, type Hold } from '../../../src/core/domain/retention/index.ts';
import type { FirmProfile } from '../../../src/core/domain/checklists/index.ts';
import { errorCode } from '../../../src/core/errors.ts';

const dates = { accountsClosed: '2026-06-30' };
const bound = retentionOf({ categories: ['identity'] }, { scenarios: ['SD'], dates });
const free = retentionOf({ categories: ['communications'] }, { scenarios: ['SD'], dates });
const expired = retentionOf({ categories: ['identity'], relationshipEnd: '1990-01-01' }, { scenarios: ['SD'], dates });
const TODAY = '2026-11-22';
const profile = (p: Partial<FirmProfile> = {}) => ({ transferRoute: 'none' as const, ...p });
const hold: Hold = { reason: 'court order 2026-88', at: 't', by: 'Li' };

describe('fate suggestions', () => {
  const cases: [string, Parameters<typeof suggestFate>[0], Parameters<typeof suggestFate>[1], string][] = [
    ['no profile → none', { retention: bound, held: false }, { profile: null, today: TODAY }, 'none'],
    ['under retention → keep', { retention: bound, held: false }, { profile: profile(), today: TODAY }, 'keep'],
    ['no basis → destroy', { retention: free, held: false }, { profile: profile(), today: TODAY }, 'destroy'],
    ['expired → destroy', { retention: expired, held: false }, { profile: profile(), today: TODAY }, 'destroy'],
    ['no basis but held → keep', { retention: free, held: true }, { profile: profile(), today: TODAY }, 'keep'],
    ['PIPL 22 transfer → transfer', { retention: bound, held: false }, { profile: profile({ transferRoute: 'pipl22', recipient: '乙证券' }), today: TODAY }, 'transfer'],
    ['art. 23 needs consent → not transfer', { retention: free, held: false }, { profile: profile({ transferRoute: 'consent23', recipient: '乙' }), today: TODAY }, 'destroy'],
    ['equity sale → no transfer', { retention: bound, held: false }, { profile: profile({ transferRoute: 'equity-sale', recipient: '乙' }), today: TODAY }, 'keep'],
  ];
  for (const [name, r, ctx, kind] of cases) it(name, () => expect(suggestFate(r, ctx).kind).toBe(kind));

  it('keep carries the basis and the date', () => {
    expect(suggestFate({ retention: bound, held: false }, { profile: profile(), today: TODAY })).toEqual({ kind: 'keep', basis: ['SECLAW-137'], until: '2046-06-30' });
  });
});

describe('a hold blocks destruction', () => {
  it('refuses destroy on a held record, and under a binding retention', () => {
    expect(fateProblem({ kind: 'destroy' }, { retention: free, held: true }, TODAY)).toBe('HELD');
    expect(fateProblem({ kind: 'destroy' }, { retention: bound, held: false }, TODAY)).toBe('UNDER_RETENTION');
    expect(fateProblem({ kind: 'destroy' }, { retention: expired, held: false }, TODAY)).toBeNull();
    expect(fateProblem({ kind: 'keep' }, { retention: free, held: true }, TODAY)).toBeNull();
    expect(fateProblem({ kind: 'transfer', recipient: ' ' }, { retention: free, held: false }, TODAY)).toBe('RECIPIENT_REQUIRED');
  });

  it('a record marked destroy and then held is no longer destroyable', () => {
    const fate = fateOf({ kind: 'destroy' }, free, 't', 'Li')!;
    expect(destroyable({ fate })).toBe(true);
    expect(destroyable({ fate, hold })).toBe(false);
    expect(fateStatus({ fate, hold })).toBe('held');
  });
});

describe('the funnel', () => {
  it('counts each record once; held wins over its fate', () => {
    const keep = fateOf({ kind: 'keep' }, bound, 't', 'Li');
    const destroy = fateOf({ kind: 'destroy' }, free, 't', 'Li');
    const transfer = fateOf({ kind: 'transfer', recipient: '乙' }, free, 't', 'Li');
    const f = funnelOf([{}, {}, { fate: keep }, { fate: destroy }, { fate: destroy, hold }, { hold }, { fate: transfer }]);
    expect(f).toEqual({ total: 7, undecided: 2, keep: 1, transfer: 1, destroy: 1, held: 2 });
  });
});

describe('fate in records.jsonl', () => {
  const keep: Fate = { kind: 'keep', basis: ['SECLAW-137'], until: '2046-06-30', at: 't', by: 'Li' };
  it('puts the hold inside the fate and reads both back', () => {
    for (const r of [{ fate: keep }, { fate: keep, hold }, { hold }, { fate: { kind: 'destroy', at: 't', by: 'Li' } as Fate }, {}]) {
      const v = bundleFate(r);
      expect(parseBundleFate(v === undefined ? undefined : JSON.parse(JSON.stringify(v)))).toEqual(r);
    }
    expect(bundleFate({ hold })).toEqual({ kind: 'undecided', hold });
  });

  it('reads a hand-made fate with one basis string, and refuses malformed ones', () => {
    expect(parseBundleFate({ kind: 'keep', basis: 'AML records, 10 years', until: '2036-12-31' })).toEqual({ fate: { kind: 'keep', basis: ['AML records, 10 years'], until: '2036-12-31', at: '', by: '' } });
    for (const bad of [{ kind: 'burn' }, { kind: 'transfer' }, { kind: 'undecided' }, { kind: 'keep', basis: 3 }, { kind: 'keep', basis: [], hold: { reason: '' } }, 'keep']) {
      let code;
      try {
        parseBundleFate(bad, 4);
      } catch (e) {
        code = errorCode(e);
      }
      expect(code, JSON.stringify(bad)).toBe('INVALID_INPUT');
    }
  });
});
