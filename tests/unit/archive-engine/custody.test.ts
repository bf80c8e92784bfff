import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../../src/core/bytes.ts';
import { recipientOf } from '../../../src/core/formats/age.ts';
import { parseIdentityFile, unprotectIdentity } from '../../../src/core/formats/age-key-file.ts';
import { PASS, everything, events, failure, vaultWithRecords } from './support.ts';

describe('custody keys', () => {
  it('are made in the vault, stored sealed, and come back after a lock without their secret', async () => {
    const { engine, db, vaultId } = await vaultWithRecords(1);
    const k = await engine.custodyKeyCreate({ year: 2046 });
    expect(k).toMatchObject({ label: '2046', year: 2046, recipient: expect.stringMatching(/^age1[0-9a-z]{58}$/), createdBy: 'Li Wei', copies: [], bundles: [] });
    expect(JSON.stringify(k)).not.toContain('AGE-SECRET-KEY');
    const cls = await engine.custodyKeyCreate({ name: 'AML 10 年' });
    expect(cls.label).toBe('AML 10 年');

    const sheet = await engine.custodyKeySheet(k.id, { location: '保险柜 B', holder: '王律师' });
    expect(await recipientOf(sheet.identity)).toBe(k.recipient);
    // Nothing of the key, in any encoding we write, is in storage in clear.
    const rows = JSON.stringify(await everything(db), (_k, v) => (v instanceof Uint8Array ? fromUtf8(v.map((b) => (b < 32 || b > 126 ? 46 : b))) : v));
    for (const s of [sheet.identity, sheet.identity.toLowerCase(), k.recipient, '保险柜', 'AML 10']) expect(rows).not.toContain(s);

    await engine.lock();
    await engine.unlockWithPassphrase(vaultId, PASS);
    const keys = await engine.custodyKeys();
    expect(keys.map((x) => x.label)).toEqual(['2046', 'AML 10 年']);
    expect(keys[0]!.recipient).toBe(k.recipient);
    expect(keys[0]!.copies).toEqual([expect.objectContaining({ kind: 'sheet', location: '保险柜 B', holder: '王律师', by: 'Li Wei' })]);
  });

  it('one per retention class or expiry year', async () => {
    const { engine } = await vaultWithRecords(0);
    await engine.custodyKeyCreate({ year: 2046 });
    expect(await failure(engine.custodyKeyCreate({ year: 2046 }))).toMatchObject({ code: 'CONFLICT' });
    await engine.custodyKeyCreate({ name: 'Accounting 30y' });
    expect(await failure(engine.custodyKeyCreate({ name: 'accounting 30Y' }))).toMatchObject({ code: 'CONFLICT' });
    expect((await failure(engine.custodyKeyCreate({ year: 1999 }))).details).toEqual({ field: 'year' });
    expect((await failure(engine.custodyKeyCreate({ name: '  ' }))).details).toEqual({ field: 'name' });
  });

  it('escrow: the sheet and a passphrase-protected key file open to the same identity; each copy is registered', async () => {
    const { engine } = await vaultWithRecords(0);
    const k = await engine.custodyKeyCreate({ year: 2037 });
    const sheet = await engine.custodyKeySheet(k.id, { location: 'Safe B, shelf 2', holder: 'Counsel Wang' });
    expect(parseIdentityFile(sheet.identityFile)).toEqual([sheet.identity]);
    expect(sheet.identityFile).toContain(`# public key: ${k.recipient}`);
    expect(sheet.vaultLabel).toBe('Case');
    const file = await engine.custodyKeyFile(k.id, 'escrow passphrase 2037', { location: 'USB #3 in safe A', holder: 'CFO Zhao' });
    expect(file.fileName).toBe('custody-key-2037.age');
    expect(file.text).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    expect(await unprotectIdentity(file.text, 'escrow passphrase 2037')).toEqual([sheet.identity]);
    expect(await failure(unprotectIdentity(file.text, 'wrong passphrase'))).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await engine.custodyKeyAddCopy(k.id, { location: 'Notary office', holder: 'Notary Sun' });
    const [info] = await engine.custodyKeys();
    expect(info!.copies.map((c) => c.kind)).toEqual(['sheet', 'key-file', 'other']);
    expect((await failure(engine.custodyKeyFile(k.id, 'short', { location: 'x', holder: 'y' }))).details).toEqual({ field: 'passphrase' });
    expect((await failure(engine.custodyKeySheet(k.id, { location: '', holder: 'y' }))).details).toEqual({ field: 'location' });
    expect(await failure(engine.custodyKeySheet('nope', { location: 'x', holder: 'y' }))).toMatchObject({ code: 'NOT_FOUND' });
    const ev = (await events(engine)).filter((e) => e.action.startsWith('custody-key.'));
    expect(ev.map((e) => [e.action, e.data])).toEqual([
      ['custody-key.created', { year: 2037 }],
      ['custody-key.copy-registered', { kind: 'sheet' }],
      ['custody-key.copy-registered', { kind: 'key-file' }],
      ['custody-key.copy-registered', { kind: 'other' }],
    ]);
    expect(JSON.stringify(ev)).not.toMatch(/Safe B|Counsel|AGE-SECRET/);
  });
});
