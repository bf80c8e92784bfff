import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../src/core/formats/bundle.ts';
import { toHex } from '../../../src/core/bytes.ts';
import { sha256 } from '../../../src/core/crypto/sodium.ts';
import { PASS, bytesOf, clock, events, failure, vaultWithRecords } from './support.ts';

describe('bundle numbers and the register', () => {
  it('numbers per vault and year, never reused: a failed or cancelled export uses no number', async () => {
    const c = clock('2026-03-01T04:00:00.000Z');
    const { engine, vaultId } = await vaultWithRecords(3, { now: c.now });
    const k = await engine.custodyKeyCreate({ year: 2046 });
    expect((await engine.archiveRegister()).next).toBe('ARC-2026-0001');
    const a = await engine.archiveExport({ keyIds: [k.id] });
    expect(a.fileName).toBe('ARC-2026-0001.closeout');

    // Refused before anything was built, and cancelled halfway: neither takes a number.
    expect(await failure(engine.archiveExport({ keyIds: ['missing'] }))).toMatchObject({ code: 'NOT_FOUND' });
    const running = engine.archiveExport({ keyIds: [k.id] }, () => void engine.archiveCancel());
    expect(await failure(running)).toMatchObject({ code: 'AbortError' });

    const b = await engine.archiveExport({ keyIds: [k.id] });
    expect(b.entry.number).toBe('ARC-2026-0002');
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    c.set('2027-01-02T04:00:00.000Z');
    expect((await engine.archiveExport({ keyIds: [k.id] })).entry.number).toBe('ARC-2027-0001');
    c.set('2026-12-30T04:00:00.000Z'); // the clock set back: 2026 goes on from its last number
    expect((await engine.archiveExport({ keyIds: [k.id] })).entry.number).toBe('ARC-2026-0003');
    const reg = await engine.archiveRegister();
    expect(reg.bundles.map((x) => x.number)).toEqual(['ARC-2026-0001', 'ARC-2026-0002', 'ARC-2027-0001', 'ARC-2026-0003']);
    expect(new Set(reg.bundles.map((x) => x.sha256)).size).toBe(4);
  });

  it('keeps each export with its hash, contents, recipients and copies, across a lock', async () => {
    const c = clock();
    const { engine, vaultId } = await vaultWithRecords(3, { now: c.now });
    await engine.fateApplySuggested({});
    const k = await engine.custodyKeyCreate({ year: 2046 });
    const extra = (await import('../../../src/core/formats/age.ts')).generateIdentity;
    const other = await extra();
    const r = await engine.archiveExport({ keyIds: [k.id], extraRecipient: other.recipient });
    const bytes = await bytesOf(r.blob);
    expect(r.entry).toMatchObject({
      number: 'ARC-2026-0001',
      createdAt: '2026-11-22T08:00:00.000Z',
      createdBy: 'Li Wei',
      size: bytes.length,
      sha256: toHex(sha256(bytes)),
      fates: { total: 3, keep: 3 },
      recipients: [
        { kind: 'custody', keyId: k.id, label: '2046', recipient: k.recipient },
        { kind: 'extra', recipient: other.recipient },
      ],
      copies: [],
    });
    expect(r.entry.counts).toMatchObject({ records: 3, attachments: 0 });
    expect(verifyBundle(bytes).manifest.payload.sha256).toBe(r.entry.payloadSha256);

    await engine.archiveAddCopy('ARC-2026-0001', { medium: 'usb', location: 'Safe B', holder: 'Wang' });
    expect((await failure(engine.archiveAddCopy('ARC-2026-0001', { medium: 'floppy' as never, location: 'x', holder: 'y' }))).details).toEqual({ field: 'medium' });
    expect(await failure(engine.archiveAddCopy('ARC-2026-0099', { medium: 'usb', location: 'x', holder: 'y' }))).toMatchObject({ code: 'NOT_FOUND' });
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    const reg = await engine.archiveRegister();
    expect(reg.bundles).toHaveLength(1);
    expect(reg.bundles[0]!.copies).toEqual([expect.objectContaining({ medium: 'usb', location: 'Safe B', holder: 'Wang', by: 'Li Wei' })]);
    expect(reg.next).toBe('ARC-2026-0002');
    expect(reg.signer.publicKeyFile).toContain(reg.signer.keyId);
    expect(verifyBundle(bytes, { publicKey: reg.signer.publicKeyFile }).signerChecked).toBe(true);
    expect((await engine.custodyKeys())[0]!.bundles).toEqual(['ARC-2026-0001']);
  });

  it('sets the last export date and ticks the archive items in the same transaction as the entry', async () => {
    const { engine, vaultId } = await vaultWithRecords(2);
    const k = await engine.custodyKeyCreate({ year: 2046 });
    expect((await engine.current())!.settings.lastExportAt).toBeUndefined();
    const r = await engine.archiveExport({ keyIds: [k.id] });
    expect(r.ticked).toEqual(['P3-01', 'P3-03']);
    expect(r.evidence).toMatchObject({ action: 'archive.exported', ref: 'ARC-2026-0001' });
    const snap = await engine.checklistGet();
    expect(snap.states['P3-01']!.evidence).toEqual([expect.objectContaining({ kind: 'action', ref: 'ARC-2026-0001' })]);
    expect((await engine.current())!.settings.lastExportAt).toBe(r.entry.createdAt);
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect((await engine.current())!.settings.lastExportAt).toBe(r.entry.createdAt);
    const ev = await events(engine);
    const exported = ev.find((e) => e.action === 'archive.exported')!;
    expect(exported.data).toEqual({ number: 'ARC-2026-0001', records: 2, attachments: 0, bytes: r.entry.size, sha256: r.entry.sha256, recipients: 1, passphrase: false });
    expect(exported.subjects).toEqual([k.id]);
    const i = ev.indexOf(exported);
    expect(ev[i + 1]).toMatchObject({ action: 'checklist.ticked', data: { action: 'archive.exported' } });
  });

  it('when the write fails, nothing is registered, ticked or dated, and the number stays free', async () => {
    const { engine, store } = await vaultWithRecords(2);
    const k = await engine.custodyKeyCreate({ year: 2046 });
    const write = store.write.bind(store);
    store.write = async () => {
      throw Object.assign(new Error('quota'), { code: 'STORAGE_FULL' });
    };
    expect(await failure(engine.archiveExport({ keyIds: [k.id] }))).toMatchObject({ code: 'STORAGE_FULL' });
    store.write = write;
    expect((await engine.current())!.settings.lastExportAt).toBeUndefined();
    expect((await engine.archiveRegister()).bundles).toEqual([]);
    expect((await engine.checklistGet()).states['P3-01']!.evidence).toEqual([]);
    expect((await engine.archiveExport({ keyIds: [k.id] })).entry.number).toBe('ARC-2026-0001');
  });

  it('refuses a passphrase with keys, a bad extra key, no recipient', async () => {
    const { engine } = await vaultWithRecords(1);
    const k = await engine.custodyKeyCreate({ year: 2046 });
    expect((await failure(engine.archiveExport({ keyIds: [k.id], passphrase: 'long enough pass' }))).details).toEqual({ field: 'passphrase', reason: 'passphrase-and-recipients' });
    expect((await failure(engine.archiveExport({ extraRecipient: 'age1nope' }))).details).toEqual({ field: 'extraRecipient', reason: 'recipient' });
    expect((await failure(engine.archiveExport({}))).details).toEqual({ field: 'keyIds', reason: 'no-recipient' });
    expect((await failure(engine.archiveExport({ passphrase: 'short' }))).details).toEqual({ field: 'passphrase' });
  });
});
