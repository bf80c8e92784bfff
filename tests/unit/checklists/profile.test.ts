import { describe, expect, it } from 'vitest';
import {
  applicableIds,
  assertValidProfile,
  generateChecklist,
  validateProfile,
  type FirmProfile,
} from '../../../src/core/domain/checklists/index.ts';
import { errorCode } from '../../../src/core/errors.ts';

const GOOD: FirmProfile = {
  scenarios: ['SD'],
  firmName: '示例证券股份有限公司',
  euCustomers: false,
  paperRecords: true,
  processors: true,
  transferRoute: 'none',
  crossBorder: false,
  peopleCount: 250_000,
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

const BAD: { name: string; p: unknown; field: string; code: string }[] = [
  { name: 'no scenario chosen', p: { ...GOOD, scenarios: [] }, field: 'scenarios', code: 'REQUIRED' },
  { name: 'scenarios missing', p: { ...GOOD, scenarios: undefined }, field: 'scenarios', code: 'REQUIRED' },
  { name: 'unknown scenario', p: { ...GOOD, scenarios: ['XX'] }, field: 'scenarios', code: 'INVALID_VALUE' },
  { name: 'scenario twice', p: { ...GOOD, scenarios: ['PF', 'PF'] }, field: 'scenarios', code: 'DUPLICATE' },
  { name: 'art. 22 transfer with no recipient', p: { ...GOOD, transferRoute: 'pipl22' }, field: 'recipient', code: 'REQUIRED' },
  { name: 'art. 23 consent with blank recipient', p: { ...GOOD, transferRoute: 'consent23', recipient: '  ' }, field: 'recipient', code: 'REQUIRED' },
  { name: 'equity sale with no buyer', p: { ...GOOD, transferRoute: 'equity-sale' }, field: 'recipient', code: 'REQUIRED' },
  { name: 'unknown route', p: { ...GOOD, transferRoute: 'sale' }, field: 'transferRoute', code: 'REQUIRED' },
  { name: 'blank firm name', p: { ...GOOD, firmName: ' ' }, field: 'firmName', code: 'REQUIRED' },
  { name: 'EU answer missing', p: { ...GOOD, euCustomers: undefined }, field: 'euCustomers', code: 'REQUIRED' },
  { name: 'paper answer not a boolean', p: { ...GOOD, paperRecords: 'yes' }, field: 'paperRecords', code: 'REQUIRED' },
  { name: 'negative people count', p: { ...GOOD, peopleCount: -1 }, field: 'peopleCount', code: 'INVALID_VALUE' },
  { name: 'fractional people count', p: { ...GOOD, peopleCount: 10.5 }, field: 'peopleCount', code: 'INVALID_VALUE' },
  { name: 'people count not a number', p: { ...GOOD, peopleCount: Number.NaN }, field: 'peopleCount', code: 'INVALID_VALUE' },
];

describe('validateProfile', () => {
  it('accepts a consistent profile', () => {
    expect(validateProfile(GOOD)).toEqual([]);
    expect(validateProfile({ ...GOOD, transferRoute: 'pipl22', recipient: '承接证券股份有限公司' })).toEqual([]);
    expect(validateProfile({ ...GOOD, peopleCount: 0 })).toEqual([]);
  });

  it.each(BAD)('refuses $name, naming the field', ({ p, field, code }) => {
    const problems = validateProfile(p);
    expect(problems.map((x) => [x.field, x.code])).toEqual([[field, code]]);
    expect(problems[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problems[0]?.message.en.length).toBeGreaterThan(10);
  });

  it('lists every problem of a profile with several', () => {
    const fields = validateProfile({ scenarios: [], transferRoute: 'pipl22', peopleCount: -3 }).map((x) => x.field);
    expect(fields).toEqual(['scenarios', 'firmName', 'euCustomers', 'paperRecords', 'processors', 'crossBorder', 'recipient', 'peopleCount']);
  });

  it('refuses things that are not objects', () => {
    expect(validateProfile(null)[0]?.field).toBe('scenarios');
    expect(validateProfile('PF')[0]?.field).toBe('scenarios');
  });
});

describe('assertValidProfile', () => {
  it('throws INVALID_INPUT with the field in details', () => {
    const e = thrown(() => assertValidProfile({ ...GOOD, transferRoute: 'pipl22' }));
    expect(errorCode(e)).toBe('INVALID_INPUT');
    expect((e as { details?: { field?: string } }).details?.field).toBe('recipient');
    expect((e as Error).message).toMatch(/recipient/);
  });

  it('guards the generators', () => {
    const bad = { ...GOOD, scenarios: [] } as FirmProfile;
    expect(errorCode(thrown(() => applicableIds(bad)))).toBe('INVALID_INPUT');
    expect(errorCode(thrown(() => generateChecklist(bad)))).toBe('INVALID_INPUT');
  });

  it('returns the profile when valid', () => {
    expect(assertValidProfile(GOOD)).toBe(GOOD);
  });
});
