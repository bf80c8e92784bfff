import { describe, expect, it } from 'vitest';
import { readKeys } from '../../../src/engine/archive/docs.ts';
import type { Session } from '../../../src/engine/session.ts';
import { clock, events, failure, paper, png, vaultWithFates } from './support.ts';

const who = { performer: 'Zhao Lei', witnesses: ['Qian Min'], place: 'Archive room, 5F' };

async function keyWithCopies() {
  const c = clock('2026-11-22T08:00:00.000Z');
  const v = await vaultWithFates(3, 1, { now: c.now });
  const key = await v.engine.custodyKeyCreate({ year: 2026 });
  c.add(1000);
  await v.engine.archiveExport({ keyIds: [key.id] });
  c.add(1000);
  await v.engine.archiveExport({ keyIds: [key.id] });
  await v.engine.custodyKeySheet(key.id, { location: 'Safe A', holder: 'Wang' });
  await v.engine.custodyKeyAddCopy(key.id, { location: 'Lawyer’s office', holder: 'Sun' });
  return { ...v, c, key: (await v.engine.custodyKeys())[0]! };
}

describe('crypto-erasure of a custody key', () => {
  it('is refused until the key’s retention ends and every registered copy is recorded destroyed with evidence', async () => {
    const { engine, c, key, db } = await keyWithCopies();
    const [sheet, other] = key.copies;
    expect(await failure(engine.custodyKeyErase(key.id, who))).toMatchObject({ code: 'CONFLICT', details: { reason: 'UNDER_RETENTION', until: '2026-12-31' } });
    c.set('2027-01-02T08:00:00.000Z');
    let view = await engine.custodyErasure(key.id);
    expect(view).toMatchObject({ label: '2026', retentionEnds: '2026-12-31', retentionEnded: true, ready: false, bundles: ['ARC-2026-0001', 'ARC-2026-0002'] });
    expect(await failure(engine.custodyKeyErase(key.id, who))).toMatchObject({ code: 'CONFLICT', details: { reason: 'COPIES_PENDING', copies: [sheet!.id, other!.id] } });

    const keyCopy = (copyId: string, extra = {}) => ({ ...paper(''), kind: 'key-copy' as const, description: 'key sheet', count: 1, keyCopy: { keyId: key.id, copyId }, time: undefined, ...extra });
    expect((await failure(engine.destructionRecord(keyCopy(sheet!.id, { witnesses: [] })))).details).toMatchObject({ reason: 'NO_EVIDENCE' });
    const e1 = await engine.destructionRecord(keyCopy(sheet!.id, { witnesses: [] }), [{ file: png(3), name: 'sheet.png' }]);
    expect(e1).toMatchObject({ kind: 'custody-key', batch: 'DST-2027-0001', bundles: ['ARC-2026-0001', 'ARC-2026-0002'], items: [{ serial: sheet!.id }] });
    expect(await failure(engine.custodyKeyErase(key.id, who))).toMatchObject({ details: { reason: 'COPIES_PENDING', copies: [other!.id] } });
    const e2 = await engine.destructionRecord(keyCopy(other!.id));
    view = await engine.custodyErasure(key.id);
    expect(view.ready).toBe(true);
    expect(view.copies.map((x) => x.entrySeq)).toEqual([e1.seq, e2.seq]);

    const erased = await engine.custodyKeyErase(key.id, who);
    expect(erased).toMatchObject({ kind: 'custody-key', batch: 'DST-2027-0001', bundles: ['ARC-2026-0001', 'ARC-2026-0002'], counts: { copies: 2, bundles: 2 }, method: { category: 'purge' } });
    expect(erased.method.technique).toContain(`entries ${e1.seq}, ${e2.seq}`);
    // The key material is gone from the vault; the archive no longer lists it.
    expect(await engine.custodyKeys()).toEqual([]);
    const s = (engine as unknown as { session: Session }).session;
    const doc = await readKeys((v, k) => db.meta.get([v, k]).then((m) => m?.blob), s);
    expect(doc.keys).toEqual([]);
    expect(await engine.custodyErasure(key.id)).toMatchObject({ erasedAt: '2027-01-02T08:00:00.000Z', bundles: ['ARC-2026-0001', 'ARC-2026-0002'], erasedEntry: erased.seq });
    expect(await failure(engine.custodyKeyErase(key.id, who))).toMatchObject({ code: 'CONFLICT', details: { reason: 'ERASED' } });
    expect((await events(engine)).find((x) => x.action === 'custody-key.erased')).toMatchObject({ subjects: [key.id, expect.any(String)], data: { copies: 2, bundles: 2 } });
    const batch = (await engine.destructionOverview()).batches.find((b) => b.kind === 'custody-key')!;
    expect(batch).toMatchObject({ complete: true, entries: [e1.seq, e2.seq, erased.seq], key: { id: key.id, label: '2026' } });
  });

  it('a key with no registered copy may be erased once its retention ends', async () => {
    const c = clock('2030-01-05T08:00:00.000Z');
    const v = await vaultWithFates(1, 1, { now: c.now });
    const key = await v.engine.custodyKeyCreate({ year: 2029 });
    expect((await v.engine.custodyKeyErase(key.id, who)).counts).toEqual({ copies: 0, bundles: 0 });
  });
});
