import { describe, expect, it } from 'vitest';
import { verifyLog } from '../../../src/core/formats/destruction-log-verify.ts';
import { clock, failure, paper, vaultWithFates } from './support.ts';

describe('a vault’s end of life', () => {
  it('is refused while a record may not be destroyed, naming it', async () => {
    const { engine, ids } = await vaultWithFates(3, 2);
    await engine.holdSet({ ids: [ids[0]!] }, 'court order');
    const e = await failure(engine.vaultFinalExport());
    expect(e).toMatchObject({ code: 'CONFLICT', details: { reason: 'INELIGIBLE' } });
    expect((e.details!.records as { customerNo: string; reason: string }[]).map((r) => `${r.customerNo}:${r.reason}`)).toEqual(['KH000001:HELD', 'KH000003:NOT_ARCHIVED']);
  });

  it('exports the final log with the vault entry and the certificate, then deletes every slot and row', async () => {
    const c = clock();
    const { engine, db, vaultId } = await vaultWithFates(4, 2, { now: c.now });
    const key = await engine.custodyKeyCreate({ year: 2046 });
    c.add(1000);
    await engine.archiveExport({ keyIds: [key.id] });
    const b = await engine.destructionCreateBatch({});
    await engine.destructionApprove(b.id, { approver: 'Chen Jie' });
    await engine.destructionExecute(b.id);
    await engine.destructionRecord(paper(b.id));
    expect(await failure(engine.vaultDestroy('nothing', 'Case'))).toMatchObject({ code: 'CONFLICT', details: { reason: 'NO_FINAL_EXPORT' } });

    const final = await engine.vaultFinalExport({ witnesses: ['Qian Min'] });
    const r = verifyLog(final.text, final.signature, final.publicKey);
    expect(r.ok).toBe(true);
    expect(r.count).toBe(3);
    expect(r.entries[2]).toMatchObject({ kind: 'vault', batch: 'DST-2026-0002', counts: { records: 2, keySlots: 2, custodyKeys: 1 }, witnesses: ['Qian Min'], method: { category: 'purge' } });
    expect(final.certificate.entries.map((e) => e.kind)).toEqual(['electronic', 'paper', 'vault']);
    expect(final.certificate.head).toEqual(final.head);
    expect(final.token).toBe(final.head.hash);
    // Nothing of the final entry is stored: the stored log still has two entries.
    expect((await engine.destructionOverview()).head.count).toBe(2);

    expect((await failure(engine.vaultDestroy(final.token, 'Wrong label'))).details).toMatchObject({ field: 'label' });
    await engine.vaultDestroy(final.token, 'Case');
    expect(await engine.current()).toBeNull();
    expect(await engine.listVaults()).toEqual([]);
    for (const t of [db.vaults, db.slots, db.packs, db.meta, db.attachments] as const) expect(await (t as typeof db.meta).count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await failure(engine.unlockWithPassphrase(vaultId, 'correct horse battery'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a final export is stale once the log changes', async () => {
    const { engine } = await vaultWithFates(2, 2);
    const b = await engine.destructionCreateBatch({});
    await engine.destructionApprove(b.id, { approver: 'Chen Jie' });
    await engine.destructionExecute(b.id);
    const final = await engine.vaultFinalExport();
    await engine.destructionRecord(paper(b.id));
    expect(await failure(engine.vaultDestroy(final.token, 'Case'))).toMatchObject({ code: 'CONFLICT', details: { reason: 'STALE_FINAL_EXPORT' } });
  });
});
