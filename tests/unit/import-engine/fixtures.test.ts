import { describe, expect, it } from 'vitest';
import { normaliseIdNumber } from '../../../src/core/domain/import/normalise.ts';
import { fixture, fixtureRows, unlockedVault } from './support.ts';

const CLEAN = [
  ['customers-200.csv', 'csv', 'utf-8'],
  ['customers-200-gb18030.csv', 'csv', 'gb18030'],
  ['customers-200.xlsx', 'xlsx', undefined],
] as const;

describe('importing the shared fixture registers', () => {
  it.each(CLEAN)('%s: 200 valid rows become 200 records', async (name, format, encoding) => {
    const { engine } = await unlockedVault();
    const p = await engine.importPrepare(fixture(name), name);
    expect(p.format).toBe(format);
    expect(p.encoding).toBe(encoding);
    expect(p.mapping.filter((m) => m.field === null)).toEqual([]);
    expect(p.report).toMatchObject({ rows: 200, valid: 200, invalid: 0, duplicatesInFile: 0, duplicatesInVault: 0, issueCount: 0 });
    expect(p.report.byCategory.identity).toBe(200);
    expect(p.report.bySensitivity.C2).toBe(200);
    const r = await engine.importCommit(p.importId, { duplicates: 'skip' });
    expect(r).toMatchObject({ rows: 200, stored: 200, skipped: 0, merged: 0, invalid: 0, sample: false });
    expect((await engine.counts()).total).toBe(200);
    const first = (await engine.listRecords({ limit: 1 })).items[0]!;
    expect(first.customerNo).toBe('KH000001');
    expect(first.sample).toBe(false);
  });

  it('the GB18030 register reads the same names as its UTF-8 twin would', async () => {
    const { engine } = await unlockedVault();
    const rows = fixtureRows('customers-200-gb18030.csv', 'gb18030');
    const p = await engine.importPrepare(fixture('customers-200-gb18030.csv'), 'gb.csv');
    await engine.importCommit(p.importId, { duplicates: 'skip' });
    const r = (await engine.listRecords({ search: rows[1]![0] })).items[0]!;
    expect(r.name).toBe(rows[1]![1]);
  });

  describe('the messy register', () => {
    const NAME = 'customers-messy-300-gb18030.csv';

    it('finds its duplicates, flags broken checksums and normalises full-width and spaced IDs', async () => {
      const { engine } = await unlockedVault();
      const p = await engine.importPrepare(fixture(NAME), NAME);
      expect(p.encoding).toBe('gb18030');
      const rep = p.report;
      // 300 customers, three of them entered twice; a row of empty cells is not a row.
      expect(rep.rows).toBe(303);
      expect(rep.duplicatesInFile).toBe(3);
      expect(rep.duplicates.map((d) => d.rows.length)).toEqual([2, 2, 2]);
      expect(rep.duplicates.every((d) => /^\d{4}\*{10}[\dX]{4}$/.test(d.key))).toBe(true);
      expect(rep.byCode.ID_CHECKSUM).toBe(10);
      expect(rep.invalid).toBe(10);
      const checksum = rep.issues.filter((i) => i.code === 'ID_CHECKSUM');
      expect(checksum.every((i) => i.field === 'idNumber' && i.column === 2 && /^\d{4}\*+\w{4}$/.test(i.value))).toBe(true);

      const r = await engine.importCommit(p.importId, { duplicates: 'skip' });
      expect(r).toMatchObject({ rows: 303, stored: 290, skipped: 3, merged: 0, invalid: 10 });

      // Every stored ID is the normalised form of a raw cell: half-width, no spaces, upper-case X.
      const raw = fixtureRows(NAME, 'gb18030').slice(1);
      const odd = raw.filter((row) => /[\s０-９ｘＸ]/.test(row[2]!));
      expect(odd.length).toBeGreaterThan(4);
      for (const row of odd) {
        const n = normaliseIdNumber(row[2]!);
        expect(n.ok).toBe(true);
        const id = n.ok ? n.value : '';
        const hits = (await engine.listRecords({ search: row[1]!.trim() })).items;
        const found = await Promise.all(hits.map((h) => engine.getRecord(h.id)));
        expect(found.map((f) => f.fields.idNumber)).toContain(id);
      }
    });

    it('keeps broken-checksum rows out of the vault', async () => {
      const { engine } = await unlockedVault();
      const p = await engine.importPrepare(fixture(NAME), NAME);
      const badRows = new Set(p.report.issues.filter((i) => i.code === 'ID_CHECKSUM').map((i) => i.row));
      await engine.importCommit(p.importId, { duplicates: 'keep' });
      const raw = fixtureRows(NAME, 'gb18030', true);
      const all = await engine.listRecords({ limit: 500 });
      const stored = new Set(await Promise.all(all.items.map(async (i) => (await engine.getRecord(i.id)).fields.idNumber)));
      expect(all.total).toBe(293);
      for (const rowNo of badRows) {
        const n = normaliseIdNumber(raw[rowNo - 1]![2]!);
        expect(stored.has(n.ok ? n.value : '?')).toBe(false);
      }
    });
  });
});
