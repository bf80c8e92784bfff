import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../src/engine/checklist/types.ts';
import { PASS } from '../helpers.ts';
import { SD_PAPER, eventLines, failure, pdf, pngWith, snapshot, unlockedVault } from './support.ts';

const MiB = 1024 * 1024;
const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

async function withProfile() {
  const t = await unlockedVault();
  await t.engine.checklistSetProfile(SD_PAPER);
  return t;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('evidence attachments', () => {
  it('round-trip a 2.5 MiB PDF in 1 MiB chunks, across lock and unlock', async () => {
    const { engine, db, vaultId } = await withProfile();
    const file = pdf(2.5 * MiB);
    const info = await engine.checklistAttach('P2-01', new Blob([file]), 'C:\\scans\\数据地图.pdf');
    expect(info).toMatchObject({ itemId: 'P2-01', name: '数据地图.pdf', type: 'application/pdf', size: file.length, by: 'Li Wei', thumb: false });
    const rows = await db.attachments.toArray();
    expect(rows.map((r) => r.chunk)).toEqual([0, 1, 2]);
    expect(rows.every((r) => r.blob.length <= MiB + 46)).toBe(true);
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    const out = await engine.checklistAttachment(info.id);
    expect(out).toMatchObject({ name: '数据地图.pdf', type: 'application/pdf' });
    // Buffer.equals: a deep toEqual over megabytes takes seconds.
    expect(Buffer.from(await bytesOf(out.blob)).equals(Buffer.from(file))).toBe(true);
    const snap = await engine.checklistGet();
    expect(snap.attachments).toEqual([info]);
    expect(snap.states['P2-01']!.evidence).toEqual([{ kind: 'attachment', ref: info.id, label: '数据地图.pdf', at: info.at }]);
  });

  it('stores no plaintext: the canary in the image is in no row, and the event has no file name', async () => {
    const { engine, db } = await withProfile();
    const canary = 'CANARY-Photo-7Q3';
    await engine.checklistAttach('P2-01', pngWith(canary, 3 * MiB), '张三身份证.png');
    const needle = Buffer.from(canary);
    for (const r of await db.attachments.toArray()) expect(Buffer.from(r.blob).includes(needle)).toBe(false);
    for (const r of await db.meta.toArray()) expect(Buffer.from(r.blob).includes(Buffer.from('张三'))).toBe(false);
    const ev = (await eventLines(engine)).find((e) => e.action === 'checklist.evidence-attached')!;
    expect(ev).toMatchObject({ subjects: ['P2-01', expect.any(String)], data: { type: 'image/png' } });
    expect(JSON.stringify(ev)).not.toContain('张三');
  });

  it('a flipped byte in a chunk → AUTH_FAILED', async () => {
    const { engine, db, vaultId } = await withProfile();
    const info = await engine.checklistAttach('P2-01', pdf(1.5 * MiB), 'a.pdf');
    const row = (await db.attachments.get([vaultId, info.id, 1]))!;
    row.blob[500] ^= 0x01;
    await db.attachments.put(row);
    expect((await failure(engine.checklistAttachment(info.id))).code).toBe('AUTH_FAILED');
  });

  it('a chunk moved to another attachment → AUTH_FAILED', async () => {
    const { engine, db, vaultId } = await withProfile();
    const a = await engine.checklistAttach('P2-01', pdf(1.5 * MiB), 'a.pdf');
    const b = await engine.checklistAttach('P2-01', new Blob([pdf(1.5 * MiB)]), 'b.pdf');
    const moved = (await db.attachments.get([vaultId, a.id, 0]))!;
    await db.attachments.put({ ...moved, id: b.id });
    expect((await failure(engine.checklistAttachment(b.id))).code).toBe('AUTH_FAILED');
    // Swapping two chunks of the same attachment fails too.
    const [c0, c1] = await db.attachments.where('[vaultId+id+chunk]').between([vaultId, a.id, 0], [vaultId, a.id, 1], true, true).toArray();
    await db.attachments.bulkPut([{ ...c0!, blob: c1!.blob }, { ...c1!, blob: c0!.blob }]);
    expect((await failure(engine.checklistAttachment(a.id))).code).toBe('AUTH_FAILED');
  });

  it('a missing chunk → TRUNCATED', async () => {
    const { engine, db, vaultId } = await withProfile();
    const info = await engine.checklistAttach('P2-01', pdf(2.2 * MiB), 'a.pdf');
    await db.attachments.delete([vaultId, info.id, 2]);
    expect((await failure(engine.checklistAttachment(info.id))).code).toBe('TRUNCATED');
  });

  it.each<[string, () => Blob | Uint8Array, string]>([
    ['an empty file', () => new Blob([]), 'EMPTY'],
    ['a file over 20 MiB', () => new Blob([pdf(MAX_ATTACHMENT_BYTES + 1)]), 'TOO_LARGE'],
    ['a spreadsheet', () => new TextEncoder().encode('name,id\n张三,110101198402248759\n'), 'WRONG_TYPE'],
    ['a program renamed .jpg', () => new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'WRONG_TYPE'],
  ])('refuses %s with nothing stored', async (_, make, reason) => {
    const { engine, db } = await withProfile();
    const before = await snapshot(engine, db);
    const f = await failure(engine.checklistAttach('P2-01', make(), 'x.jpg'));
    expect(f).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'file', reason, limitBytes: MAX_ATTACHMENT_BYTES } });
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('refuses an item not on the checklist with nothing stored', async () => {
    const { engine, db } = await unlockedVault();
    const before = await snapshot(engine, db);
    expect((await failure(engine.checklistAttach('P2-01', pdf(100), 'a.pdf'))).code).toBe('NOT_FOUND');
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('seals a thumbnail made in the worker, and hands it back as a JPEG Blob', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    vi.stubGlobal('createImageBitmap', async () => ({ width: 1200, height: 800, close() {} }));
    vi.stubGlobal(
      'OffscreenCanvas',
      class {
        constructor(readonly width: number, readonly height: number) {}
        getContext() {
          return { fillRect() {}, drawImage() {}, fillStyle: '' };
        }
        async convertToBlob() {
          return new Blob([jpeg], { type: 'image/jpeg' });
        }
      },
    );
    const { engine, db, vaultId } = await withProfile();
    const info = await engine.checklistAttach('P2-01', pngWith('x'), 'photo.png');
    expect(info.thumb).toBe(true);
    const row = (await db.attachments.get([vaultId, info.id, -1]))!;
    expect(Buffer.from(row.blob).includes(Buffer.from(jpeg))).toBe(false);
    const thumb = (await engine.checklistThumbnail(info.id))!;
    expect(thumb.type).toBe('image/jpeg');
    expect(await bytesOf(thumb)).toEqual(jpeg);
  });

  it('without OffscreenCanvas there is no thumbnail, and a PDF never has one', async () => {
    const { engine } = await withProfile();
    const a = await engine.checklistAttach('P2-01', pngWith('x'), 'p.png');
    expect(a.thumb).toBe(false);
    expect(await engine.checklistThumbnail(a.id)).toBeNull();
  });

  it('deleting overwrites the rows, then deletes them with the reference, logged', async () => {
    const { engine, db, store, vaultId } = await withProfile();
    const keep = await engine.checklistAttach('P2-01', pdf(1.2 * MiB), 'keep.pdf');
    const gone = await engine.checklistAttach('P2-01', pdf(1.2 * MiB), 'gone.pdf');
    const seen: number[][] = [];
    const original = store.overwriteAttachment.bind(store);
    vi.spyOn(store, 'overwriteAttachment').mockImplementation(async (v, id) => {
      const n = await original(v, id);
      seen.push((await db.attachments.where('[vaultId+id+chunk]').between([v, id, -Infinity], [v, id, Infinity]).toArray()).map((r) => r.blob.reduce((a, x) => a | x, 0)));
      return n;
    });
    const snap = await engine.checklistDetach(gone.id);
    expect(seen).toEqual([[0, 0]]);
    expect(await db.attachments.where('[vaultId+id+chunk]').between([vaultId, gone.id, -Infinity], [vaultId, gone.id, Infinity]).count()).toBe(0);
    expect(snap.attachments.map((a) => a.id)).toEqual([keep.id]);
    expect(snap.states['P2-01']!.evidence.map((e) => e.ref)).toEqual([keep.id]);
    expect((await failure(engine.checklistAttachment(gone.id))).code).toBe('NOT_FOUND');
    expect(await bytesOf((await engine.checklistAttachment(keep.id)).blob)).toHaveLength(keep.size);
    expect((await eventLines(engine)).at(-1)).toMatchObject({ action: 'checklist.evidence-deleted', subjects: ['P2-01', gone.id] });
    expect((await engine.verifyAudit()).ok).toBe(true);
  });

  it('deleting the vault removes its attachments', async () => {
    const { engine, db, store, vaultId } = await withProfile();
    await engine.checklistAttach('P2-01', pdf(100), 'a.pdf');
    await engine.lock();
    await store.deleteVault(vaultId);
    expect(await db.attachments.count()).toBe(0);
  });
});
