import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeEngine, PASS, person, rejectsWith } from '../helpers.ts';
import { eventLine, lineHash, parseEventLine } from '../../../src/core/formats/event.ts';
import type { Session } from '../../../src/engine/session.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import { PACK_SIZE } from '../../../src/engine/record-cache.ts';

const sessionOf = (e: Engine) => (e as unknown as { session: Session }).session;

async function setup(records = 2) {
  const t = makeEngine();
  const { vaultId } = await t.engine.createVault({ label: 'Case', operator: 'Li', passphrase: PASS });
  const created = [];
  for (let i = 0; i < records; i++) created.push(await t.engine.createRecord(person(i + 1)));
  return { ...t, vaultId, created };
}

describe('tampering with stored rows', () => {
  it('swapping the ciphertexts of two record packs fails both, and names their customers', async () => {
    const { engine, store, db, vaultId } = await setup(0);
    await engine.createRecords(Array.from({ length: 300 }, (_, i) => person(i + 1)));
    const [a, b] = await store.packsOf(vaultId);
    await db.packs.bulkPut([{ ...a!, blob: b!.blob }, { ...b!, blob: a!.blob }]);
    await engine.lock();
    const s = await engine.unlockWithPassphrase(vaultId, PASS);
    expect(s.damaged.map((d) => d.code)).toEqual(['AUTH_FAILED', 'AUTH_FAILED']);
    expect(s.damaged.flatMap((d) => d.customerNos)).toHaveLength(2 * PACK_SIZE);
    // The damaged customers and the ones still readable are exactly the 300 stored.
    const readable = (await engine.listRecords({ limit: 500 })).items.map((r) => r.customerNo);
    expect([...s.damaged.flatMap((d) => d.customerNos), ...readable].sort()).toEqual(Array.from({ length: 300 }, (_, i) => person(i + 1).customerNo));
  });

  it('a flipped byte in one pack damages that pack only; the rest of the vault opens', async () => {
    const { engine, store, db, vaultId } = await setup(0);
    await engine.createRecords(Array.from({ length: 300 }, (_, i) => person(i + 1)));
    const packs = await store.packsOf(vaultId);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: packs[1]!.blob.length - 1 }), fc.integer({ min: 1, max: 255 }), async (i, x) => {
        const bad = packs[1]!.blob.slice();
        bad[i]! ^= x;
        await db.packs.put({ ...packs[1]!, blob: bad });
        await engine.lock();
        const s = await engine.unlockWithPassphrase(vaultId, PASS);
        expect(s.damaged.map((d) => [d.packId, d.code])).toEqual([[packs[1]!.id, 'AUTH_FAILED']]);
        expect((await engine.listRecords()).total).toBe(packs[0]!.id === packs[1]!.id ? 0 : 300 - s.damaged[0]!.customerNos.length);
        await db.packs.put(packs[1]!);
      }),
      { numRuns: 20 },
    );
  });

  it('a flipped byte in an event shows that event as damaged and fails verify', async () => {
    const { engine, store, db, vaultId } = await setup(2);
    const rows = await store.events(vaultId);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: rows.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 255 }), async (r, i, x) => {
        const row = rows[r]!;
        const bad = row.blob.slice();
        bad[i % bad.length]! ^= x;
        await db.events.put({ ...row, blob: bad });
        const v = await engine.verifyAudit();
        expect(v.ok).toBe(false);
        expect(v.problems[0]).toEqual({ seq: row.seq, kind: 'AUTH_FAILED' });
        const page = await engine.auditEvents(0, 50);
        expect(page.items.find((e) => e.seq === row.seq)).toMatchObject({ damaged: true, code: 'AUTH_FAILED' });
        await db.events.put(row);
      }),
      { numRuns: 25 },
    );
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it('a flipped byte in a key slot stops that slot only; others still open the vault', async () => {
    const { engine, store, db, vaultId } = await setup(1);
    await engine.addOperator('Wang', 'second passphrase');
    await engine.lock();
    const slots = await store.slotsOf(vaultId);
    const li = slots.find((s) => s.lastUsedAt > 0 && s.slot[6] === 1)!;
    const bad = li.slot.slice();
    bad[40]! ^= 0x10;
    await db.slots.put({ ...li, slot: bad });
    expect(await rejectsWith(engine.unlockWithPassphrase(vaultId, PASS))).toBe('WRONG_PASSPHRASE');
    const s = await engine.unlockWithPassphrase(vaultId, 'second passphrase');
    expect(s.actor).toBe('Wang');
    await engine.removeSlot(li.id);
    await engine.lock();
    // With only damaged passphrase slots left, the answer is AUTH_FAILED, not a wrong passphrase.
    const wang = (await store.slotsOf(vaultId)).find((x) => x.slot[6] === 1)!;
    const bad2 = wang.slot.slice();
    bad2[100]! ^= 1;
    await db.slots.put({ ...wang, slot: bad2 });
    expect(await rejectsWith(engine.unlockWithPassphrase(vaultId, 'second passphrase'))).toBe('AUTH_FAILED');
  });
});

describe('audit log verification', () => {
  it('passes on an untouched log', async () => {
    const { engine } = await setup(3);
    const v = await engine.verifyAudit();
    expect(v).toMatchObject({ ok: true, count: 4, problems: [] });
    expect(v.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects a removed event in the middle', async () => {
    const { engine, db, vaultId } = await setup(3);
    await db.events.delete([vaultId, 2]);
    const v = await engine.verifyAudit();
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual({ seq: 3, kind: 'GAP', expected: 2 });
  });

  it('detects a removed last event', async () => {
    const { engine, db, vaultId } = await setup(3);
    await db.events.delete([vaultId, 4]);
    expect((await engine.verifyAudit()).problems).toEqual([{ seq: 4, kind: 'HEAD_MISMATCH' }]);
  });

  it('detects two events swapped, even re-sealed under the right key', async () => {
    const { engine, store, db, vaultId } = await setup(3);
    const rows = await store.events(vaultId);
    await db.events.bulkPut([{ ...rows[1]!, blob: rows[2]!.blob }, { ...rows[2]!, blob: rows[1]!.blob }]);
    expect((await engine.verifyAudit()).problems.map((p) => p.kind)).toEqual(['AUTH_FAILED', 'AUTH_FAILED']);
    const s = sessionOf(engine);
    const ev = rows.map((r) => parseEventLine(s.open('events', 'events', String(r.seq), r.blob)));
    const reseal = (seq: number, e: (typeof ev)[number]) => ({ vaultId, seq, blob: s.seal('events', 'events', String(seq), new TextEncoder().encode(eventLine(e))) });
    await db.events.bulkPut([reseal(2, { ...ev[2]!, seq: 2 }), reseal(3, { ...ev[1]!, seq: 3 })]);
    const v = await engine.verifyAudit();
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.kind)).toContain('PREV_MISMATCH');
  });

  it('detects an edited event re-sealed under the right key', async () => {
    const { engine, store, db, vaultId } = await setup(3);
    const s = sessionOf(engine);
    const row = (await store.events(vaultId))[2]!;
    const e = parseEventLine(s.open('events', 'events', '3', row.blob));
    const edited = { ...e, actor: 'Someone else' };
    expect(lineHash(eventLine(edited))).not.toBe(lineHash(eventLine(e)));
    await db.events.put({ ...row, blob: s.seal('events', 'events', '3', new TextEncoder().encode(eventLine(edited))) });
    expect((await engine.verifyAudit()).problems).toEqual([{ seq: 4, kind: 'PREV_MISMATCH' }]);
  });
});

describe('storage full', () => {
  it('says STORAGE_FULL and leaves the vault and its log as they were', async () => {
    const { engine, db, vaultId } = await setup(1);
    const orig = db.packs.bulkPut.bind(db.packs);
    db.packs.bulkPut = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.packs.bulkPut;
    expect(await rejectsWith(engine.createRecord(person(50)))).toBe('STORAGE_FULL');
    db.packs.bulkPut = orig;
    expect((await engine.listRecords()).total).toBe(1);
    await engine.createRecord(person(51));
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect((await engine.listRecords()).items.map((r) => r.customerNo)).toEqual(['KH000001', 'KH000051']);
    expect((await engine.verifyAudit()).ok).toBe(true);
  });
});
