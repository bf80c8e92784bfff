import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeEngine, PASS, person, rejectsWith } from '../helpers.ts';
import { PACK_SIZE } from '../../../src/engine/record-cache.ts';

async function vaultWith(n: number) {
  const t = makeEngine();
  const { vaultId } = await t.engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
  await t.engine.createRecords(Array.from({ length: n }, (_, i) => person(i + 1)));
  return { ...t, vaultId };
}

describe('records', () => {
  it('creates, updates and deletes, with an event each', async () => {
    const { engine } = await vaultWith(0);
    const r = await engine.createRecord(person(7, { email: 'a@example.cn' }));
    const u = await engine.updateRecord(r.id, { ...person(7), fields: { ...person(7).fields, phone: '13812345678' } });
    expect(u.fields.phone).toBe('13812345678');
    expect(u.fields.email).toBeUndefined();
    expect(u.createdAt).toBe(r.createdAt);
    await engine.deleteRecord(r.id);
    expect(await rejectsWith(engine.getRecord(r.id))).toBe('NOT_FOUND');
    const actions = (await engine.auditEvents(0, 3)).items.map((e) => ('action' in e ? e.action : ''));
    expect(actions).toEqual(['record.deleted', 'record.updated', 'record.created']);
    const upd = (await engine.auditEvents(1, 1)).items[0]!;
    expect('data' in upd && upd.data).toEqual({ fields: 'email,phone' });
  });

  it('refuses invalid records with the field and problem', async () => {
    const { engine } = await vaultWith(0);
    const e = await engine.createRecord(person(1, { idNumber: '110101198402248750', phone: '12345' })).catch((x) => x);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details.problems).toEqual([
      { field: 'idNumber', code: 'ID_CHECKSUM' },
      { field: 'phone', code: 'MOBILE' },
    ]);
    expect((await engine.listRecords()).total).toBe(0);
  });

  it('searches by name, customer number and last digits; filters and pages', async () => {
    const { engine } = await vaultWith(600);
    await engine.createRecord({ kind: 'person', customerNo: 'ZZ1', fields: { name: '欧阳娜娜', idNumber: '44010619830612106X', phone: '13569335890' } });
    expect((await engine.listRecords({ search: '欧阳' })).items.map((r) => r.customerNo)).toEqual(['ZZ1']);
    expect((await engine.listRecords({ search: '106x' })).items.map((r) => r.customerNo)).toEqual(['ZZ1']);
    expect((await engine.listRecords({ search: '5890' })).total).toBe(1);
    expect((await engine.listRecords({ search: 'kh000599' })).items[0]!.customerNo).toBe('KH000599');
    const p = await engine.listRecords({ offset: 590, limit: 20 });
    expect(p.total).toBe(601);
    expect(p.items.map((r) => r.customerNo)).toEqual([...Array.from({ length: 10 }, (_, i) => `KH000${591 + i}`), 'ZZ1']);
    expect((await engine.listRecords({ category: 'financial' })).total).toBe(0);
    expect((await engine.listRecords({ category: 'contact' })).total).toBe(601);
    const c = await engine.counts();
    expect([c.total, c.byCategory.identity, c.byCategory.financial, c.bySensitivity.C2]).toEqual([601, 601, 0, 601]);
  });

  it('packs records and keeps every pack consistent across edits and deletions', async () => {
    const { engine, store, vaultId } = await vaultWith(PACK_SIZE * 2 + 10);
    expect((await store.packsOf(vaultId)).length).toBe(3);
    const page = await engine.listRecords({ limit: 500 });
    for (const item of page.items.slice(0, PACK_SIZE + 5)) await engine.deleteRecord(item.id);
    await engine.createRecord(person(9999));
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect((await engine.listRecords()).total).toBe(PACK_SIZE * 2 + 10 - (PACK_SIZE + 5) + 1);
    expect((await engine.current())!.damaged).toEqual([]);
  });

  it('property: any sequence of creates, updates and deletes reads back the same after unlock', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant('c'), fc.constant('u'), fc.constant('d')), { maxLength: 25 }), async (ops) => {
        const { engine, vaultId } = await vaultWith(3);
        let n = 100;
        for (const op of ops) {
          const ids = (await engine.listRecords({ limit: 500 })).items.map((r) => r.id);
          if (op === 'c' || !ids.length) await engine.createRecord(person(n++));
          else if (op === 'u') await engine.updateRecord(ids[n % ids.length]!, person(n++));
          else await engine.deleteRecord(ids[n++ % ids.length]!);
        }
        const before = (await engine.listRecords({ limit: 500 })).items;
        await engine.lock();
        await engine.unlockWithPassphrase(vaultId, PASS);
        expect((await engine.listRecords({ limit: 500 })).items).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it('locking aborts a bulk store cleanly: nothing half-written', async () => {
    const { engine, vaultId } = await vaultWith(0);
    const inputs = Array.from({ length: 20000 }, (_, i) => person(i + 1));
    const running = engine.createRecords(inputs);
    const locking = engine.lock();
    expect(await rejectsWith(running)).toBe('AbortError');
    await locking;
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect((await engine.listRecords()).total).toBe(0);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });
});
