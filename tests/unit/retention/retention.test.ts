import { describe, expect, it } from 'vitest';
import { factById, FACTS, SCENARIOS, type Scenario } from '../../../src/core/domain/checklists/index.ts';
import type { Category } from '../../../src/core/domain/fields.ts';
import { addYears, isDate, RETENTION_RULES, retentionOf, rulesFor, underRetention } from '../../../src/core/domain/retention/index.ts';

const END = '2026-06-30';
const dates = { accountsClosed: END, fundLiquidated: '2027-03-31' };

describe('retention rules', () => {
  it('cite facts that exist and state a period, within the facts’ own scenarios', () => {
    for (const r of RETENTION_RULES) {
      const f = factById(r.fact);
      expect(f, r.fact).toBeDefined();
      expect(typeof f!.retention_years, r.fact).toBe('number');
      expect(f!.kind, r.fact).not.toBe('superseded');
      for (const s of r.scenarios) expect(f!.scenarios, `${r.fact} ${s}`).toContain(s);
    }
  });

  it('take every period from the facts, so a reviewed fact changes the rule', () => {
    const years = Object.fromEntries(rulesFor(SCENARIOS).map((r) => [r.fact, r.years]));
    expect(years).toEqual({ 'SECLAW-137': 20, 'SUIT-32': 20, 'FUNDLAW-102': 20, 'PF-10Y': 10, 'AML24-34': 10, 'SECLAW-162': 10, 'ACA-SCHED': 30, 'TAX-29': 10 });
    for (const [id, y] of Object.entries(years)) expect(FACTS.find((f) => f.id === id)!.retention_years).toBe(y);
  });
});

// categories × scenarios → the winning basis, its period and the keep-until date.
const TABLE: [Category[], Scenario[], string[], number, string | null][] = [
  [['identity'], ['SD'], ['SECLAW-137'], 20, '2046-06-30'],
  [['identity'], ['BT'], ['SECLAW-137'], 20, '2046-06-30'],
  [['identity'], ['PF'], ['FUNDLAW-102'], 20, '2046-06-30'],
  [['identity'], ['AV'], [], 0, null],
  [['contact'], ['PF'], ['AML24-34'], 10, '2036-06-30'],
  [['contact'], ['SD'], ['SECLAW-137'], 20, '2046-06-30'],
  [['financial'], ['PF'], ['AML24-34'], 10, '2036-06-30'],
  [['financial'], ['AV'], ['ACA-SCHED'], 30, '2056-12-31'],
  [['financial'], ['SD', 'AV'], ['ACA-SCHED'], 30, '2056-12-31'],
  [['investment'], ['PF'], ['FUNDLAW-102', 'SUIT-32'], 20, '2046-06-30'],
  [['investment'], ['SD'], ['SECLAW-137', 'SUIT-32'], 20, '2046-06-30'],
  [['contract'], ['PF'], ['SUIT-32'], 20, '2046-06-30'],
  [['contract'], ['BT'], ['SECLAW-137', 'SUIT-32'], 20, '2046-06-30'],
  [['communications'], ['PF'], [], 0, null],
  [['communications'], ['SD'], [], 0, null],
  [['communications'], ['BT'], ['SECLAW-162'], 10, '2036-06-30'],
  [['identity', 'communications'], ['AV'], [], 0, null],
  [['identity', 'contact', 'financial'], ['PF', 'AV'], ['ACA-SCHED'], 30, '2056-12-31'],
];

describe('retentionOf: categories × scenarios → basis and years', () => {
  for (const [cats, sc, basis, years, until] of TABLE) {
    it(`${cats.join('+')} under ${sc.join('+')} → ${basis.join(', ') || 'nothing'} ${years} years`, () => {
      const r = retentionOf({ categories: cats }, { scenarios: sc, dates });
      expect(r.basis.sort()).toEqual(basis);
      expect(r.years).toBe(years);
      expect(r.until).toBe(until);
      expect(r.missingStart).toEqual([]);
    });
  }

  it('lists every applicable fact, longest first, then latest', () => {
    const r = retentionOf({ categories: ['identity', 'investment', 'contract', 'financial'] }, { scenarios: ['PF'], dates });
    expect(r.lines.map((l) => [l.fact, l.years])).toEqual([
      ['FUNDLAW-102', 20],
      ['SUIT-32', 20],
      ['PF-10Y', 10],
      ['AML24-34', 10],
    ]);
    expect(r.lines.find((l) => l.fact === 'PF-10Y')).toMatchObject({ start: 'fund-liquidation', startDate: '2027-03-31', until: '2037-03-31' });
  });

  it('the latest date wins even over a longer period: 10 years from a later start beat 20 from an early one', () => {
    const r = retentionOf({ categories: ['investment'], relationshipEnd: '2001-01-15' }, { scenarios: ['PF'], dates: { fundLiquidated: '2027-03-31' } });
    expect(r.until).toBe('2037-03-31');
    expect(r.basis).toEqual(['PF-10Y']);
    expect(r.years).toBe(20);
  });

  it('starts from the record’s own relationship end before the profile date', () => {
    const r = retentionOf({ categories: ['identity'], relationshipEnd: '2020-02-29' }, { scenarios: ['SD'], dates });
    expect(r.until).toBe('2040-02-29');
    const av = retentionOf({ categories: ['financial'], relationshipEnd: '2020-02-29' }, { scenarios: ['AV'], dates });
    expect(av.lines[0]).toMatchObject({ fact: 'ACA-SCHED', startDate: '2020-12-31', until: '2050-12-31' });
  });

  it('has no date until the start is known, and says which start is missing', () => {
    const r = retentionOf({ categories: ['identity', 'investment'] }, { scenarios: ['PF'], dates: {} });
    expect(r.until).toBeNull();
    expect(r.basis.sort()).toEqual(['FUNDLAW-102', 'SUIT-32']);
    expect(r.missingStart.sort()).toEqual(['fund-liquidation', 'relationship-end']);
    expect(underRetention(r, '2099-01-01')).toBe(true);
    const partly = retentionOf({ categories: ['investment'] }, { scenarios: ['PF'], dates: { accountsClosed: END } });
    expect(partly.missingStart).toEqual(['fund-liquidation']);
    expect(partly.until).toBeNull();
  });

  it('binds until its last day, then no longer', () => {
    const r = retentionOf({ categories: ['identity'] }, { scenarios: ['SD'], dates });
    expect(underRetention(r, '2046-06-30')).toBe(true);
    expect(underRetention(r, '2046-07-01')).toBe(false);
    expect(underRetention(retentionOf({ categories: ['communications'] }, { scenarios: ['SD'], dates }), '2000-01-01')).toBe(false);
  });
});

describe('dates', () => {
  it('adds years and months on the calendar', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-08-31', 0.5)).toBe('2027-02-28');
    expect(addYears('2026-12-31', 30)).toBe('2056-12-31');
  });

  it('knows a real date', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-2-28')).toBe(false);
    expect(isDate(20260228)).toBe(false);
  });
});
