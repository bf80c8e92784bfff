import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decrypt, decryptStream, encrypt, encryptStream, generateIdentity, isRecipient, recipientOf } from '../../../src/core/formats/age.ts';
import { identityFileText, parseIdentityFile, protectIdentity, unprotectIdentity } from '../../../src/core/formats/age-key-file.ts';
import { readAllChunks } from '../../../src/core/formats/streams.ts';
import { utf8 } from '../../../src/core/bytes.ts';
import { hasTool, run, runOk, tempDir } from './tools.ts';

/** Cheap scrypt for tests (2^10); the format is the same, only the cost differs. */
const FAST = 10;

async function codeOf(p: Promise<unknown> | (() => Promise<unknown>)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
}

const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + (i >> 10)) & 255);

describe('age', () => {
  it('round-trips to one or several recipients, each able to decrypt', async () => {
    const a = await generateIdentity();
    const b = await generateIdentity();
    expect(a.identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(a.recipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(await recipientOf(a.identity)).toBe(a.recipient);
    const msg = utf8('客户 records\n');
    const file = await encrypt(msg, { recipients: [a.recipient, b.recipient] });
    expect(await decrypt(file, { identities: [a.identity] })).toEqual(msg);
    expect(await decrypt(file, { identities: [b.identity] })).toEqual(msg);
  });

  it('streams several 64 KiB chunks, pulling the source as it goes', async () => {
    const a = await generateIdentity();
    const data = pattern(300_000);
    let pulled = 0;
    async function* src() {
      for (let i = 0; i < data.length; i += 10_000) {
        pulled++;
        yield data.subarray(i, i + 10_000);
      }
    }
    const file = await readAllChunks(encryptStream(src(), { recipients: [a.recipient] }));
    expect(pulled).toBe(30);
    expect(await readAllChunks(decryptStream([file.subarray(0, 1000), file.subarray(1000)], { identities: [a.identity] }))).toEqual(data);
  });

  it('encrypts to a passphrase, and refuses a passphrase mixed with recipients', async () => {
    const a = await generateIdentity();
    const file = await encrypt(utf8('x'), { passphrase: 'correct horse', scryptLogN: FAST });
    expect(await decrypt(file, { passphrase: 'correct horse' })).toEqual(utf8('x'));
    expect(await codeOf(decrypt(file, { passphrase: 'wrong horse' }))).toBe('WRONG_PASSPHRASE');
    expect(await codeOf(decrypt(file, { identities: [a.identity] }))).toBe('NO_MATCHING_KEY');
    const mixed = { passphrase: 'p', recipients: [a.recipient] } as unknown as { passphrase: string };
    expect(await codeOf(encrypt(utf8('x'), mixed))).toBe('INVALID_INPUT');
    expect(await codeOf(encrypt(utf8('x'), { recipients: [] }))).toBe('INVALID_INPUT');
    expect(await codeOf(encrypt(utf8('x'), { recipients: ['age1notakey'] }))).toBe('INVALID_INPUT');
  });

  it('names each bad input by its code', async () => {
    const a = await generateIdentity();
    const other = await generateIdentity();
    const file = await encrypt(pattern(70_000), { recipients: [a.recipient] });
    const keys = { identities: [a.identity] };
    expect(await codeOf(decrypt(file, { identities: [other.identity] }))).toBe('NO_MATCHING_KEY');
    expect(await codeOf(decrypt(file, { passphrase: 'x' }))).toBe('NO_MATCHING_KEY');
    const flipped = file.slice();
    flipped[file.length - 100] ^= 1;
    expect(await codeOf(decrypt(flipped, keys))).toBe('AUTH_FAILED');
    const macFlip = file.slice();
    const macAt = new TextDecoder().decode(file.subarray(0, 300)).indexOf('--- ') + 6;
    macFlip[macAt] = macFlip[macAt] === 0x41 ? 0x42 : 0x41;
    expect(await codeOf(decrypt(macFlip, keys))).toBe('AUTH_FAILED');
    // Cut exactly after the first 64 KiB chunk: only the size can tell truncation from tampering.
    const headerLen = file.length - 16 - (70_000 + 32);
    expect(await codeOf(decrypt(file.subarray(0, headerLen + 16 + 65552), keys))).toBe('TRUNCATED');
    expect(await codeOf(decrypt(file.subarray(0, headerLen + 5), keys))).toBe('TRUNCATED');
    expect(await codeOf(decrypt(file.subarray(0, 30), keys))).toBe('TRUNCATED');
    expect(await codeOf(decrypt(new Uint8Array(0), keys))).toBe('TRUNCATED');
    expect(await codeOf(decrypt(utf8('PK\u0003\u0004 not age at all\n'), keys))).toBe('INVALID_INPUT');
    const v2 = utf8(new TextDecoder().decode(file.subarray(0, 21)).replace('/v1', '/v2'));
    expect(await codeOf(decrypt(new Uint8Array([...v2, ...file.subarray(21)]), keys))).toBe('UNSUPPORTED_VERSION');
    expect(await codeOf(decrypt(file, { identities: ['AGE-SECRET-KEY-1XYZ'] }))).toBe('INVALID_INPUT');
  });

  it('protects an identity with a passphrase (armored escrow key file)', async () => {
    const a = await generateIdentity();
    const armored = await protectIdentity(a.identity, 'escrow passphrase 托管', FAST);
    expect(armored).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----\n/);
    expect(armored).not.toContain(a.identity);
    expect(await unprotectIdentity(armored, 'escrow passphrase 托管')).toEqual([a.identity]);
    expect(await codeOf(unprotectIdentity(armored, 'wrong'))).toBe('WRONG_PASSPHRASE');
    expect(await codeOf(unprotectIdentity('hello', 'x'))).toBe('INVALID_INPUT');
  });

  it('reads identity files as age-keygen writes them', async () => {
    const a = await generateIdentity();
    const text = identityFileText(a, '2026-11-22T08:00:00Z');
    expect(parseIdentityFile(text)).toEqual([a.identity]);
    expect(isRecipient(a.recipient)).toBe(true);
    expect(isRecipient(a.recipient.slice(0, -1) + (a.recipient.endsWith('q') ? 'p' : 'q'))).toBe(false);
    expect(await codeOf(async () => parseIdentityFile('# nothing\n'))).toBe('INVALID_INPUT');
    expect(await codeOf(async () => parseIdentityFile('AGE-SECRET-KEY-1AAA\nsomething else\n'))).toBe('INVALID_INPUT');
  });
});

describe.runIf(hasTool('age'))('age interop with the age command', () => {
  it('age -d -i decrypts our file; our code decrypts age -r output', async () => {
    const dir = tempDir();
    const ours = await generateIdentity();
    fs.writeFileSync(path.join(dir, 'ours.key'), identityFileText(ours));
    const data = pattern(200_000);
    fs.writeFileSync(path.join(dir, 'ours.age'), await encrypt(data, { recipients: [ours.recipient] }));
    expect(run('age', ['-d', '-i', 'ours.key', 'ours.age'], { cwd: dir }).bytes).toEqual(data);

    run('age-keygen', ['-o', 'theirs.key'], { cwd: dir });
    const theirs = fs.readFileSync(path.join(dir, 'theirs.key'), 'utf8');
    const recipient = theirs.match(/public key: (age1\S+)/)![1]!;
    expect(await recipientOf(parseIdentityFile(theirs)[0]!)).toBe(recipient);
    fs.writeFileSync(path.join(dir, 'plain.bin'), data);
    runOk('age', ['-r', recipient, '-r', ours.recipient, '-o', 'theirs.age', 'plain.bin'], { cwd: dir });
    const file = new Uint8Array(fs.readFileSync(path.join(dir, 'theirs.age')));
    expect(await decrypt(file, { identities: parseIdentityFile(theirs) })).toEqual(data);
    expect(await decrypt(file, { identities: [ours.identity] })).toEqual(data);
    runOk('age', ['-a', '-r', recipient, '-o', 'theirs.asc', 'plain.bin'], { cwd: dir });
  });

  // age reads a passphrase only from a terminal; util-linux `script` gives it one.
  it.runIf(hasTool('script'))('passphrase files both ways, through a pseudo-terminal', async () => {
    const dir = tempDir();
    const a = await generateIdentity();
    fs.writeFileSync(path.join(dir, 'key.age'), await protectIdentity(a.identity, 'escrow pass', FAST));
    const dec = run('script', ['-qec', 'age -d -o key.txt key.age', '/dev/null'], { cwd: dir, input: 'escrow pass\n' });
    expect(dec.status).toBe(0);
    expect(parseIdentityFile(fs.readFileSync(path.join(dir, 'key.txt'), 'utf8'))).toEqual([a.identity]);

    fs.writeFileSync(path.join(dir, 'plain.txt'), '托管 key\n');
    const enc = run('script', ['-qec', 'age -p -o theirs.age plain.txt', '/dev/null'], { cwd: dir, input: 'their pass\ntheir pass\n' });
    expect(enc.status).toBe(0);
    const file = new Uint8Array(fs.readFileSync(path.join(dir, 'theirs.age')));
    expect(new TextDecoder().decode(await decrypt(file, { passphrase: 'their pass' }))).toBe('托管 key\n');
  }, 60_000);
});
