import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8, toHex, utf8 } from '../../../src/core/bytes.ts';
import { sha256 } from '../../../src/core/crypto/sodium.ts';
import { encrypt, generateIdentity } from '../../../src/core/formats/age.ts';
import { protectIdentity } from '../../../src/core/formats/age-key-file.ts';
import { manifestText, manifestTrustedComment } from '../../../src/core/formats/bundle-manifest.ts';
import { minisignKeyPair, sign } from '../../../src/core/formats/minisign.ts';
import { readZipFiles } from '../../../src/core/formats/zip-safe.ts';
import { zipSync } from '../../../src/core/formats/zip-write.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { CloseoutDb } from '../../../src/store/db.ts';
import { rawZip } from '../formats/raw-zip.ts';
import { bytesOf, everything, vaultWithRecords } from './support.ts';

const ORDER = ['README.txt', 'payload.age', 'manifest.json', 'manifest.json.minisig'];
const rezip = (files: Map<string, Uint8Array>, at: string) => zipSync(ORDER.map((n) => [n, files.get(n)!]), { mtime: new Date(at) });

interface Refusal {
  code?: string;
  reason?: unknown;
  stage?: unknown;
}

describe('bad bundles are refused, each with its own error, and the vault is untouched', () => {
  let engine: Engine;
  let db: CloseoutDb;
  let good: Uint8Array;
  let other: Uint8Array;
  let byPass: Uint8Array;
  let recipient: string;
  let createdAt: string;

  beforeAll(async () => {
    const t = await vaultWithRecords(3);
    engine = t.engine;
    db = t.db;
    const k = await engine.custodyKeyCreate({ year: 2046 });
    recipient = k.recipient;
    const a = await engine.archiveExport({ keyIds: [k.id] });
    createdAt = a.entry.createdAt;
    good = await bytesOf(a.blob);
    await engine.createRecords([{ kind: 'person', customerNo: 'KH000099', fields: { name: '赵六' } }]);
    other = await bytesOf((await engine.archiveExport({ keyIds: [k.id] })).blob);
    byPass = await bytesOf((await engine.archiveExport({ passphrase: 'bundle passphrase 9' })).blob);
  });

  /** Opens `bytes` through the engine (verify, then decrypt with `key`) and returns how it was refused. */
  async function refusal(bytes: Uint8Array, key: Parameters<Engine['bundleDecrypt']>[1] = { kind: 'custody' }): Promise<Refusal> {
    const before = await everything(db);
    let out: Refusal = { code: 'accepted' };
    try {
      const v = await engine.bundleVerify(bytes);
      await engine.bundleDecrypt(v.openId, key);
    } catch (e) {
      const x = e as { code?: string; details?: { reason?: unknown; stage?: unknown } };
      out = { code: x.code, reason: x.details?.reason, stage: x.details?.stage };
    }
    // A refusal writes nothing; a successful decryption logs archive.decrypted.
    if (out.code !== 'accepted') expect(await everything(db)).toEqual(before);
    return out;
  }

  /** A bundle whose payload is `inner`, encrypted to the vault's custody key and validly signed by another key. */
  async function forged(inner: Uint8Array): Promise<Uint8Array> {
    const files = readZipFiles(good);
    const manifest = JSON.parse(fromUtf8(files.get('manifest.json')!));
    const kp = minisignKeyPair(new Uint8Array(32).fill(7));
    const { keyIdHex, publicKeyBase64 } = await import('../../../src/core/formats/minisign.ts');
    const payload = await encrypt(inner, { recipients: [recipient] });
    const m = { ...manifest, payload: { ...manifest.payload, size: payload.length, sha256: toHex(sha256(payload)) }, signer: { algorithm: 'minisign-ED', keyId: keyIdHex(kp.keyId), publicKey: publicKeyBase64(kp) } };
    const text = utf8(manifestText(m));
    const sig = sign(text, kp, { trustedComment: manifestTrustedComment(m) });
    return rezip(new Map([...files, ['payload.age', payload], ['manifest.json', text], ['manifest.json.minisig', utf8(sig)]]), createdAt);
  }

  it('opens the good bundle (the control)', async () => {
    expect(await refusal(good)).toEqual({ code: 'accepted' });
  });

  it('a truncated bundle', async () => {
    expect(await refusal(good.slice(0, good.length - 40))).toMatchObject({ code: 'TRUNCATED', stage: 'bundle' });
    expect(await refusal(good.slice(0, 1000))).toMatchObject({ code: 'TRUNCATED', stage: 'bundle' });
  });

  it('a flipped byte in the payload, in the manifest', async () => {
    const files = readZipFiles(good);
    const payloadAt = findBytes(good, utf8('age-encryption.org/v1'));
    const f = good.slice();
    f[payloadAt + 400] ^= 0x04;
    expect(await refusal(f)).toMatchObject({ code: 'AUTH_FAILED', stage: 'bundle' });
    const text = fromUtf8(files.get('manifest.json')!);
    const at = findBytes(good, utf8('"records": 3'));
    const g = good.slice();
    g[at + 11] = '4'.charCodeAt(0);
    expect(text).toContain('"records": 3');
    expect(await refusal(g)).toMatchObject({ code: 'AUTH_FAILED', stage: 'bundle' });
  });

  it('a manifest moved from another bundle', async () => {
    const files = readZipFiles(good);
    const o = readZipFiles(other);
    const swapped = rezip(new Map([...files, ['manifest.json', o.get('manifest.json')!], ['manifest.json.minisig', o.get('manifest.json.minisig')!]]), createdAt);
    expect(await refusal(swapped)).toMatchObject({ code: 'AUTH_FAILED', reason: 'other-bundle', stage: 'bundle' });
  });

  it('the wrong key, the wrong passphrase, a passphrase for a key bundle', async () => {
    const stranger = await generateIdentity();
    expect(await refusal(good, { kind: 'key-file', text: stranger.identity })).toMatchObject({ code: 'NO_MATCHING_KEY', stage: 'decrypt' });
    expect(await refusal(byPass, { kind: 'passphrase', passphrase: 'not the passphrase' })).toMatchObject({ code: 'WRONG_PASSPHRASE', stage: 'decrypt' });
    expect(await refusal(good, { kind: 'passphrase', passphrase: 'bundle passphrase 9' })).toMatchObject({ code: 'NO_MATCHING_KEY', reason: 'needs-identity' });
    expect(await refusal(byPass, { kind: 'custody' })).toMatchObject({ code: 'NO_MATCHING_KEY', reason: 'needs-passphrase' });
    const protectedFile = await protectIdentity(stranger.identity, 'escrow passphrase', 10);
    expect(await refusal(good, { kind: 'key-file', text: protectedFile, passphrase: 'wrong escrow' })).toMatchObject({ code: 'WRONG_PASSPHRASE', stage: 'decrypt' });
    expect(await refusal(good, { kind: 'key-file', text: 'not a key' })).toMatchObject({ code: 'INVALID_INPUT', reason: 'identity-line', stage: 'decrypt' });
  });

  it('an unknown format version', async () => {
    const files = readZipFiles(good);
    const m = fromUtf8(files.get('manifest.json')!).replace('"version": 1', '"version": 2');
    expect(await refusal(rezip(new Map([...files, ['manifest.json', utf8(m)]]), createdAt))).toMatchObject({ code: 'UNSUPPORTED_VERSION', reason: 'bundle-version', stage: 'bundle' });
  });

  it('a ZIP bomb or a path traversal inside the payload', async () => {
    const bomb = await forged(rawZip([{ name: 'records.jsonl', data: new Uint8Array(20 << 20), deflate: true }]));
    expect(await refusal(bomb)).toMatchObject({ code: 'INVALID_INPUT', reason: 'ratio', stage: 'payload' });
    const evil = await forged(rawZip([{ name: '../../.bashrc', data: utf8('rm -rf ~') }]));
    expect(await refusal(evil)).toMatchObject({ code: 'INVALID_INPUT', reason: 'traversal', stage: 'payload' });
    const absolute = await forged(rawZip([{ name: '/etc/passwd', data: utf8('x') }]));
    expect(await refusal(absolute)).toMatchObject({ code: 'INVALID_INPUT', reason: 'absolute', stage: 'payload' });
  });

  it('a payload whose records are not records', async () => {
    const meta = utf8(JSON.stringify({ format: 'closeout-bundle-payload', version: 1, number: 'ARC-2026-0001', createdAt, appVersion: '0.1.0' }) + '\n');
    const payload = (records: string) =>
      zipSync(
        [
          ['bundle.json', meta],
          ['records.jsonl', utf8(records)],
          ['records.csv', utf8('')],
          ['checklist.json', utf8('null\n')],
          ['audit-log.jsonl', utf8('')],
        ],
        { mtime: new Date(createdAt) },
      );
    const line = { id: 'a'.repeat(32), kind: 'person', customerNo: 'KH1', createdAt, updatedAt: createdAt, fields: { name: '甲' } };
    expect(await refusal(await forged(payload(JSON.stringify({ ...line, fields: { name: '甲', password: 'x' } }) + '\n')))).toMatchObject({ code: 'INVALID_INPUT', reason: 'record-field', stage: 'records' });
    expect(await refusal(await forged(payload(`${JSON.stringify(line)}\n${JSON.stringify(line)}\n`)))).toMatchObject({ code: 'INVALID_INPUT', reason: 'duplicate-record', stage: 'records' });
    expect(await refusal(await forged(payload(JSON.stringify({ ...line, fate: { kind: 'burn' } }) + '\n')))).toMatchObject({ code: 'INVALID_INPUT', reason: 'record-fate', stage: 'records' });
    expect(await refusal(await forged(payload(JSON.stringify(line) + '\n')))).toEqual({ code: 'accepted' });
  });

  it('a file that is not a ZIP, or is empty', async () => {
    expect(await refusal(utf8('客户编号,姓名\nKH1,张三\n'))).toMatchObject({ code: 'INVALID_INPUT', reason: 'not-zip', stage: 'bundle' });
    expect(await refusal(new Uint8Array(0))).toMatchObject({ code: 'INVALID_INPUT', reason: 'not-zip', stage: 'bundle' });
    const plainZip = zipSync([['hello.txt', utf8('hi')]], { mtime: new Date(createdAt) });
    expect(await refusal(plainZip)).toMatchObject({ code: 'INVALID_INPUT', reason: 'missing-member', stage: 'bundle' });
  });
});

function findBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}
