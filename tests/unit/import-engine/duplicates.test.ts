import { describe, expect, it } from 'vitest';
import { prcIdCheckChar } from '../../../src/core/domain/pii/validators.ts';
import { csv, unlockedVault, utf8 } from './support.ts';

const ID1 = '110101198402248759';
const ID2 = `11010519491231002${prcIdCheckChar('11010519491231002')}`;
const FILE = utf8(
  csv([
    ['客户编号', '姓名', '证件号码', '手机号码', '电子邮箱'],
    ['KH1', '王伟', ID1, '13812345678', ''],
    ['KH2', '王伟', ` ${ID1} `, '', 'wang@example.cn'],
    ['KH3', '李娜新', ID2, '13912345678', ''],
  ]),
);

/** A vault that already holds ID2 (no phone), and the prepared file above. */
async function setup() {
  const t = await unlockedVault();
  const held = await t.engine.createRecord({ kind: 'person', customerNo: 'OLD1', fields: { name: '李娜', idNumber: ID2 } });
  const p = await t.engine.importPrepare(FILE, 'dups.csv');
  return { ...t, held, p };
}

async function byNo(engine: Awaited<ReturnType<typeof setup>>['engine'], no: string) {
  const items = (await engine.listRecords({ search: no })).items.filter((i) => i.customerNo === no);
  return Promise.all(items.map((i) => engine.getRecord(i.id)));
}

describe('duplicates', () => {
  it('are reported within the file and against the vault, by ID number', async () => {
    const { p } = await setup();
    expect(p.report).toMatchObject({ rows: 3, valid: 3, duplicatesInFile: 1, duplicatesInVault: 1 });
    expect(p.report.duplicates).toEqual([
      { key: '1101**********8759', rows: [2, 3], inVault: false },
      { key: expect.stringMatching(/^1101\*{10}\d{3}[\dX]$/), rows: [4], inVault: true },
    ]);
    expect(p.report.issues.map((i) => [i.row, i.code, i.of])).toEqual([
      [3, 'DUPLICATE_IN_FILE', 2],
      [4, 'DUPLICATE_IN_VAULT', 0],
    ]);
    // Counts of what would be stored leave the duplicates out.
    expect(p.report.fields.find((f) => f.field === 'name')!.count).toBe(1);
  });

  it('skip: only the first of each is stored; the vault record is untouched', async () => {
    const { engine, held, p } = await setup();
    expect(await engine.importCommit(p.importId, { duplicates: 'skip' })).toMatchObject({ rows: 3, stored: 1, skipped: 2, merged: 0, invalid: 0 });
    expect((await engine.counts()).total).toBe(2);
    expect((await byNo(engine, 'KH1'))[0]!.fields.email).toBeUndefined();
    expect(await engine.getRecord(held.id)).toEqual(held);
  });

  it('merge: empty fields of the existing record are filled, nothing is overwritten', async () => {
    const { engine, held, p } = await setup();
    expect(await engine.importCommit(p.importId, { duplicates: 'merge' })).toMatchObject({ stored: 1, skipped: 0, merged: 2 });
    expect((await engine.counts()).total).toBe(2);
    const [kh1] = await byNo(engine, 'KH1');
    expect(kh1!.fields).toMatchObject({ name: '王伟', idNumber: ID1, phone: '13812345678', email: 'wang@example.cn' });
    const old = await engine.getRecord(held.id);
    expect(old.fields).toEqual({ name: '李娜', idNumber: ID2, phone: '13912345678' });
    expect(old.customerNo).toBe('OLD1');
    expect(old.createdAt).toBe(held.createdAt);
  });

  it('keep: every row becomes a record of its own', async () => {
    const { engine, p } = await setup();
    expect(await engine.importCommit(p.importId, { duplicates: 'keep' })).toMatchObject({ stored: 3, skipped: 0, merged: 0 });
    expect((await engine.counts()).total).toBe(4);
    expect((await engine.listRecords({ search: '王伟' })).total).toBe(2);
  });

  it('are judged against the vault at commit time, not at report time', async () => {
    const { engine, p } = await setup();
    const q = await engine.importPrepare(FILE, 'again.csv');
    await engine.importCommit(p.importId, { duplicates: 'skip' });
    // KH1 is now in the vault too: the second import skips all three.
    expect(await engine.importCommit(q.importId, { duplicates: 'skip' })).toMatchObject({ stored: 0, skipped: 3 });
  });
});
