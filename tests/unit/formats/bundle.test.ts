import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { ready } from '../../../src/core/crypto/sodium.ts';
import { buildBundle, buildBundleBytes, openBundle, verifyBundle } from '../../../src/core/formats/bundle.ts';
import { parseRecordLines, recordLine } from '../../../src/core/formats/bundle-inner.ts';
import { generateIdentity, encrypt } from '../../../src/core/formats/age.ts';
import { identityFileText } from '../../../src/core/formats/age-key-file.ts';
import { minisignKeyPair, publicKeyFile, sign } from '../../../src/core/formats/minisign.ts';
import { readZipFiles } from '../../../src/core/formats/zip-safe.ts';
import { zipSync } from '../../../src/core/formats/zip-write.ts';
import { manifestText, manifestTrustedComment } from '../../../src/core/formats/bundle-manifest.ts';
import { fromUtf8, toHex, utf8 } from '../../../src/core/bytes.ts';
import { sha256 } from '../../../src/core/crypto/sodium.ts';
import { rawZip } from './raw-zip.ts';
import { CREATED, sampleInput, sampleRecords } from './bundle-fixtures.ts';
import { hasTool, run, runOk, tempDir, unpack } from './tools.ts';

async function codeOf(f: () => unknown): Promise<{ code?: string; reason?: unknown }> {
  try {
    await f();
  } catch (e) {
    const x = e as { code?: string; details?: { reason?: unknown } };
    return { code: x.code, reason: x.details?.reason };
  }
  return { code: 'no error' };
}

/** Rebuilds a bundle from members in our own canonical layout (what a careful forger would do). */
function rezip(files: Map<string, Uint8Array>, order = ['README.txt', 'payload.age', 'manifest.json', 'manifest.json.minisig']): Uint8Array {
  return zipSync(order.filter((n) => files.has(n)).map((n) => [n, files.get(n)!]), { mtime: new Date(CREATED) });
}

describe('archive bundle v1', () => {
  let keyA: { identity: string; recipient: string };
  let keyB: { identity: string; recipient: string };
  let bundle: Uint8Array;
  beforeAll(async () => {
    await ready();
    keyA = await generateIdentity();
    keyB = await generateIdentity();
    bundle = (await buildBundleBytes(sampleInput({ recipients: [keyA.recipient, keyB.recipient] }))).bytes;
  });

  it('verifies without a key, and opens with either custody key to the same records', async () => {
    const report = verifyBundle(bundle);
    expect(report.manifest.number).toBe('ARC-2026-0001');
    expect(report.manifest.counts).toEqual({
      records: 3,
      byCategory: { identity: 3, contact: 3, financial: 1, investment: 1, contract: 0, communications: 2 },
      attachments: 2,
      attachmentBytes: 3019,
      auditEvents: 1,
    });
    expect(report.manifest.payload.recipients).toEqual([keyA.recipient, keyB.recipient]);
    expect(report.signerChecked).toBe(false);
    for (const k of [keyA, keyB]) {
      const opened = await openBundle(bundle, { identities: [k.identity] });
      expect(parseRecordLines(opened.files.get('records.jsonl')!)).toEqual(sampleRecords());
      expect(opened.files.get('attachments/KH000001/身份证正面.jpg')).toEqual(Uint8Array.from({ length: 3000 }, (_, i) => (i * 13) & 255));
      expect(fromUtf8(opened.files.get('attachments/KH000002/license.pdf')!)).toBe('%PDF-1.4\nsynthetic\n');
    }
  });

  it('has no personal data outside the encrypted payload', () => {
    const outside = new TextDecoder().decode(bundle);
    for (const r of sampleRecords()) {
      for (const v of [r.customerNo, ...Object.values(r.fields)]) expect(outside).not.toContain(v);
    }
  });

  it('writes records.csv with a BOM, CRLF, quoted cells and no live formulas', async () => {
    const opened = await openBundle(bundle, { identities: [keyA.identity] });
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(opened.files.get('records.csv')!);
    expect(csv.startsWith('\uFEFFcustomerNo,kind,name,')).toBe(true);
    expect(csv.split('\r\n').length).toBe(5);
    expect(csv).toContain('"a ""quoted"", comma\nand newline"');
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(csv).toContain(",'+8613900139000,");
  });

  it('checks the signer when its public key is given', async () => {
    const pub = publicKeyFile(minisignKeyPair(new Uint8Array(32).fill(0x5a)));
    expect(verifyBundle(bundle, { publicKey: pub }).signerChecked).toBe(true);
    const other = publicKeyFile(minisignKeyPair(new Uint8Array(32).fill(1)));
    expect(await codeOf(() => verifyBundle(bundle, { publicKey: other }))).toEqual({ code: 'NO_MATCHING_KEY', reason: 'key-id' });
  });

  it('refuses the wrong key or passphrase with its own code', async () => {
    const stranger = await generateIdentity();
    expect(await codeOf(() => openBundle(bundle, { identities: [stranger.identity] }))).toEqual({ code: 'NO_MATCHING_KEY', reason: 'no-match' });
    expect(await codeOf(() => openBundle(bundle, { passphrase: 'x' }))).toEqual({ code: 'NO_MATCHING_KEY', reason: 'needs-identity' });
    const pp = (await buildBundleBytes(sampleInput({ passphrase: 'bundle pass 归档', scryptLogN: 10 }))).bytes;
    expect(verifyBundle(pp).manifest.payload.recipients).toEqual(['passphrase']);
    expect((await openBundle(pp, { passphrase: 'bundle pass 归档' })).files.has('records.jsonl')).toBe(true);
    expect(await codeOf(() => openBundle(pp, { passphrase: 'wrong' }))).toEqual({ code: 'WRONG_PASSPHRASE', reason: undefined });
    expect(await codeOf(() => openBundle(pp, { identities: [keyA.identity] }))).toEqual({ code: 'NO_MATCHING_KEY', reason: 'needs-passphrase' });
  });

  it('refuses bad input to the builder', async () => {
    const b = (o: object) => codeOf(() => buildBundleBytes(sampleInput(o)));
    expect(await b({ recipients: [keyA.recipient], passphrase: 'p' })).toEqual({ code: 'INVALID_INPUT', reason: 'passphrase-and-recipients' });
    expect(await b({})).toEqual({ code: 'INVALID_INPUT', reason: 'no-recipient' });
    expect(await b({ recipients: ['age1nope'] })).toEqual({ code: 'INVALID_INPUT', reason: 'recipient' });
    expect(await b({ recipients: [keyA.recipient], number: 'ARC-26-1' })).toEqual({ code: 'INVALID_INPUT', reason: 'number' });
    expect(await b({ recipients: [keyA.recipient], attachments: [{ path: '../x', bytes: new Uint8Array(1) }] })).toEqual({ code: 'INVALID_INPUT', reason: 'traversal' });
    const dup = [
      { path: 'a.jpg', bytes: new Uint8Array(1) },
      { path: 'A.JPG', bytes: new Uint8Array(1) },
    ];
    expect(await b({ recipients: [keyA.recipient], attachments: dup })).toEqual({ code: 'INVALID_INPUT', reason: 'duplicate' });
    const ctl = new AbortController();
    ctl.abort();
    expect(await b({ recipients: [keyA.recipient], signal: ctl.signal })).toEqual({ code: 'AbortError', reason: undefined });
  });

  it('names each bad bundle: not a ZIP, truncated, flipped payload or manifest, other manifest, newer version, missing member', async () => {
    const files = readZipFiles(bundle);
    expect(await codeOf(() => verifyBundle(utf8('just some text, not a zip file at all')))).toEqual({ code: 'INVALID_INPUT', reason: 'not-zip' });
    expect((await codeOf(() => verifyBundle(bundle.subarray(0, bundle.length - 100)))).code).toBe('TRUNCATED');
    expect((await codeOf(() => verifyBundle(bundle.subarray(0, 2000)))).code).toBe('TRUNCATED');

    const payload = files.get('payload.age')!.slice();
    payload[payload.length - 5] ^= 1;
    expect(await codeOf(() => verifyBundle(rezip(new Map([...files, ['payload.age', payload]]))))).toEqual({ code: 'AUTH_FAILED', reason: 'payload' });
    const manifest = files.get('manifest.json')!.slice();
    manifest[manifest.indexOf(0x33)] ^= 1; // a digit in the counts
    expect(await codeOf(() => verifyBundle(rezip(new Map([...files, ['manifest.json', manifest]]))))).toEqual({ code: 'AUTH_FAILED', reason: 'signature' });
    // And the same flips in place, without rebuilding the ZIP: the CRC catches them first.
    const inPlace = bundle.slice();
    inPlace[bundle.length - 400] ^= 1;
    expect((await codeOf(() => verifyBundle(inPlace))).code).toBe('AUTH_FAILED');

    const other = readZipFiles((await buildBundleBytes(sampleInput({ number: 'ARC-2026-0002', recipients: [keyA.recipient] }))).bytes);
    const swapped = new Map([...files, ['manifest.json', other.get('manifest.json')!], ['manifest.json.minisig', other.get('manifest.json.minisig')!]]);
    expect(await codeOf(() => verifyBundle(rezip(swapped)))).toEqual({ code: 'AUTH_FAILED', reason: 'other-bundle' });

    // A validly signed manifest of a newer version: refused as such, not as damage.
    const m = JSON.parse(fromUtf8(files.get('manifest.json')!));
    const v2 = utf8(JSON.stringify({ ...m, version: 2 }));
    const kp = minisignKeyPair(new Uint8Array(32).fill(0x5a));
    const v2files = new Map([...files, ['manifest.json', v2], ['manifest.json.minisig', utf8(sign(v2, kp, { trustedComment: 'v2' }))]]);
    expect(await codeOf(() => verifyBundle(rezip(v2files)))).toEqual({ code: 'UNSUPPORTED_VERSION', reason: 'bundle-version' });

    const missing = new Map(files);
    missing.delete('manifest.json.minisig');
    expect(await codeOf(() => verifyBundle(rezip(missing)))).toEqual({ code: 'INVALID_INPUT', reason: 'missing-member' });
    expect(await codeOf(() => verifyBundle(rezip(new Map([...files, ['extra.txt', utf8('x')]]), ['README.txt', 'payload.age', 'manifest.json', 'manifest.json.minisig', 'extra.txt'])))).toEqual({
      code: 'INVALID_INPUT',
      reason: 'unexpected-member',
    });
    // Re-zipped by another tool (members deflated): contents intact, container not Closeout's.
    const deflated = zipSync([...files], { mtime: new Date(CREATED), deflate: true });
    expect(await codeOf(() => verifyBundle(deflated))).toEqual({ code: 'AUTH_FAILED', reason: 'container' });
  });

  it('refuses a validly signed bundle whose payload ZIP is a bomb or escapes its folder', async () => {
    const kp = minisignKeyPair(new Uint8Array(32).fill(0x5a));
    const files = readZipFiles(bundle);
    const manifest = JSON.parse(fromUtf8(files.get('manifest.json')!));
    const forge = async (inner: Uint8Array) => {
      const payload = await encrypt(inner, { recipients: [keyA.recipient] });
      const m = { ...manifest, payload: { ...manifest.payload, size: payload.length, sha256: toHex(sha256(payload)) } };
      const text = utf8(manifestText(m));
      const sig = sign(text, kp, { trustedComment: manifestTrustedComment(m) });
      return rezip(new Map([...files, ['payload.age', payload], ['manifest.json', text], ['manifest.json.minisig', utf8(sig)]]));
    };
    const evil = await forge(rawZip([{ name: '../../.bashrc', data: utf8('rm -rf ~') }]));
    expect(verifyBundle(evil).manifest.number).toBe('ARC-2026-0001');
    expect(await codeOf(() => openBundle(evil, { identities: [keyA.identity] }))).toEqual({ code: 'INVALID_INPUT', reason: 'traversal' });
    const bomb = await forge(rawZip([{ name: 'records.jsonl', data: new Uint8Array(30 << 20), deflate: true }]));
    expect(await codeOf(() => openBundle(bomb, { identities: [keyA.identity] }))).toEqual({ code: 'INVALID_INPUT', reason: 'ratio' });
    const partial = await forge(zipSync([['records.jsonl', utf8('')]], { mtime: new Date(CREATED) }));
    expect(await codeOf(() => openBundle(partial, { identities: [keyA.identity] }))).toEqual({ code: 'INVALID_INPUT', reason: 'missing-member' });
  });

  it('property: every single-byte change anywhere in a bundle is detected by verify or open', async () => {
    const small = (await buildBundleBytes(sampleInput({ recipients: [keyA.recipient], records: sampleRecords(1), attachments: [] }))).bytes;
    const detected = async (b: Uint8Array) => {
      try {
        verifyBundle(b);
        await openBundle(b, { identities: [keyA.identity] });
        return false;
      } catch (e) {
        return typeof (e as { code?: unknown }).code === 'string';
      }
    };
    // Every position once with a fixed flip, then random positions and values.
    for (let at = 0; at < small.length; at++) {
      const f = small.slice();
      f[at] ^= 0x01;
      if (!(await detected(f))) throw new Error(`flip at ${at} of ${small.length} went undetected`);
    }
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: small.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, x) => {
        const f = small.slice();
        f[at] ^= x;
        expect(await detected(f)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('streams: records are pulled as chunks are read, and result resolves at the end', async () => {
    let pulled = 0;
    async function* records() {
      for (const r of sampleRecords(2000)) {
        pulled++;
        yield r;
      }
    }
    const { chunks, result } = buildBundle(sampleInput({ recipients: [keyA.recipient], records: records(), attachments: [] }));
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(pulled).toBeLessThan(2000);
    const parts = [first.value as Uint8Array];
    for await (const c of chunks) parts.push(c);
    const r = await result;
    expect(r.manifest.counts.records).toBe(2000);
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((o, p) => (bytes.set(p, o), o + p.length), 0);
    expect(r.size).toBe(bytes.length);
    expect(r.sha256).toBe(toHex(sha256(bytes)));
    const opened = await openBundle(bytes, { identities: [keyA.identity] });
    expect(fromUtf8(opened.files.get('records.jsonl')!).split('\n')[1999]).toBe(recordLine(sampleRecords(2000)[1999]!));
  });
});

describe.runIf(hasTool('age') && hasTool('minisign'))('bundle interop: unzip, minisign, sha256sum, age', () => {
  beforeAll(ready);

  it('the README’s commands verify and decrypt a bundle made by the app', async () => {
    const dir = tempDir();
    const key = await generateIdentity();
    fs.writeFileSync(path.join(dir, 'custody-key.txt'), identityFileText(key));
    const { bytes, manifest } = await buildBundleBytes(sampleInput({ recipients: [key.recipient] }));
    fs.writeFileSync(path.join(dir, 'ARC-2026-0001.closeout'), bytes);
    const b = path.join(dir, 'ARC-2026-0001');
    unpack(path.join(dir, 'ARC-2026-0001.closeout'), b, readZipFiles);
    const readme = fs.readFileSync(path.join(b, 'README.txt'), 'utf8');
    const minisignCmd = readme.match(/minisign -Vm manifest\.json -P (\S+)/)![1]!;
    expect(runOk('minisign', ['-Vm', 'manifest.json', '-P', minisignCmd], { cwd: b })).toContain(manifestTrustedComment(manifest));
    expect(runOk('sha256sum', ['payload.age'], { cwd: b }).split(' ')[0]).toBe(manifest.payload.sha256);
    runOk('age', ['-d', '-i', path.join(dir, 'custody-key.txt'), '-o', 'payload.zip', 'payload.age'], { cwd: b });
    unpack(path.join(b, 'payload.zip'), path.join(b, 'contents'), readZipFiles);
    const lines = fs.readFileSync(path.join(b, 'contents/records.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(sampleRecords());
    expect(fs.readFileSync(path.join(b, 'contents/attachments/KH000001/身份证正面.jpg')).length).toBe(3000);
    // A changed manifest fails the minisign command too.
    fs.appendFileSync(path.join(b, 'manifest.json'), ' ');
    expect(run('minisign', ['-Vm', 'manifest.json', '-P', minisignCmd], { cwd: b }).status).not.toBe(0);
  });
});
