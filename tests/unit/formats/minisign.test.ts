import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ready } from '../../../src/core/crypto/sodium.ts';
import {
  createSigner,
  createVerifier,
  keyIdHex,
  minisignKeyPair,
  parsePublicKey,
  parseSignature,
  publicKeyFile,
  sign,
  verify,
} from '../../../src/core/formats/minisign.ts';
import { fromHex, toBase64, fromBase64, utf8 } from '../../../src/core/bytes.ts';
import { longMessage, makeMinisignVectors } from './make-minisign-vectors.ts';
import { hasTool, run, runOk, tempDir } from './tools.ts';

const FILE = path.join(__dirname, '../../vectors/minisign-v1.json');
const seed = (b: number) => new Uint8Array(32).fill(b);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('minisign (known answers, frozen)', () => {
  let v: Awaited<ReturnType<typeof makeMinisignVectors>>;
  beforeAll(async () => {
    await ready();
    if (process.env.MAKE_VECTORS === '1' && !fs.existsSync(FILE)) fs.writeFileSync(FILE, JSON.stringify(await makeMinisignVectors(), null, 2) + '\n');
    v = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  });

  it('today’s code writes exactly the frozen key and signatures', async () => {
    expect(await makeMinisignVectors()).toEqual(v);
  });

  it('verifies every frozen signature', () => {
    const pk = parsePublicKey(v.publicKeyFile);
    for (const s of v.signatures) {
      const msg = s.messageHex === null ? longMessage() : fromHex(s.messageHex);
      expect(verify(msg, s.signature, pk).trustedComment).toBe(s.trustedComment);
    }
  });
});

describe('minisign', () => {
  beforeAll(ready);

  it('streams: any chunking of the message gives the one-shot signature', () => {
    const kp = minisignKeyPair(seed(7));
    const msg = longMessage();
    const whole = sign(msg, kp, { trustedComment: 't' });
    const s = createSigner(kp);
    for (let i = 0; i < msg.length; i += 4099) s.update(msg.subarray(i, i + 4099));
    expect(s.finish({ trustedComment: 't' })).toBe(whole);
    const ver = createVerifier(whole, kp);
    for (let i = 0; i < msg.length; i += 65536) ver.update(msg.subarray(i, i + 65536));
    expect(ver.finish().trustedComment).toBe('t');
  });

  it('the same seed always gives the same key id and public key file', () => {
    expect(publicKeyFile(minisignKeyPair(seed(1)))).toBe(publicKeyFile(minisignKeyPair(seed(1))));
    expect(keyIdHex(minisignKeyPair(seed(1)).keyId)).not.toBe(keyIdHex(minisignKeyPair(seed(2)).keyId));
  });

  it('names each failure by its code', () => {
    const kp = minisignKeyPair(seed(3));
    const msg = utf8('message');
    const sig = sign(msg, kp, { trustedComment: 'trusted' });
    expect(codeOf(() => verify(utf8('messagE'), sig, kp))).toBe('AUTH_FAILED');
    expect(codeOf(() => verify(msg, sig.replace('trusted comment: trusted', 'trusted comment: trustee'), kp))).toBe('AUTH_FAILED');
    expect(codeOf(() => verify(msg, sig, minisignKeyPair(seed(4))))).toBe('NO_MATCHING_KEY');
    // Same key id, other public key: the signature itself fails.
    expect(codeOf(() => verify(msg, sig, { keyId: kp.keyId, publicKey: minisignKeyPair(seed(4)).publicKey }))).toBe('AUTH_FAILED');
    expect(codeOf(() => verify(msg, sig.split('\n').slice(0, 2).join('\n'), kp))).toBe('INVALID_INPUT');
    expect(codeOf(() => verify(msg, 'hello', kp))).toBe('INVALID_INPUT');
    const raw = fromBase64(sig.split('\n')[1]!);
    raw[1] = 0x58; // "EX": an unknown algorithm
    const lines = sig.split('\n');
    lines[1] = toBase64(raw);
    expect(codeOf(() => verify(msg, lines.join('\n'), kp))).toBe('UNSUPPORTED_VERSION');
    expect(codeOf(() => parsePublicKey('RWQ'))).toBe('INVALID_INPUT');
    expect(codeOf(() => sign(msg, kp, { trustedComment: 'two\nlines' }))).toBe('INVALID_INPUT');
  });

  it('refuses a non-canonical base64 line, so no character flip can decode to the same bytes', () => {
    const kp = minisignKeyPair(seed(5));
    const sig = sign(utf8('x'), kp, { trustedComment: 't' });
    const lines = sig.split('\n');
    // The global signature is 64 bytes: its base64 ends in "==", and the character before it
    // carries 4 unused bits that a lenient decoder ignores.
    const g = lines[3]!;
    const c = g[g.length - 3]!;
    const alt = 'AQgw'.split('').find((x) => x !== c && fromBase64(g.slice(0, -3) + x + '==')[63] === fromBase64(g)[63]);
    if (alt) {
      lines[3] = g.slice(0, -3) + alt + '==';
      expect(codeOf(() => parseSignature(lines.join('\n')))).toBe('INVALID_INPUT');
    }
  });
});

describe.runIf(hasTool('minisign'))('minisign interop with the minisign command', () => {
  beforeAll(ready);

  it('the minisign command verifies our signature (file and -x signature path)', () => {
    const dir = tempDir();
    const kp = minisignKeyPair(seed(9));
    const msg = longMessage();
    fs.writeFileSync(path.join(dir, 'data.bin'), msg);
    fs.writeFileSync(path.join(dir, 'data.bin.minisig'), sign(msg, kp, { trustedComment: 'closeout interop 销毁' }));
    fs.writeFileSync(path.join(dir, 'other.sig'), sign(msg, kp, { trustedComment: 'via -x' }));
    fs.writeFileSync(path.join(dir, 'key.pub'), publicKeyFile(kp));
    const pkLine = publicKeyFile(kp).split('\n')[1]!;
    const out = runOk('minisign', ['-Vm', 'data.bin', '-P', pkLine], { cwd: dir });
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain('closeout interop 销毁');
    expect(runOk('minisign', ['-Vm', 'data.bin', '-p', 'key.pub', '-x', 'other.sig'], { cwd: dir })).toContain('via -x');
    fs.writeFileSync(path.join(dir, 'data.bin'), msg.map((b, i) => (i === 1000 ? b ^ 1 : b)));
    expect(run('minisign', ['-Vm', 'data.bin', '-P', pkLine], { cwd: dir }).status).not.toBe(0);
  });

  it('our code verifies signatures made by the minisign command, prehashed and legacy', () => {
    const dir = tempDir();
    runOk('minisign', ['-G', '-W', '-p', 'pub', '-s', 'sec'], { cwd: dir });
    fs.writeFileSync(path.join(dir, 'm.txt'), '客户信息 closeout\n'.repeat(5000));
    runOk('minisign', ['-S', '-s', 'sec', '-m', 'm.txt', '-t', 'made by minisign'], { cwd: dir });
    runOk('minisign', ['-S', '-l', '-s', 'sec', '-m', 'm.txt', '-x', 'legacy.sig', '-t', 'legacy'], { cwd: dir });
    const pk = parsePublicKey(fs.readFileSync(path.join(dir, 'pub'), 'utf8'));
    const msg = new Uint8Array(fs.readFileSync(path.join(dir, 'm.txt')));
    expect(verify(msg, fs.readFileSync(path.join(dir, 'm.txt.minisig'), 'utf8'), pk).trustedComment).toBe('made by minisign');
    expect(verify(msg, fs.readFileSync(path.join(dir, 'legacy.sig'), 'utf8'), pk).trustedComment).toBe('legacy');
    expect(parseSignature(fs.readFileSync(path.join(dir, 'legacy.sig'), 'utf8')).algorithm).toBe('Ed');
    msg[3] ^= 0x20;
    expect(codeOf(() => verify(msg, fs.readFileSync(path.join(dir, 'm.txt.minisig'), 'utf8'), pk))).toBe('AUTH_FAILED');
  });
});
