import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { profileColumn } from '../../../src/core/domain/import/detect.ts';
import { suggestMapping } from '../../../src/core/domain/import/mapping.ts';
import { normaliseField } from '../../../src/core/domain/import/normalise.ts';
import { isValidBankCard, isValidMobile, isValidPrcId, prcIdProblem } from '../../../src/core/domain/pii/validators.ts';

// The shared registers made by /work/shared/tools/gen-customers.mjs; skipped where they are absent.
const DIR = '/work/shared/fixtures';
const read = (name: string, encoding: string): string[][] =>
  Papa.parse<string[]>(new TextDecoder(encoding).decode(readFileSync(`${DIR}/${name}`)), { skipEmptyLines: true }).data;

describe.skipIf(!existsSync(DIR))('shared fixture registers', () => {
  it.each([
    ['customers-200.csv', 'utf-8'],
    ['customers-200-gb18030.csv', 'gb18030'],
  ])('%s maps every column and every value normalises and validates', (name, encoding) => {
    const [headers, ...rows] = read(name, encoding);
    expect(rows).toHaveLength(200);
    const s = suggestMapping(headers!, rows.slice(0, 50));
    expect(s.filter((x) => x.field === null)).toEqual([]);
    const col = (f: string) => s.find((x) => x.field === f)!.column;
    for (const row of rows) {
      const id = normaliseField('idNumber', row[col('idNumber')]!);
      expect(id.ok && isValidPrcId(id.value)).toBe(true);
      expect(isValidMobile(row[col('phone')]!)).toBe(true);
      expect(isValidBankCard(row[col('bankAccount')]!)).toBe(true);
      expect(normaliseField('amount', row[col('amount')]!)).toMatchObject({ ok: true, changed: false });
    }
  });
  it('maps the messy register and normalises its damage', () => {
    const [headers, ...rows] = read('customers-messy-300-gb18030.csv', 'gb18030');
    const s = suggestMapping(headers!, rows.slice(0, 50));
    expect(s.map((x) => x.field)).toEqual([
      null, 'name', 'idNumber', 'phone', 'address', 'bankName', 'bankAccount', 'product', 'amount', 'subscriptionDate', 'riskLevel', 'channel', 'notes',
    ]);
    const ids = rows.map((r) => r[2]!);
    // The messy register carries a few typed-in IDs whose check fails: they normalise, then fail validation.
    expect(profileColumn(ids).fractions.prcId).toBeGreaterThan(0.95);
    const typos = ids.map((v) => normaliseField('idNumber', v)).filter((r) => r.ok && r.value !== '' && prcIdProblem(r.value) !== null);
    expect(typos.length).toBeGreaterThan(0);
    expect(typos.every((r) => r.ok && prcIdProblem(r.value) === 'CHECKSUM')).toBe(true);
    const bad = (field: 'phone' | 'bankAccount' | 'amount' | 'subscriptionDate', c: number) =>
      rows.filter((r) => (r[c] ?? '').trim() !== '' && !normaliseField(field, r[c]!).ok).length;
    expect([bad('phone', 3), bad('bankAccount', 6), bad('amount', 8), bad('subscriptionDate', 9)]).toEqual([0, 0, 0, 0]);
    const phones = rows.map((r) => normaliseField('phone', r[3]!)).filter((r) => r.ok && r.value !== '');
    expect(phones.every((r) => r.ok && isValidMobile(r.value))).toBe(true);
  });
});
