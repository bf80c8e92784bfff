import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../src/engine/import/types.ts';
import { csv, failure, snapshot, unlockedVault, utf8 } from './support.ts';

const HEADERS = ['客户编号', '姓名', '证件号码', '手机号码', '备注', '投资金额（万元）'];
const file = (headers: string[], n = 3): Uint8Array =>
  utf8(csv([headers, ...Array.from({ length: n }, (_, i) => [`KH${i + 1}`, `王伟${'军强'[i % 2]}`, '110101198402248759', '13812345678', '客户来电', '12.5'])]));

describe('column mapping', () => {
  it('suggests from headers, with the 万元 unit, and scales amounts', async () => {
    const { engine } = await unlockedVault();
    const p = await engine.importPrepare(file(HEADERS), 'a.csv');
    expect(p.mappingSource).toBe('suggested');
    expect(p.mapping).toEqual([
      { column: 0, field: 'customerNo' },
      { column: 1, field: 'name' },
      { column: 2, field: 'idNumber' },
      { column: 3, field: 'phone' },
      { column: 4, field: 'notes' },
      { column: 5, field: 'amount', unit: 'wan' },
    ]);
    expect(p.columns[2]).toMatchObject({ header: '证件号码', samples: ['1101**********8759', '1101**********8759', '1101**********8759'], category: 'identity', sensitivity: 'C2' });
    await engine.importCommit(p.importId, { duplicates: 'keep' });
    const r = await engine.getRecord((await engine.listRecords({ limit: 1 })).items[0]!.id);
    expect(r.fields.amount).toBe('125000');
  });

  it('is remembered per vault for files with the same headers, once an import is committed', async () => {
    const { engine, db, vaultId } = await unlockedVault();
    const p = await engine.importPrepare(file(HEADERS), 'a.csv');
    const confirmed: ColumnMapping[] = p.mapping.map((m) => (m.column === 4 ? { column: 4, field: 'feedback' } : m.column === 5 ? { ...m, unit: 'yuan' } : m));
    await engine.importSetMapping(p.importId, confirmed);
    // A cancelled import remembers nothing.
    const q = await engine.importPrepare(file(HEADERS), 'b.csv');
    expect(q.mappingSource).toBe('suggested');
    await engine.importCancel(q.importId);
    await engine.importCommit(p.importId, { duplicates: 'keep' });

    const again = await engine.importPrepare(file([' 客户编号', '姓名 ', ...HEADERS.slice(2)], 5), 'c.csv');
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping).toEqual(confirmed);
    expect(again.report.fields.map((f) => f.field)).toContain('feedback');
    const other = await engine.importPrepare(file([...HEADERS.slice(0, 5), '认购金额']), 'd.csv');
    expect(other.mappingSource).toBe('suggested');

    // Sealed: the entry does not show the register's column names.
    const row = await db.meta.get([vaultId, 'import-mappings']);
    expect(row).toBeDefined();
    expect(new TextDecoder('latin1').decode(row!.blob)).not.toContain('feedback');
  });

  it('refuses an unusable mapping with the problem, and changes nothing', async () => {
    const { engine, db } = await unlockedVault();
    const p = await engine.importPrepare(file(HEADERS), 'a.csv');
    const before = await snapshot(engine, db);
    const cases: [ColumnMapping[], string][] = [
      [p.mapping.map((m) => (m.field === 'name' ? { ...m, field: null } : m)), 'NO_NAME'],
      [p.mapping.map((m) => (m.column === 4 ? { ...m, field: 'name' } : m)), 'FIELD_TWICE'],
      [[...p.mapping, { column: 9, field: 'email' }], 'COLUMN'],
      [p.mapping.map((m) => (m.column === 4 ? { ...m, field: 'password' as 'notes' } : m)), 'FIELD'],
    ];
    for (const [mapping, problem] of cases) {
      const f = await failure(engine.importSetMapping(p.importId, mapping));
      expect(f).toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'MAPPING', problem } });
    }
    expect((await engine.importReport(p.importId)).rows).toBe(3);
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('checks the rows again under a new mapping', async () => {
    const { engine } = await unlockedVault();
    const body = csv([['姓名', '手机号码'], ['王伟', '12345'], ['李娜', '13812345678']]);
    const p = await engine.importPrepare(utf8(body), 'a.csv');
    expect(p.report.byCode).toEqual({ MOBILE: 1 });
    const rep = await engine.importSetMapping(p.importId, [{ column: 0, field: 'name' }, { column: 1, field: null }]);
    expect(rep).toMatchObject({ valid: 2, invalid: 0, issueCount: 0 });
    const r = await engine.importCommit(p.importId, { duplicates: 'skip' });
    expect(r.stored).toBe(2);
    const rec = await engine.getRecord((await engine.listRecords({ search: '王伟' })).items[0]!.id);
    expect(rec.fields).toEqual({ name: '王伟' });
    expect(rec.customerNo).toMatch(/^IMP\d{8}-[0-9A-F]{4}-000002$/);
  });
});
