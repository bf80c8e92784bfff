import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../../src/core/bytes.ts';
import { openBundle, verifyBundle } from '../../../src/core/formats/bundle.ts';
import { parseRecordLines } from '../../../src/core/formats/bundle-inner.ts';
import { parseEventLine, verifyChain } from '../../../src/core/formats/event.ts';
import { pngWith, pdf } from '../checklist-engine/support.ts';
import { person } from '../helpers.ts';
import { PASS, bytesOf, events, failure, vaultWithRecords } from './support.ts';
import type { Engine } from '../../../src/engine/engine.ts';

async function allRecords(engine: Engine) {
  const ids = (await engine.listRecords({ limit: 500 })).items.map((i) => i.id);
  return Promise.all(ids.map((id) => engine.getRecord(id)));
}

describe('export → verify → open → restore, through the engine', () => {
  it('a custody-key bundle comes back record for record, fates and holds included, into a new vault', async () => {
    const { engine, vaultId } = await vaultWithRecords(0);
    await engine.createRecords([
      person(1),
      person(2, { notes: '已签署 "风险揭示书", 含逗号\n换行' }),
      { kind: 'organisation', customerNo: 'KH000003', fields: { name: '示例科技有限公司', uscc: '91110000600037341L', bankAccount: '6222027724210867550' } },
      person(4, { relationshipEnd: '1995-05-05' }),
    ]);
    await engine.fateApplySuggested({});
    const ids = (await engine.listRecords()).items.map((i) => i.id);
    await engine.holdSet({ ids: [ids[1]!] }, '（2026）京01民初123号 保全');
    await engine.checklistAttach('P3-01', pngWith('PHOTO-CANARY'), '保管 收据.png');
    await engine.checklistAttach('P3-01', pdf(2_500_000), 'register/scan?.pdf');
    const before = await allRecords(engine);
    expect(before.find((r) => r.customerNo === 'KH000004')!.fate).toMatchObject({ kind: 'destroy' });

    const key = await engine.custodyKeyCreate({ year: 2046 });
    const r = await engine.archiveExport({ keyIds: [key.id] });
    const bytes = await bytesOf(r.blob);
    expect(r.entry.counts).toMatchObject({ records: 4, attachments: 2, attachmentBytes: 2_500_000 + pngWith('PHOTO-CANARY').length });

    // Verified without any key, in the core and through the engine.
    expect(verifyBundle(bytes).manifest.number).toBe('ARC-2026-0001');
    const v = await engine.bundleVerify(r.blob);
    expect(v).toMatchObject({ signedHere: true, registered: true, custodyKeyHere: true, passphrase: false, sha256: r.entry.sha256, size: r.entry.size });
    expect(v.manifest.counts.records).toBe(4);

    // The payload: records with fates, the audit log with its chain intact, the attachments, the checklist.
    const sheet = await engine.custodyKeySheet(key.id, { location: 'Safe', holder: 'Wang' });
    const opened = await openBundle(bytes, { identities: [sheet.identity] });
    const lines = parseRecordLines(opened.files.get('records.jsonl')!);
    expect(lines.map((l) => l.customerNo)).toEqual(['KH000001', 'KH000002', 'KH000003', 'KH000004']);
    expect(lines[1]!.fate).toMatchObject({ kind: 'keep', hold: { reason: '（2026）京01民初123号 保全' } });
    const log = fromUtf8(opened.files.get('audit-log.jsonl')!).trimEnd().split('\n');
    const evs = log.map((l) => parseEventLine(new TextEncoder().encode(l)));
    const last = evs[evs.length - 1]!;
    const { lineHash } = await import('../../../src/core/formats/event.ts');
    expect(verifyChain(evs.map((event) => ({ ok: true as const, event })), { seq: last.seq, hash: lineHash(log[log.length - 1]!) }).ok).toBe(true);
    const att = [...opened.files.keys()].filter((n) => n.startsWith('attachments/'));
    expect(att).toHaveLength(2);
    expect(att.some((n) => /^attachments\/P3-01\/[0-9a-f]{32}-scan_\.pdf$/.test(n))).toBe(true);
    expect(JSON.parse(fromUtf8(opened.files.get('checklist.json')!)).profile.scenarios).toEqual(['SD']);

    const preview = await engine.bundleDecrypt(v.openId, { kind: 'custody' });
    expect(preview).toMatchObject({ number: 'ARC-2026-0001', records: 4, attachments: 2, checklist: true, fates: { total: 4, keep: 2, destroy: 1, held: 1 } });
    expect(preview.first[0]).toMatchObject({ customerNo: 'KH000001', name: '客**', id: '1101**********8759', phone: '174****8891' });
    expect(JSON.stringify(preview)).not.toContain('110101198402248759');
    expect((await engine.bundleRecords(v.openId, 2, 10)).items.map((x) => x.customerNo)).toEqual(['KH000003', 'KH000004']);
    expect((await events(engine)).at(-1)).toMatchObject({ action: 'archive.decrypted', data: { number: 'ARC-2026-0001', key: 'custody', records: 4 } });

    const restored = await engine.bundleRestore(v.openId, { label: 'Restored', operator: 'Zhao Min', passphrase: 'restore passphrase 1' });
    expect(restored).toMatchObject({ restored: 4, number: 'ARC-2026-0001' });
    expect(restored.vault.vaultId).not.toBe(vaultId);
    expect(restored.vault.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){12}$/);
    expect((await engine.current())!.label).toBe('Restored');
    const after = await allRecords(engine);
    expect(after).toEqual(before);
    expect((await events(engine)).map((e) => e.action)).toEqual(['vault.created', 'archive.restored']);
    expect(await engine.fateFunnel()).toEqual({ total: 4, undecided: 0, keep: 2, transfer: 0, destroy: 1, held: 1 });
    // The restored vault opens with its own passphrase; the old one is intact.
    await engine.lock();
    await engine.unlockWithPassphrase(restored.vault.vaultId, 'restore passphrase 1');
    expect((await engine.counts()).total).toBe(4);
    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    expect((await engine.archiveRegister()).bundles).toHaveLength(1);
  });

  it('opens a passphrase bundle, and a custody-key bundle with a plain or protected key file, from another vault', async () => {
    const a = await vaultWithRecords(3);
    const key = await a.engine.custodyKeyCreate({ name: 'Securities 20y' });
    const sheet = await a.engine.custodyKeySheet(key.id, { location: 'Safe', holder: 'Wang' });
    const file = await a.engine.custodyKeyFile(key.id, 'escrow pass 2046', { location: 'USB', holder: 'Zhao' });
    const byKey = await a.engine.archiveExport({ keyIds: [key.id] });
    const byPass = await a.engine.archiveExport({ passphrase: 'bundle passphrase 9' });
    expect(byPass.entry.recipients).toEqual([{ kind: 'passphrase' }]);

    const b = await vaultWithRecords(0, { db: undefined });
    const v1 = await b.engine.bundleVerify(byKey.blob);
    expect(v1).toMatchObject({ signedHere: false, registered: false, custodyKeyHere: false });
    expect((await failure(b.engine.bundleDecrypt(v1.openId, { kind: 'custody' }))).details).toMatchObject({ reason: 'no-custody-keys', stage: 'decrypt' });
    expect((await b.engine.bundleDecrypt(v1.openId, { kind: 'key-file', text: sheet.identityFile })).records).toBe(3);
    const v2 = await b.engine.bundleVerify(byKey.blob);
    expect((await failure(b.engine.bundleDecrypt(v2.openId, { kind: 'key-file', text: file.text }))).details).toMatchObject({ reason: 'key-file-passphrase' });
    expect(await failure(b.engine.bundleDecrypt(v2.openId, { kind: 'key-file', text: file.text, passphrase: 'nope nope' }))).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await b.engine.bundleDecrypt(v2.openId, { kind: 'key-file', text: file.text, passphrase: 'escrow pass 2046' })).records).toBe(3);
    const v3 = await b.engine.bundleVerify(byPass.blob);
    expect(v3.passphrase).toBe(true);
    expect((await b.engine.bundleDecrypt(v3.openId, { kind: 'passphrase', passphrase: 'bundle passphrase 9' })).number).toBe('ARC-2026-0002');
    // Only one bundle is open at a time: the first one's id is gone.
    expect(await failure(b.engine.bundleRecords(v1.openId))).toMatchObject({ code: 'NOT_FOUND' });
    // Locking forgets what was decrypted.
    await b.engine.lock();
    expect(await failure(b.engine.bundleRecords(v3.openId))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a restore refused for a bad vault input keeps the bundle open to try again', async () => {
    const { engine } = await vaultWithRecords(2);
    const r = await engine.archiveExport({ passphrase: 'bundle passphrase 9' });
    const v = await engine.bundleVerify(r.blob);
    await engine.bundleDecrypt(v.openId, { kind: 'passphrase', passphrase: 'bundle passphrase 9' });
    expect((await failure(engine.bundleRestore(v.openId, { label: 'X', operator: 'Y', passphrase: 'short' }))).details).toEqual({ field: 'passphrase' });
    expect((await engine.bundleRestore(v.openId, { label: 'X', operator: 'Y', passphrase: 'long enough 12' })).restored).toBe(2);
  });
});
