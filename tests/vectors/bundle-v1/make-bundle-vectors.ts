/**
 * Golden archive bundles v1 and their keys. age encrypts with a random file key and ephemeral
 * keys, so a bundle cannot be rebuilt byte for byte: the files here were written once
 * (`MAKE_VECTORS=1 npx vitest run tests/vectors/bundle-v1`, which writes only missing files) and
 * never change. bundle-v1.test.ts checks that today's code verifies and opens them, and that
 * the deterministic parts (README, manifest but for the payload hash, the payload ZIP inside)
 * are exactly what today's code makes from the same input. See README.md here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ready } from '../../../src/core/crypto/sodium.ts';
import { buildBundleBytes, type BundleInput } from '../../../src/core/formats/bundle.ts';
import { generateIdentity } from '../../../src/core/formats/age.ts';
import { identityFileText, protectIdentity } from '../../../src/core/formats/age-key-file.ts';
import { minisignKeyPair, publicKeyFile } from '../../../src/core/formats/minisign.ts';
import { fromHex, toHex, utf8 } from '../../../src/core/bytes.ts';
import type { BundleRecord } from '../../../src/core/formats/bundle-inner.ts';
import { sampleAuditLog, sampleChecklist, sampleRecords } from '../../unit/formats/bundle-fixtures.ts';

export const DIR = __dirname;
const seq = (n: number, start: number) => Uint8Array.from({ length: n }, (_, i) => (start + i) & 255);

export const SIGNING_SEED = seq(32, 0x60);
export const PASSPHRASE = 'closeout golden bundle 归档 2026';
export const ESCROW_PASSPHRASE = 'closeout golden escrow 托管 2026';
/** Low scrypt cost so tests stay fast; the format is the same as at age's default of 18. */
export const SCRYPT_LOG_N = 10;

export interface GoldenInput {
  createdAt: string;
  appVersion: string;
  records: BundleRecord[];
  attachments: { path: string; hex: string }[];
  checklist: unknown;
  auditLog: string[];
}

/** input.json: the frozen, deterministic input of the golden bundles (all but the age keys). */
export function goldenFacts(): GoldenInput {
  return JSON.parse(fs.readFileSync(path.join(DIR, 'input.json'), 'utf8'));
}

export function goldenInput(number: string, o: Partial<BundleInput> = {}): BundleInput {
  const f = goldenFacts();
  return {
    number,
    createdAt: f.createdAt,
    appVersion: f.appVersion,
    records: f.records,
    attachments: f.attachments.map((a) => ({ path: a.path, bytes: fromHex(a.hex) })),
    checklist: f.checklist,
    auditLog: f.auditLog,
    signingSeed: SIGNING_SEED,
    ...o,
  };
}

function firstInput(): GoldenInput {
  return {
    createdAt: '2026-11-22T08:00:00.000Z',
    appVersion: '0.1.0',
    records: sampleRecords(3),
    attachments: [
      { path: 'KH000001/身份证正面.jpg', hex: toHex(seq(3000, 7)) },
      { path: 'KH000002/license.pdf', hex: toHex(utf8('%PDF-1.4\nsynthetic\n')) },
    ],
    checklist: sampleChecklist,
    auditLog: sampleAuditLog,
  };
}

/** Writes every missing golden file; never overwrites one. */
export async function makeBundleVectors(): Promise<string[]> {
  await ready();
  const written: string[] = [];
  const put = (name: string, data: string | Uint8Array) => {
    const p = path.join(DIR, name);
    if (fs.existsSync(p)) return;
    fs.writeFileSync(p, data);
    written.push(name);
  };
  put('input.json', JSON.stringify(firstInput(), null, 2) + '\n');
  const keyFile = (n: number) => path.join(DIR, `custody-key-${n}.txt`);
  if (!fs.existsSync(keyFile(1))) {
    for (const n of [1, 2]) put(`custody-key-${n}.txt`, identityFileText(await generateIdentity(), '2026-11-22T08:00:00Z'));
  }
  const recipient = (n: number) => fs.readFileSync(keyFile(n), 'utf8').match(/public key: (age1\S+)/)![1]!;
  const identity = (n: number) => fs.readFileSync(keyFile(n), 'utf8').match(/AGE-SECRET-KEY-1\S+/)![0];
  put('signer.pub', publicKeyFile(minisignKeyPair(SIGNING_SEED)));
  put('signing-seed.hex', toHex(SIGNING_SEED) + '\n');
  put('custody-key-1.escrow.age', await protectIdentity(identity(1), ESCROW_PASSPHRASE, SCRYPT_LOG_N));
  if (!fs.existsSync(path.join(DIR, 'ARC-2026-0001.closeout'))) {
    put('ARC-2026-0001.closeout', (await buildBundleBytes(goldenInput('ARC-2026-0001', { recipients: [recipient(1), recipient(2)] }))).bytes);
  }
  if (!fs.existsSync(path.join(DIR, 'ARC-2026-0002.closeout'))) {
    put('ARC-2026-0002.closeout', (await buildBundleBytes(goldenInput('ARC-2026-0002', { passphrase: PASSPHRASE, scryptLogN: SCRYPT_LOG_N }))).bytes);
  }
  return written;
}
