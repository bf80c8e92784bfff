import { describe, expect, it } from 'vitest';
import { applicableIds, generateChecklist, type FirmProfile } from '../../../src/core/domain/checklists/index.ts';

// Expected sets are written out by hand from matrix.yaml's scenario lists and the conditions
// documented in items-p*.ts; they are not computed by the code under test.

/** Items of all four scenarios that carry no condition. */
const COMMON = [
  'P1-01', 'P1-02', 'P1-03', 'P1-04', 'P1-06',
  'P2-01', 'P2-03', 'P2-04', 'P2-05', 'P2-07', 'P2-08',
  'P3-01', 'P3-02', 'P3-03', 'P3-04', 'P3-05', 'P3-06', 'P3-07',
  'P5-04', 'P5-05', 'P5-06', 'P5-07',
  'P6-01', 'P6-03', 'P6-04', 'P6-05', 'P6-06', 'P6-08',
  'P7-01', 'P7-02', 'P7-03', 'P7-04', 'P7-07',
];

const PF_BASE = [...COMMON, 'P1-05', 'P1-09', 'P2-02', 'P3-08', 'P4-04', 'P5-01', 'P5-02', 'P6-07'];
const BT_BASE = [...COMMON, 'P1-05', 'P2-02', 'P3-08', 'P5-01', 'P5-02', 'P5-03', 'P6-07'];
const SD_BASE = [...COMMON, 'P1-05', 'P1-09', 'P2-02', 'P3-08', 'P4-03', 'P4-09', 'P5-01', 'P5-02', 'P5-03', 'P6-07'];
const AV_BASE = [...COMMON, 'P1-09', 'P2-06', 'P4-07'];

const ALL_58 = [
  'P1-01', 'P1-02', 'P1-03', 'P1-04', 'P1-05', 'P1-06', 'P1-07', 'P1-08', 'P1-09',
  'P2-01', 'P2-02', 'P2-03', 'P2-04', 'P2-05', 'P2-06', 'P2-07', 'P2-08',
  'P3-01', 'P3-02', 'P3-03', 'P3-04', 'P3-05', 'P3-06', 'P3-07', 'P3-08',
  'P4-01', 'P4-02', 'P4-03', 'P4-04', 'P4-05', 'P4-06', 'P4-07', 'P4-08', 'P4-09',
  'P5-01', 'P5-02', 'P5-03', 'P5-04', 'P5-05', 'P5-06', 'P5-07', 'P5-08',
  'P6-01', 'P6-02', 'P6-03', 'P6-04', 'P6-05', 'P6-06', 'P6-07', 'P6-08',
  'P7-01', 'P7-02', 'P7-03', 'P7-04', 'P7-05', 'P7-06', 'P7-07', 'P7-08',
];

function profile(over: Partial<FirmProfile>): FirmProfile {
  return {
    scenarios: ['PF'],
    firmName: '示例私募基金管理有限公司',
    euCustomers: false,
    paperRecords: false,
    processors: false,
    transferRoute: 'none',
    crossBorder: false,
    peopleCount: 5_000,
    ...over,
  };
}

const moving = { transferRoute: 'pipl22', recipient: '承接资产管理有限公司' } as const;

const CASES: { name: string; p: Partial<FirmProfile>; expected: string[] }[] = [
  { name: 'PF only', p: { scenarios: ['PF'] }, expected: PF_BASE },
  { name: 'BT only', p: { scenarios: ['BT'] }, expected: BT_BASE },
  { name: 'SD only', p: { scenarios: ['SD'] }, expected: SD_BASE },
  { name: 'AV only', p: { scenarios: ['AV'] }, expected: AV_BASE },

  { name: 'PF with EU customers', p: { scenarios: ['PF'], euCustomers: true }, expected: [...PF_BASE, 'P5-08', 'P7-06'] },
  { name: 'BT with EU customers', p: { scenarios: ['BT'], euCustomers: true }, expected: [...BT_BASE, 'P5-08', 'P7-06'] },
  { name: 'SD with EU customers', p: { scenarios: ['SD'], euCustomers: true }, expected: [...SD_BASE, 'P5-08', 'P7-06'] },
  { name: 'AV with EU customers (P5-08 is not an AV item)', p: { scenarios: ['AV'], euCustomers: true }, expected: [...AV_BASE, 'P7-06'] },

  { name: 'PF with paper', p: { scenarios: ['PF'], paperRecords: true }, expected: [...PF_BASE, 'P6-02'] },
  { name: 'BT with paper', p: { scenarios: ['BT'], paperRecords: true }, expected: [...BT_BASE, 'P6-02'] },
  { name: 'SD with paper', p: { scenarios: ['SD'], paperRecords: true }, expected: [...SD_BASE, 'P6-02'] },
  { name: 'AV with paper', p: { scenarios: ['AV'], paperRecords: true }, expected: [...AV_BASE, 'P6-02'] },

  { name: 'PF, art. 22 transfer', p: { scenarios: ['PF'], ...moving }, expected: [...PF_BASE, 'P1-07', 'P4-01', 'P4-02', 'P4-05', 'P4-06', 'P7-08'] },
  { name: 'BT, art. 22 transfer', p: { scenarios: ['BT'], ...moving }, expected: [...BT_BASE, 'P1-07', 'P4-01', 'P4-02', 'P4-03', 'P4-05', 'P4-06', 'P7-08'] },
  { name: 'SD, art. 22 transfer', p: { scenarios: ['SD'], ...moving }, expected: [...SD_BASE, 'P1-07', 'P4-01', 'P4-02', 'P4-05', 'P4-06', 'P7-08'] },
  { name: 'AV, art. 22 transfer', p: { scenarios: ['AV'], ...moving }, expected: [...AV_BASE, 'P1-07', 'P4-02', 'P4-05', 'P4-06', 'P7-08'] },
  {
    name: 'BT, art. 23 consent',
    p: { scenarios: ['BT'], transferRoute: 'consent23', recipient: '某证券公司' },
    expected: [...BT_BASE, 'P1-07', 'P4-01', 'P4-02', 'P4-03', 'P4-05', 'P4-06', 'P7-08'],
  },
  { name: 'BT, equity sale (nothing moves)', p: { scenarios: ['BT'], transferRoute: 'equity-sale', recipient: '新股东' }, expected: [...BT_BASE, 'P4-01'] },
  { name: 'AV, equity sale', p: { scenarios: ['AV'], transferRoute: 'equity-sale', recipient: '新股东' }, expected: AV_BASE },

  { name: 'PF with processors', p: { scenarios: ['PF'], processors: true }, expected: [...PF_BASE, 'P1-07', 'P1-08', 'P7-08'] },
  { name: 'AV with processors', p: { scenarios: ['AV'], processors: true }, expected: [...AV_BASE, 'P1-07', 'P1-08', 'P7-08'] },
  { name: 'SD with cross-border access', p: { scenarios: ['SD'], crossBorder: true }, expected: [...SD_BASE, 'P1-07', 'P7-05', 'P7-06', 'P7-08'] },
  { name: 'AV with cross-border access', p: { scenarios: ['AV'], crossBorder: true }, expected: [...AV_BASE, 'P1-07', 'P7-05', 'P7-06', 'P7-08'] },

  { name: 'PF just under 10 million people', p: { scenarios: ['PF'], peopleCount: 9_999_999 }, expected: PF_BASE },
  { name: 'PF at 10 million people (以上 includes the number)', p: { scenarios: ['PF'], peopleCount: 10_000_000 }, expected: [...PF_BASE, 'P4-08'] },
  { name: 'AV at 20 million people (P4-08 is not an AV item)', p: { scenarios: ['AV'], peopleCount: 20_000_000 }, expected: AV_BASE },

  {
    name: 'PF + AV combined',
    p: { scenarios: ['PF', 'AV'] },
    expected: [...COMMON, 'P1-05', 'P1-09', 'P2-02', 'P2-06', 'P3-08', 'P4-04', 'P4-07', 'P5-01', 'P5-02', 'P6-07'],
  },
  {
    name: 'BT + SD combined',
    p: { scenarios: ['BT', 'SD'] },
    expected: [...COMMON, 'P1-05', 'P1-09', 'P2-02', 'P3-08', 'P4-03', 'P4-09', 'P5-01', 'P5-02', 'P5-03', 'P6-07'],
  },
  {
    name: 'every scenario and every condition',
    p: {
      scenarios: ['PF', 'BT', 'SD', 'AV'],
      euCustomers: true,
      paperRecords: true,
      processors: true,
      crossBorder: true,
      peopleCount: 12_000_000,
      ...moving,
    },
    expected: ALL_58,
  },
];

describe('applicableIds', () => {
  it.each(CASES)('$name', ({ p, expected }) => {
    expect(new Set(applicableIds(profile(p)))).toEqual(new Set(expected));
    expect(applicableIds(profile(p))).toHaveLength(expected.length);
  });

  it('the base sets have the sizes counted by hand', () => {
    expect([COMMON.length, PF_BASE.length, BT_BASE.length, SD_BASE.length, AV_BASE.length, ALL_58.length]).toEqual([33, 41, 40, 43, 36, 58]);
  });

  it('returns ids in matrix order', () => {
    const ids = applicableIds(profile({ scenarios: ['SD', 'PF'] }));
    expect(ids).toEqual([...ids].sort());
  });
});

describe('generateChecklist entries', () => {
  it('explains why an item does not apply', () => {
    const list = generateChecklist(profile({ scenarios: ['AV'] }));
    const p508 = list.entries.find((e) => e.item.id === 'P5-08');
    expect(p508?.applicability).toBe('excluded');
    expect(p508?.unmet.map((u) => u.en)).toEqual(['scenario includes PF or BT or SD', 'EU customers present']);
    const p602 = list.entries.find((e) => e.item.id === 'P6-02');
    expect(p602?.unmet.map((u) => u.zh)).toEqual(['有纸质资料']);
  });

  it('shows addenda only when their condition holds', () => {
    const small = generateChecklist(profile({ peopleCount: 999_999 }));
    const big = generateChecklist(profile({ peopleCount: 1_000_000, euCustomers: true }));
    const addenda = (l: typeof small, id: string) => l.entries.find((e) => e.item.id === id)?.addenda ?? [];
    expect(addenda(small, 'P1-01')).toEqual([]);
    expect(addenda(big, 'P1-01')[0]?.en).toMatch(/PI protection officer/);
    expect(addenda(small, 'P7-04')).toEqual([]);
    expect(addenda(big, 'P7-04')[0]?.en).toMatch(/72 hours/);
  });

  it('carries the rules review date', () => {
    expect(generateChecklist(profile({})).reviewed).toBe('2026-11-22');
  });
});
