import { describe, expect, it } from 'vitest';
import { PASS, SD, clock, everything, events, failure, vaultWithFates } from './support.ts';

describe('planning and approving a destruction batch', () => {
  it('lists the eligible records and the others with their reason, masked, by customer number', async () => {
    const { engine, ids } = await vaultWithFates(6, 4);
    await engine.holdSet({ ids: [ids[1]!] }, '(2026) 京01民初123号');
    const plan = await engine.destructionPlan();
    expect(plan.eligible.map((r) => r.customerNo)).toEqual(['KH000001', 'KH000003', 'KH000004']);
    expect(plan.eligible[0]).toEqual({ id: ids[0], customerNo: 'KH000001', maskedName: '客**', fate: 'destroy', reason: null });
    expect(plan.ineligible).toEqual([{ id: ids[1], customerNo: 'KH000002', maskedName: '客**', fate: 'destroy', reason: 'HELD' }]);
    expect(plan.byReason).toEqual({ HELD: 1 });
    expect(JSON.stringify(plan)).not.toContain('客户1');

    const wide = await engine.destructionPlan({ workingCopies: true });
    expect(wide.ineligible.map((r) => `${r.customerNo}:${r.reason}`)).toEqual(['KH000002:HELD', 'KH000005:NOT_ARCHIVED', 'KH000006:NOT_ARCHIVED']);
  });

  it('names a record whose retention has not ended (the profile came after it was marked destroy)', async () => {
    const { engine, ids } = await vaultWithFates(3, 3, { profile: null });
    await engine.checklistSetProfile(SD);
    await engine.retentionSetDates({ accountsClosed: '2026-06-30' });
    for (const id of ids) {
      const r = await engine.getRecord(id);
      const { relationshipEnd: _gone, ...fields } = r.fields;
      await engine.updateRecord(id, { kind: r.kind, customerNo: r.customerNo, fields });
    }
    const plan = await engine.destructionPlan();
    expect(plan.eligibleTotal).toBe(0);
    expect(plan.byReason).toEqual({ UNDER_RETENTION: 3 });
    const e = await failure(engine.destructionCreateBatch({ ids: [ids[2]!] }));
    expect(e.code).toBe('CONFLICT');
    expect(e.details).toMatchObject({ reason: 'INELIGIBLE', records: [{ customerNo: 'KH000003', reason: 'UNDER_RETENTION' }], count: 1 });
    expect(e.message).toContain('KH000003');
  });

  it('refuses a batch with a held record, naming it by customer number, and stores nothing', async () => {
    const { engine, ids, db } = await vaultWithFates(4, 4);
    await engine.holdSet({ ids: [ids[3]!] }, 'regulator inquiry 2026-17');
    const before = await everything(db);
    const e = await failure(engine.destructionCreateBatch({ ids: [ids[0]!, ids[3]!] }));
    expect(e).toMatchObject({ code: 'CONFLICT', details: { reason: 'INELIGIBLE', records: [{ customerNo: 'KH000004', reason: 'HELD' }] } });
    expect(e.message).toContain('KH000004');
    expect(await everything(db)).toEqual(before);
    // Undecided, or kept without working copies in scope, is refused too.
    const kept = await vaultWithFates(2, 0);
    expect((await failure(kept.engine.destructionCreateBatch({ ids: [kept.ids[0]!] }))).details).toMatchObject({ records: [{ customerNo: 'KH000001', reason: 'NOT_DESTROY' }] });
  });

  it('lists the bundles and copies that hold the records; each copy needs a decision', async () => {
    const c = clock();
    const { engine } = await vaultWithFates(5, 3, { now: c.now });
    const key = await engine.custodyKeyCreate({ year: 2046 });
    c.add(1000);
    await engine.archiveExport({ keyIds: [key.id] });
    await engine.archiveAddCopy('ARC-2026-0001', { medium: 'usb', location: 'Safe B', holder: 'Wang' });
    await engine.archiveAddCopy('ARC-2026-0001', { medium: 'optical', location: 'Bank vault', holder: 'Zhou' });
    const plan = await engine.destructionPlan();
    expect(plan.bundles).toHaveLength(1);
    expect(plan.bundles[0]).toMatchObject({ number: 'ARC-2026-0001', records: 3, recipients: ['custody'] });
    const [usb, disc] = plan.bundles[0]!.copies;
    const missing = await failure(engine.destructionCreateBatch({ copies: [{ bundle: 'ARC-2026-0001', copyId: usb!.id, decision: 'destroy' }] }));
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'copies', reason: 'undecided-copies', copies: [disc!.id] } });
    expect((await failure(engine.destructionCreateBatch({ copies: [{ bundle: 'ARC-2026-0001', copyId: usb!.id, decision: 'destroy' }, { bundle: 'ARC-2026-0001', copyId: disc!.id, decision: 'keep', reason: '' }] }))).details).toMatchObject({ field: 'copies' });

    const batch = await engine.destructionCreateBatch({
      copies: [
        { bundle: 'ARC-2026-0001', copyId: usb!.id, decision: 'destroy' },
        { bundle: 'ARC-2026-0001', copyId: disc!.id, decision: 'keep', reason: 'kept with the archive until 2046-06-30' },
      ],
    });
    expect(batch).toMatchObject({ number: 'DST-2026-0001', state: 'planned', records: 3, customerNos: ['KH000001', 'KH000002', 'KH000003'], complete: false });
    expect(batch.copies).toEqual([
      expect.objectContaining({ copyId: usb!.id, decision: 'destroy', medium: 'usb', location: 'Safe B' }),
      expect.objectContaining({ copyId: disc!.id, decision: 'keep', reason: 'kept with the archive until 2046-06-30' }),
    ]);
    // The same records cannot go in a second open batch.
    expect((await failure(engine.destructionCreateBatch({ copies: batch.copies.map((x) => ({ ...x, decision: 'destroy' as const })) }))).details).toMatchObject({ reason: 'IN_OTHER_BATCH' });
    // The working copies of kept records come once a bundle made after their last change holds them.
    expect((await engine.destructionPlan({ workingCopies: true })).eligible.map((r) => r.customerNo)).toContain('KH000004');
    const last = (await events(engine)).at(-1)!;
    expect(last).toMatchObject({ action: 'destruction.planned', data: { number: 'DST-2026-0001', records: 3, copies: 2 } });
  });

  it('approval names the approver; dual control checks the second operator against their own slot', async () => {
    const { engine, vaultId } = await vaultWithFates(3, 3);
    const second = await engine.addOperator('Wang Fang', 'second operator words');
    const batch = await engine.destructionCreateBatch({});
    expect((await failure(engine.destructionApprove(batch.id, { approver: ' ' }))).details).toMatchObject({ field: 'approver' });
    expect(await failure(engine.destructionApprove(batch.id, { approver: 'Chen Jie', second: { slotId: second.id, passphrase: 'wrong words here' } }))).toMatchObject({ code: 'WRONG_PASSPHRASE', details: { field: 'second' } });
    const me = (await engine.current())!.slotId;
    expect((await failure(engine.destructionApprove(batch.id, { approver: 'Chen Jie', second: { slotId: me, passphrase: PASS } }))).details).toMatchObject({ reason: 'same-operator' });
    const recovery = (await engine.listSlots()).find((x) => x.kind === 'recovery')!;
    expect((await failure(engine.destructionApprove(batch.id, { approver: 'Chen Jie', second: { slotId: recovery.id, passphrase: 'x' } }))).details).toMatchObject({ reason: 'recovery-slot' });
    expect((await engine.destructionOverview()).batches[0]!.state).toBe('planned');

    const ok = await engine.destructionApprove(batch.id, { approver: 'Chen Jie', second: { slotId: second.id, passphrase: 'second operator words' } });
    expect(ok.state).toBe('approved');
    expect(ok.approval).toMatchObject({ approver: 'Chen Jie', by: 'Li Wei', second: { slotId: second.id, label: 'Wang Fang' } });
    expect(await failure(engine.destructionApprove(batch.id, { approver: 'Chen Jie' }))).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_PLANNED' } });
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect((await engine.destructionOverview()).batches[0]!.approval!.second!.label).toBe('Wang Fang');
    expect((await events(engine)).find((e) => e.action === 'destruction.approved')).toMatchObject({ subjects: [batch.id, second.id], data: { dual: true } });
  });

  it('a planned batch can be cancelled, and its records planned again', async () => {
    const { engine } = await vaultWithFates(2, 2);
    const a = await engine.destructionCreateBatch({});
    expect((await engine.destructionCancel(a.id)).state).toBe('cancelled');
    expect(await failure(engine.destructionExecute(a.id))).toMatchObject({ code: 'CONFLICT', details: { reason: 'CANCELLED' } });
    const b = await engine.destructionCreateBatch({});
    expect(b.number).toBe('DST-2026-0002');
    expect(await failure(engine.destructionExecute(b.id))).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_APPROVED' } });
  });
});
