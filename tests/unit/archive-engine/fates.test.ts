import { describe, expect, it } from 'vitest';
import { person } from '../helpers.ts';
import { PASS, everything, events, failure, vaultWithRecords } from './support.ts';

describe('fates through the engine', () => {
  it('suggests without storing, then applies what the user confirmed, and it survives a lock', async () => {
    const { engine, db, vaultId } = await vaultWithRecords(4);
    expect(await engine.fateFunnel()).toEqual({ total: 4, undecided: 4, keep: 0, transfer: 0, destroy: 0, held: 0 });
    const before = await everything(db);
    const sug = await engine.fateSuggest({});
    expect(sug).toEqual({ matched: 4, affected: 4, keep: 4, transfer: 0, destroy: 0, none: 0, decided: 0 });
    expect(await everything(db)).toEqual(before);

    const applied = await engine.fateApplySuggested({});
    expect(applied.funnel).toMatchObject({ keep: 4, undecided: 0 });
    const page = await engine.fateList({});
    expect(page.items[0]!.fate).toMatchObject({ kind: 'keep', basis: ['SECLAW-137'], until: '2046-06-30', by: 'Li Wei' });
    expect(page.items[0]!.retention).toEqual({ basis: ['SECLAW-137'], years: 20, until: '2046-06-30', missingStart: [] });

    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect(await engine.fateFunnel()).toMatchObject({ total: 4, keep: 4 });
    const r = (await engine.listRecords()).items[0]!;
    expect((await engine.getRecord(r.id)).fate).toMatchObject({ kind: 'keep', until: '2046-06-30' });
  });

  it('leaves decided records alone unless asked to replace', async () => {
    const { engine } = await vaultWithRecords(3);
    const [a] = (await engine.listRecords()).items;
    await engine.holdSet({ ids: [a!.id] }, '(2026) 京01民初123号');
    await engine.fateSet({ ids: [a!.id] }, { kind: 'transfer', recipient: '丙证券' });
    expect(await engine.fateSuggest({})).toMatchObject({ matched: 3, affected: 2, decided: 1 });
    expect(await engine.fateSuggest({}, true)).toMatchObject({ affected: 3, keep: 3 });
  });

  it('a hold blocks destruction; without a profile nothing binds and destroy is allowed', async () => {
    const { engine } = await vaultWithRecords(3, { profile: null });
    const ids = (await engine.listRecords()).items.map((r) => r.id);
    expect(await engine.fateSuggest({})).toMatchObject({ none: 3, affected: 0 });
    await engine.holdSet({ ids: [ids[0]!] }, 'regulator inquiry 2026-17');
    const r = await engine.fateSet({}, { kind: 'destroy' });
    expect(r).toMatchObject({ matched: 3, changed: 2, skipped: { held: 1, retention: 0, recipient: 0 } });
    expect(r.funnel).toEqual({ total: 3, undecided: 0, keep: 0, transfer: 0, destroy: 2, held: 1 });
    expect((await engine.getRecord(ids[0]!)).fate).toBeUndefined();

    // Held after being marked destroy: it leaves the destroy bucket.
    await engine.holdSet({ ids: [ids[1]!] }, 'audit sample');
    expect(await engine.fateFunnel()).toMatchObject({ destroy: 1, held: 2 });
    await engine.holdRelease({ status: 'held' });
    // Released, the record marked destroy before its hold is back in the destroy bucket.
    expect(await engine.fateFunnel()).toMatchObject({ destroy: 2, undecided: 1, held: 0 });
  });

  it('refuses destroy while a retention binds, and transfer without a recipient', async () => {
    const { engine } = await vaultWithRecords(2);
    expect(await engine.fateSet({}, { kind: 'destroy' })).toMatchObject({ changed: 0, skipped: { retention: 2 } });
    expect((await failure(engine.fateSet({}, { kind: 'transfer', recipient: ' ' }))).details).toMatchObject({ field: 'recipient' });
    expect((await failure(engine.holdSet({}, ''))).details).toMatchObject({ field: 'reason' });
    // Once the retention has ended (relationship ended in 1990), destruction is allowed.
    const id = (await engine.listRecords()).items[0]!.id;
    const old = await engine.getRecord(id);
    await engine.updateRecord(id, { kind: old.kind, customerNo: old.customerNo, fields: { ...old.fields, relationshipEnd: '1990-01-02' } });
    expect(await engine.fateSet({ ids: [id] }, { kind: 'destroy' })).toMatchObject({ changed: 1 });
  });

  it('filters by category, search and status, and an edit keeps the fate', async () => {
    const { engine } = await vaultWithRecords(0);
    await engine.createRecords([person(1), person(2, { notes: '投诉回访' }), { kind: 'person', customerNo: 'KH000003', fields: { name: '王五', feedback: '已结清' } }]);
    await engine.fateApplySuggested({ category: 'communications' });
    expect(await engine.fateFunnel()).toMatchObject({ keep: 2, undecided: 1 });
    const page = await engine.fateList({ status: 'undecided' });
    expect(page.items.map((i) => i.customerNo)).toEqual(['KH000001']);
    const found = await engine.fateList({ search: 'KH000003' });
    expect(found.total).toBe(1);
    const id = found.items[0]!.id;
    const r = await engine.getRecord(id);
    await engine.updateRecord(id, { kind: r.kind, customerNo: r.customerNo, fields: { ...r.fields, feedback: '' } });
    expect((await engine.getRecord(id)).fate).toMatchObject({ kind: 'keep' });
  });

  it('works out dates from the profile dates and says which start is missing', async () => {
    const pf = { scenarios: ['PF' as const], firmName: '丁私募', euCustomers: false, paperRecords: false, processors: false, transferRoute: 'none' as const, crossBorder: false, peopleCount: 3 };
    const { engine } = await vaultWithRecords(1, { profile: pf });
    await engine.retentionSetDates({ accountsClosed: '', fundLiquidated: '' });
    const item = (await engine.fateList({})).items[0]!;
    expect(item.retention).toMatchObject({ until: null, missingStart: ['relationship-end'] });
    expect((await failure(engine.retentionSetDates({ accountsClosed: '2026-02-30' }))).details).toEqual({ field: 'accountsClosed' });
    const view = await engine.retentionSetDates({ accountsClosed: '2026-03-31', fundLiquidated: '2026-12-31' });
    expect(view).toMatchObject({ profile: true, scenarios: ['PF'], transferRoute: 'none', dates: { accountsClosed: '2026-03-31', fundLiquidated: '2026-12-31' } });
    expect((await engine.fateList({})).items[0]!.retention).toMatchObject({ basis: ['FUNDLAW-102'], until: '2046-03-31' });
  });

  it('suggests transfer when the data passes to a successor under PIPL art. 22', async () => {
    const { engine } = await vaultWithRecords(2, { profile: { scenarios: ['BT'], firmName: '戊证券', euCustomers: false, paperRecords: false, processors: false, transferRoute: 'pipl22', recipient: '己证券股份有限公司', crossBorder: false, peopleCount: 2 } });
    await engine.fateApplySuggested({});
    expect((await engine.fateList({})).items.map((i) => i.fate)).toEqual([
      expect.objectContaining({ kind: 'transfer', recipient: '己证券股份有限公司' }),
      expect.objectContaining({ kind: 'transfer', recipient: '己证券股份有限公司' }),
    ]);
  });

  it('logs ids, counts and digests only — never a name, ID number or reason', async () => {
    const { engine } = await vaultWithRecords(60);
    await engine.fateApplySuggested({});
    await engine.holdSet({ search: 'KH000001' }, '诉讼保全 甲某某案');
    const ev = await events(engine);
    const applied = ev.find((e) => e.action === 'fates.applied')!;
    expect(applied.subjects).toEqual([]);
    expect(applied.data).toMatchObject({ count: 60, keep: 60, ids: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const held = ev.find((e) => e.action === 'holds.placed')!;
    expect(held.subjects).toHaveLength(1);
    const text = JSON.stringify(ev);
    for (const secret of ['客户1', '110101198402248759', '甲某某', '诉讼']) expect(text).not.toContain(secret);
  });
});
