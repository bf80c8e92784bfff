import { describe, expect, it } from 'vitest';
import type { Session } from '../../../src/engine/session.ts';
import { PASS, engineOn, events, failure, recordsInPacks, vaultWithFates } from './support.ts';

async function approved(n: number, destroy: number) {
  const v = await vaultWithFates(n, destroy);
  const batch = await v.engine.destructionCreateBatch({});
  await v.engine.destructionApprove(batch.id, { approver: 'Chen Jie' });
  return { ...v, batch };
}

describe('executing a destruction batch', () => {
  it('deletes the records from every pack, in chunks with progress, checks and logs it, and ticks the checklist', async () => {
    const { engine, db, ids, batch } = await approved(12, 8);
    const progress: string[] = [];
    const r = await engine.destructionExecute(batch.id, (p) => progress.push(`${p.phase}:${p.done}/${p.total}`));
    expect(r).toMatchObject({ records: 8, attachments: 0, chunks: 3, entrySeq: 1 });
    expect(progress).toEqual(['deleting:3/8', 'deleting:6/8', 'deleting:8/8', 'verifying:8/8', 'done:8/8']);
    // Open every pack row: only the four kept records remain.
    const left = await recordsInPacks(db, engine);
    expect(left.ids.sort()).toEqual(ids.slice(8).sort());
    expect(left.packs).toBeGreaterThan(0);
    expect((await engine.counts()).total).toBe(4);
    for (const id of ids.slice(0, 8)) expect(await failure(engine.getRecord(id))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.meta.toArray()).filter((m) => m.key.startsWith('destruction-run'))).toEqual([]);

    const [entry] = await engine.destructionEntries(batch.id);
    expect(entry).toMatchObject({ seq: 1, batch: 'DST-2026-0001', kind: 'electronic', counts: { records: 8, attachments: 0, chunks: 3 }, recordTotal: 8, method: { category: 'clear' }, performer: 'Li Wei' });
    expect(entry!.method.technique).toContain('logical deletion of encrypted records in browser storage');
    expect(entry!.verification).toContain('none holds a record of the batch');
    expect(entry!.records.map((x) => x.customerNo)).toEqual(['KH000001', 'KH000002', 'KH000003', 'KH000004', 'KH000005', 'KH000006', 'KH000007', 'KH000008']);
    expect(entry!.records[0]!.maskedName).toBe('客**');

    const snap = await engine.checklistGet();
    expect(snap.states['P6-03']!.evidence).toEqual([expect.objectContaining({ kind: 'action', ref: 'DST-2026-0001' })]);
    const ov = await engine.destructionOverview();
    expect(ov.batches[0]).toMatchObject({ state: 'executed', complete: true, entries: [1] });
    expect(ov.head.count).toBe(1);
    const acts = (await events(engine)).map((e) => e.action);
    expect(acts.filter((a) => a.startsWith('destruction.'))).toEqual(['destruction.planned', 'destruction.approved', 'destruction.started', 'destruction.chunk-deleted', 'destruction.chunk-deleted', 'destruction.chunk-deleted', 'destruction.executed']);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it('executing twice does nothing the second time', async () => {
    const { engine, db, batch } = await approved(5, 5);
    const first = await engine.destructionExecute(batch.id);
    const rows = { packs: await db.packs.toArray(), meta: await db.meta.toArray(), events: await db.events.count() };
    const again = await engine.destructionExecute(batch.id);
    expect(again).toEqual({ ...first, already: true });
    expect({ packs: await db.packs.toArray(), meta: await db.meta.toArray(), events: await db.events.count() }).toEqual(rows);
  });

  it('a closed tab mid-run leaves a marker; reopened, the app reports it and executing completes it', async () => {
    const { engine, db, vaultId, ids, batch } = await approved(10, 9);
    // The tab closes after the first chunk: the engine goes away without finishing.
    let chunks = 0;
    const e = await failure(engine.destructionExecute(batch.id, (p) => {
      if (p.phase === 'deleting' && ++chunks === 1) (engine as unknown as { session: Session }).session.abort.abort();
    }));
    expect(e.code).toBe('AbortError');
    const reopened = engineOn(db).engine;
    await reopened.unlockWithPassphrase(vaultId, PASS);
    expect(await reopened.destructionStatus()).toEqual({ batchId: batch.id, number: 'DST-2026-0001', done: 3, total: 9, remainingChunks: 2 });
    expect((await reopened.destructionOverview()).batches[0]!.state).toBe('executing');
    expect((await reopened.counts()).total).toBe(7);
    // A record created meanwhile may land in a pack the run emptied; completing keeps it.
    const extra = await reopened.createRecord({ kind: 'person', customerNo: 'KH000099', fields: { name: '新客户' } });
    const r = await reopened.destructionExecute(batch.id);
    expect(r).toMatchObject({ records: 9, chunks: 3 });
    expect(await reopened.destructionStatus()).toBeNull();
    const left = await recordsInPacks(db, reopened);
    expect(left.ids.sort()).toEqual([ids[9]!, extra.id].sort());
    const [entry] = await reopened.destructionEntries();
    expect(entry!.recordTotal).toBe(9);
    expect(new Set(entry!.records.map((x) => x.customerNo)).size).toBe(9);
    expect((await db.meta.toArray()).filter((m) => m.key.startsWith('destruction-run'))).toEqual([]);
    expect((await reopened.verifyAudit()).ok).toBe(true);
  });

  it('a record held while the run was interrupted is left out of it, never deleted, and named in the entry', async () => {
    const { engine, db, vaultId, ids, batch } = await approved(8, 8);
    await engine.destructionExecute(batch.id, () => (engine as unknown as { session: Session }).session.abort.abort()).catch(() => undefined);
    const e2 = engineOn(db).engine;
    await e2.unlockWithPassphrase(vaultId, PASS);
    await e2.holdSet({ ids: [ids[6]!] }, 'court order 2026-5');
    const r = await e2.destructionExecute(batch.id);
    expect(r).toMatchObject({ records: 7, skipped: [{ customerNo: 'KH000007', reason: 'HELD' }] });
    expect((await e2.getRecord(ids[6]!)).hold).toMatchObject({ reason: 'court order 2026-5' });
    expect((await recordsInPacks(db, e2)).ids).toEqual([ids[6]]);
    const [entry] = await e2.destructionEntries();
    expect(entry!.counts).toMatchObject({ records: 7, skipped: 1 });
    expect(entry!.note).toContain('KH000007 (HELD)');
    expect((await events(e2)).map((x) => x.action)).toContain('destruction.skipped');
  });

  it('an interrupted run must be completed before the vault can end its life', async () => {
    const { engine, db, vaultId, batch } = await approved(6, 6);
    await engine.destructionExecute(batch.id, () => (engine as unknown as { session: Session }).session.abort.abort()).catch(() => undefined);
    const e2 = engineOn(db).engine;
    await e2.unlockWithPassphrase(vaultId, PASS);
    expect(await failure(e2.vaultFinalExport())).toMatchObject({ code: 'CONFLICT', details: { reason: 'RUN_PENDING' } });
    expect((await e2.destructionExecute(batch.id)).records).toBe(6);
  });

  it('refuses to execute when a record became ineligible after approval, naming it', async () => {
    const { engine, ids, batch, db } = await approved(4, 4);
    await engine.holdSet({ ids: [ids[2]!] }, 'subpoena 2026-88');
    const before = await db.packs.toArray();
    const e = await failure(engine.destructionExecute(batch.id));
    expect(e).toMatchObject({ code: 'CONFLICT', details: { reason: 'INELIGIBLE', records: [{ customerNo: 'KH000003', reason: 'HELD' }] } });
    expect(await db.packs.toArray()).toEqual(before);
  });

  it('stores no plaintext of the records in the log, the marker or the events', async () => {
    const { engine, db, batch } = await approved(4, 4);
    await engine.destructionExecute(batch.id);
    const rows = [...(await db.meta.toArray()).map((m) => m.blob), ...(await db.events.toArray()).map((e) => e.blob)];
    for (const canary of ['客户1', '110101198402248759', 'KH000001']) {
      const needle = Buffer.from(canary, 'utf8');
      expect(rows.filter((b) => Buffer.from(b).includes(needle))).toEqual([]);
    }
    const text = JSON.stringify(await engine.destructionEntries());
    expect(text).not.toContain('110101198402248759');
    expect(text).not.toContain('17408448891');
    expect(text).not.toContain('客户1');
  });
});
