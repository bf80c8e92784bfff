import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/core/bytes.ts';
import { sha256 } from '../../../src/core/crypto/sodium.ts';
import { clock, events, failure, paper, png, vaultWithFates } from './support.ts';

async function approvedWithCopies() {
  const c = clock();
  const v = await vaultWithFates(4, 2, { now: c.now });
  const key = await v.engine.custodyKeyCreate({ year: 2046 });
  c.add(1000);
  await v.engine.archiveExport({ keyIds: [key.id] });
  await v.engine.archiveAddCopy('ARC-2026-0001', { medium: 'usb', location: 'Safe B', holder: 'Wang' });
  await v.engine.archiveAddCopy('ARC-2026-0001', { medium: 'optical', location: 'Bank vault', holder: 'Zhou' });
  const [usb, disc] = (await v.engine.archiveRegister()).bundles[0]!.copies;
  const batch = await v.engine.destructionCreateBatch({
    copies: [
      { bundle: 'ARC-2026-0001', copyId: usb!.id, decision: 'destroy' },
      { bundle: 'ARC-2026-0001', copyId: disc!.id, decision: 'keep', reason: 'kept until 2046-06-30 with the archive' },
    ],
  });
  await v.engine.destructionApprove(batch.id, { approver: 'Chen Jie' });
  return { ...v, c, batch, usb: usb!, disc: disc!, key };
}

describe('physical destruction entries', () => {
  it('records paper shredding with a photo sealed as an attachment; the line carries its SHA-256; ticks P6-08', async () => {
    const { engine, db, batch } = await approvedWithCopies();
    const photo = png(7);
    const e = await engine.destructionRecord(paper(batch.id, { accounting: true }), [{ file: new Blob([photo as Uint8Array<ArrayBuffer>]), name: 'shredder.png' }]);
    expect(e).toMatchObject({
      seq: 1,
      batch: 'DST-2026-0001',
      kind: 'paper',
      counts: { items: 3, photos: 1 },
      items: [{ description: 'Account opening forms, boxes 1–3', count: 3 }],
      method: { category: 'destroy', technique: 'cross-cut shredding', tool: 'HSM Securio B34 (P-5)' },
      performer: 'Zhao Lei',
      witnesses: ['Qian Min'],
      place: 'Archive room, 5F',
      time: '2026-11-22T07:30:00.000Z',
      accounting: true,
    });
    expect(e.photos).toEqual([expect.objectContaining({ name: 'shredder.png', type: 'image/png', size: 64, sha256: toHex(sha256(photo)) })]);
    // The photo lives sealed in the attachments table, never in clear.
    const rows = await db.attachments.where('vaultId').equals((await engine.current())!.vaultId).toArray();
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.blob).includes(Buffer.from(photo.slice(8, 40)))).toBe(false);
    const back = await engine.destructionPhoto(e.photos[0]!.id);
    expect(new Uint8Array(await back.blob.arrayBuffer())).toEqual(photo);
    const log = await engine.destructionExportLog();
    expect(log.text).toContain(`"evidence":["${toHex(sha256(photo))}"]`);
    expect((await engine.checklistGet()).states['P6-08']!.evidence).toEqual([expect.objectContaining({ ref: 'DST-2026-0001#1' })]);
    expect((await events(engine)).find((x) => x.action === 'destruction.recorded')).toMatchObject({ data: { entry: 1, kind: 'paper', category: 'destroy', photos: 1 } });
  });

  it('names each bad field, refuses photos that are not images and entries on unapproved batches', async () => {
    const { engine, batch } = await approvedWithCopies();
    for (const [patch, field] of [
      [{ description: '' }, 'description'],
      [{ count: 0 }, 'count'],
      [{ technique: 'magic' }, 'technique'],
      [{ performer: ' ' }, 'performer'],
      [{ place: '' }, 'place'],
      [{ time: '2099-01-01T00:00:00Z' }, 'time'],
      [{ kind: 'cloud' }, 'kind'],
    ] as const) {
      expect((await failure(engine.destructionRecord({ ...paper(batch.id), ...patch } as never))).details).toMatchObject({ field });
    }
    expect((await failure(engine.destructionRecord(paper(batch.id), [{ file: new TextEncoder().encode('not a photo'), name: 'x.txt' }]))).details).toMatchObject({ reason: 'WRONG_TYPE' });
    const planned = await engine.destructionCreateBatch({ ids: [] });
    expect(await failure(engine.destructionRecord(paper(planned.id)))).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_APPROVED' } });
    expect((await engine.destructionOverview()).head.count).toBe(0);
  });

  it('a batch is complete once executed and every copy it decided to destroy has its entry', async () => {
    const { engine, batch, usb, disc } = await approvedWithCopies();
    await engine.destructionExecute(batch.id);
    expect((await engine.destructionOverview()).batches[0]!.complete).toBe(false);
    const wrong = await failure(engine.destructionRecord({ ...paper(batch.id), kind: 'bundle-copy', medium: 'optical', technique: 'physical-destruction', copy: { bundle: 'ARC-2026-0001', copyId: disc.id } }));
    expect(wrong.details).toMatchObject({ field: 'copy' });
    const e = await engine.destructionRecord({ ...paper(batch.id), kind: 'bundle-copy', medium: 'usb', description: 'USB stick #3', count: 1, technique: 'physical-destruction', copy: { bundle: 'ARC-2026-0001', copyId: usb.id } });
    expect(e).toMatchObject({ kind: 'bundle-copy', bundles: ['ARC-2026-0001'], items: [{ description: 'USB stick #3', count: 1, serial: usb.id }] });
    const b = (await engine.destructionOverview()).batches[0]!;
    expect(b.complete).toBe(true);
    expect(b.copies.find((x) => x.copyId === usb.id)!.entrySeq).toBe(e.seq);
    expect((await failure(engine.destructionRecord({ ...paper(batch.id), kind: 'bundle-copy', medium: 'usb', technique: 'physical-destruction', copy: { bundle: 'ARC-2026-0001', copyId: usb.id } }))).details).toMatchObject({ reason: 'ALREADY_RECORDED' });
    // A later plan no longer asks about the destroyed copy; the kept one is asked about again.
    const later = await engine.destructionPlan({ workingCopies: true });
    expect(later.bundles[0]!.copies.map((c) => c.id)).toEqual([disc.id]);
  });
});
