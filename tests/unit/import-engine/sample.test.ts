import { describe, expect, it } from 'vitest';
import { isValidBankCard, isValidMobile, isValidPrcId } from '../../../src/core/domain/pii/validators.ts';
import { SAMPLE_SIZE, sampleRows } from '../../../src/engine/import/sample.ts';
import { failure, snapshot, unlockedVault } from './support.ts';

describe('sample data', () => {
  it('is a deterministic register of structurally valid, fake customers', () => {
    const rows = sampleRows();
    expect(rows).toEqual(sampleRows());
    expect(rows).toHaveLength(SAMPLE_SIZE + 1);
    expect(sampleRows(5, 99)).not.toEqual(sampleRows(5, 98));
    for (const r of rows.slice(1)) {
      expect(r[0]).toMatch(/^SAMPLE\d{4}$/);
      expect(isValidPrcId(r[3]!)).toBe(true);
      expect(isValidMobile(r[6]!)).toBe(true);
      expect(isValidBankCard(r[10]!)).toBe(true);
    }
  });

  it('imports into an empty vault with every record marked sample', async () => {
    const { engine } = await unlockedVault();
    const r = await engine.importSample();
    expect(r).toMatchObject({ rows: SAMPLE_SIZE, invalid: 0, sample: true });
    expect(r.stored + r.skipped).toBe(SAMPLE_SIZE);
    const page = await engine.listRecords({ limit: 500 });
    expect(page.total).toBe(r.stored);
    expect(page.items.every((i) => i.sample)).toBe(true);
    expect((await engine.getRecord(page.items[0]!.id)).sample).toBe(true);
    const event = (await engine.auditEvents(0, 1)).items[0]!;
    expect('data' in event && event.data).toMatchObject({ format: 'sample', sample: true, stored: r.stored });
    // Again: the same customers are already there.
    expect(await engine.importSample()).toMatchObject({ stored: 0, skipped: r.stored });
  });

  it('is refused when the vault holds real customers', async () => {
    const { engine, db } = await unlockedVault();
    await engine.createRecord({ kind: 'person', customerNo: 'KH1', fields: { name: '王伟' } });
    const before = await snapshot(engine, db);
    expect((await failure(engine.importSample())).code).toBe('CONFLICT');
    expect(await snapshot(engine, db)).toEqual(before);
  });
});
