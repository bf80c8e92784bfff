import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ready } from '../../../src/core/crypto/sodium.ts';
import { openBundle, verifyBundle } from '../../../src/core/formats/bundle.ts';
import { emptyCounts, parseRecordLines, payloadZip } from '../../../src/core/formats/bundle-inner.ts';
import { manifestText } from '../../../src/core/formats/bundle-manifest.ts';
import { decrypt } from '../../../src/core/formats/age.ts';
import { parseIdentityFile, unprotectIdentity } from '../../../src/core/formats/age-key-file.ts';
import { readZipFiles } from '../../../src/core/formats/zip-safe.ts';
import { readAllChunks } from '../../../src/core/formats/streams.ts';
import { fromUtf8 } from '../../../src/core/bytes.ts';
import { hasTool, run, runOk, tempDir, unpack } from '../../unit/formats/tools.ts';
import { DIR, ESCROW_PASSPHRASE, PASSPHRASE, goldenFacts, goldenInput, makeBundleVectors } from './make-bundle-vectors.ts';

const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, name)));
const text = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

describe('golden bundles v1 (frozen)', () => {
  beforeAll(async () => {
    await ready();
    if (process.env.MAKE_VECTORS === '1') await makeBundleVectors();
  });

  it('verify with the signer key on file', () => {
    for (const n of ['ARC-2026-0001', 'ARC-2026-0002']) {
      const r = verifyBundle(read(`${n}.closeout`), { publicKey: text('signer.pub') });
      expect(r.manifest.number).toBe(n);
      expect(r.signerChecked).toBe(true);
    }
  });

  it('open with either custody key, the escrowed key file, or the passphrase', async () => {
    const b1 = read('ARC-2026-0001.closeout');
    const escrowed = await unprotectIdentity(text('custody-key-1.escrow.age'), ESCROW_PASSPHRASE);
    expect(escrowed).toEqual(parseIdentityFile(text('custody-key-1.txt')));
    for (const identities of [parseIdentityFile(text('custody-key-1.txt')), parseIdentityFile(text('custody-key-2.txt')), escrowed]) {
      expect(parseRecordLines((await openBundle(b1, { identities })).files.get('records.jsonl')!)).toEqual(goldenFacts().records);
    }
    const b2 = await openBundle(read('ARC-2026-0002.closeout'), { passphrase: PASSPHRASE });
    expect(parseRecordLines(b2.files.get('records.jsonl')!)).toEqual(goldenFacts().records);
  });

  // README prose may improve in later versions (each bundle's README is covered by its own
  // manifest hash); the payload ZIP and the manifest are the format and must not change.
  it('today’s code makes the same payload ZIP and manifest (but for the payload hash)', async () => {
    const b1 = read('ARC-2026-0001.closeout');
    const files = readZipFiles(b1);
    const { manifest } = verifyBundle(b1);
    const input = goldenInput('ARC-2026-0001', { recipients: manifest.payload.recipients });
    const counts = emptyCounts();
    const payloadZipNow = await readAllChunks(payloadZip(input, counts));
    const inner = await decrypt(files.get('payload.age')!, { identities: parseIdentityFile(text('custody-key-1.txt')) });
    expect(inner).toEqual(payloadZipNow);
    expect(counts).toEqual(manifest.counts);
    expect(manifest.payload.size).toBe(files.get('payload.age')!.length);
    expect(manifest.signer.publicKey).toBe(text('signer.pub').split('\n')[1]);
    expect(fromUtf8(files.get('manifest.json')!)).toBe(manifestText(manifest));
    expect(fromUtf8(files.get('README.txt')!)).toContain(`minisign -Vm manifest.json -P ${manifest.signer.publicKey}`);
  });
});

describe.runIf(hasTool('age') && hasTool('minisign'))('golden bundles with the standard tools', () => {
  it('unzip, minisign -Vm, sha256sum and age -d -i open ARC-2026-0001', () => {
    const dir = tempDir();
    unpack(path.join(DIR, 'ARC-2026-0001.closeout'), dir, readZipFiles);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(runOk('minisign', ['-Vm', 'manifest.json', '-p', path.join(DIR, 'signer.pub')], { cwd: dir })).toContain('Signature and comment signature verified');
    expect(runOk('sha256sum', ['payload.age'], { cwd: dir }).split(' ')[0]).toBe(manifest.payload.sha256);
    const zip = run('age', ['-d', '-i', path.join(DIR, 'custody-key-2.txt'), 'payload.age'], { cwd: dir });
    expect(zip.status).toBe(0);
    const records = fromUtf8(readZipFiles(zip.bytes).get('records.jsonl')!);
    expect(records.trim().split('\n').map((l) => JSON.parse(l))).toEqual(goldenFacts().records);
  });

  // age reads passphrases only from a terminal; util-linux `script` gives it one.
  it.runIf(hasTool('script'))('age -d opens the passphrase bundle, and -i takes the escrowed key file with its passphrase', () => {
    const dir = tempDir();
    unpack(path.join(DIR, 'ARC-2026-0002.closeout'), path.join(dir, 'b2'), readZipFiles);
    unpack(path.join(DIR, 'ARC-2026-0001.closeout'), path.join(dir, 'b1'), readZipFiles);
    expect(run('script', ['-qec', 'age -d -o ../p2.zip payload.age', '/dev/null'], { cwd: path.join(dir, 'b2'), input: PASSPHRASE + '\n' }).status).toBe(0);
    const escrow = path.join(DIR, 'custody-key-1.escrow.age');
    expect(run('script', ['-qec', `age -d -i ${escrow} -o ../p1.zip payload.age`, '/dev/null'], { cwd: path.join(dir, 'b1'), input: ESCROW_PASSPHRASE + '\n' }).status).toBe(0);
    for (const z of ['p1.zip', 'p2.zip']) {
      const files = readZipFiles(new Uint8Array(fs.readFileSync(path.join(dir, z))));
      expect(parseRecordLines(files.get('records.jsonl')!)).toEqual(goldenFacts().records);
    }
  }, 60_000);
});
