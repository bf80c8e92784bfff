/**
 * Known answers for the destruction log v1: fixed entries, digest key, signing seed and
 * checkpoint time give exactly one exported file and one signature (Ed25519 is deterministic).
 * The files here were written once (`MAKE_VECTORS=1 npx vitest run tests/vectors/destruction-log-v1`,
 * which writes only missing files) and never change; the test checks today's code still makes
 * them byte for byte. See README.md here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ready } from '../../../src/core/crypto/sodium.ts';
import { EMPTY_HEAD, advance, entryLine, exportLog, nextEntry, recordRef, type DestructionEntryInput } from '../../../src/core/formats/destruction-log.ts';
import { minisignKeyPair, publicKeyFile } from '../../../src/core/formats/minisign.ts';
import { toHex } from '../../../src/core/bytes.ts';

export const DIR = __dirname;
const seq = (n: number, start: number) => Uint8Array.from({ length: n }, (_, i) => (start + i) & 255);
export const SIGNING_SEED = seq(32, 0x80);
export const DIGEST_KEY = seq(32, 0xa0);
export const CHECKPOINT_TIME = '2026-12-01T10:00:00.000Z';

export function logEntries(): DestructionEntryInput[] {
  const refs = [
    { customerNo: 'KH000004', kind: 'person', fields: { name: '王五', idNumber: '110101199003074514', phone: '13700137000' } },
    { customerNo: 'KH000005', kind: 'person', fields: { name: '欧阳娜娜', phone: '13600136000' } },
  ].map((r) => recordRef(DIGEST_KEY, r));
  return [
    {
      time: '2026-12-01T09:00:00.000Z',
      batch: 'DB-2026-0001',
      kind: 'electronic',
      counts: { records: 2, attachments: 1 },
      records: refs,
      method: { category: 'clear', technique: 'logical deletion of encrypted records in browser storage (overwritten, then deleted)', tool: 'Closeout 0.1.0' },
      performer: 'Li Wei',
      witnesses: ['Zhang Min'],
      place: 'Beijing office, room 301',
      verification: 'vault searched for the records afterwards: none remain',
    },
    {
      time: '2026-12-01T09:30:00.000Z',
      batch: 'DB-2026-0001',
      kind: 'paper',
      counts: { sheets: 340 },
      items: [{ description: 'account-opening forms, 2016–2019', count: 12, serial: 'box 7' }],
      method: { category: 'destroy', technique: 'cross-cut shredding (P-4)', tool: 'office shredder S/N 8812' },
      performer: 'Li Wei',
      witnesses: ['Zhang Min', '赵六'],
      place: 'Beijing office, room 301',
      evidence: [toHex(seq(32, 1))],
    },
    {
      time: '2026-12-01T09:45:00.000Z',
      batch: 'DB-2026-0002',
      kind: 'custody-key',
      counts: { keyCopies: 2 },
      bundles: ['ARC-2026-0001'],
      method: { category: 'purge', technique: 'cryptographic erase: every registered copy of the custody key destroyed' },
      performer: 'Li Wei',
      witnesses: [],
      place: 'Beijing office, safe B',
      note: 'key sheet shredded; USB stick #3 physically destroyed',
    },
  ];
}

/** The exported log and its signature for the fixed inputs. */
export async function makeLog() {
  await ready();
  let head = EMPTY_HEAD;
  const lines: string[] = [];
  for (const input of logEntries()) {
    const line = entryLine(nextEntry(head, input));
    lines.push(line);
    head = advance(head, line);
  }
  const kp = minisignKeyPair(SIGNING_SEED);
  return { ...exportLog(lines, CHECKPOINT_TIME, kp), publicKey: publicKeyFile(kp) };
}

/** Writes every missing vector file; never overwrites one. */
export async function makeLogVectors(): Promise<void> {
  const { text, signature, publicKey } = await makeLog();
  for (const [name, data] of [
    ['destruction-log.jsonl', text],
    ['destruction-log.jsonl.minisig', signature],
    ['signer.pub', publicKey],
  ] as const) {
    const p = path.join(DIR, name);
    if (!fs.existsSync(p)) fs.writeFileSync(p, data);
  }
}
