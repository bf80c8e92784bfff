/**
 * Destruction log v1: JSON Lines of destruction entries, hash-chained like the audit log
 * (`prev` = SHA-256, lowercase hex, of the previous line's UTF-8 bytes without its newline;
 * 64 zeros for the first), so `sha256sum` alone can walk the chain. No raw personal data:
 * records appear as customer number, masked name and a keyed digest of their content.
 *
 * The exported file is the entries followed by one checkpoint line
 *   {"v":1,"seq":N+1,"time":…,"prev":H,"kind":"checkpoint","log":"closeout-destruction-log","count":N,"head":H}
 * (H = hash of the last entry line) and an LF; it is signed with minisign, the trusted comment
 * "closeout-destruction-log v1 count=N head=H time=T" repeating the checkpoint, so
 * `minisign -Vm destruction-log.jsonl` shows what a regulator needs to compare.
 */
import { AppError } from '../errors.ts';
import { toHex, utf8 } from '../bytes.ts';
import { blake2b, sha256 } from '../crypto/sodium.ts';
import { maskName } from '../domain/pii/mask.ts';
import { createSigner, type MinisignKeyPair } from './minisign.ts';

// FORMAT: never change; add a version
export const LOG_NAME = 'closeout-destruction-log';
// FORMAT: never change; add a version
export const LOG_VERSION = 1;
export const GENESIS = '0'.repeat(64);
// FORMAT: never change; add a version
const DIGEST_DOMAIN = 'closeout/record-digest/v1\0';

/** NIST SP 800-88 Rev. 1 sanitization categories. */
export type NistCategory = 'clear' | 'purge' | 'destroy';
export const NIST_CATEGORIES: readonly NistCategory[] = ['clear', 'purge', 'destroy'];
/** What was destroyed: vault records, paper, media, a bundle copy, a custody key (crypto-erase), a whole vault. */
export type DestructionKind = 'electronic' | 'paper' | 'media' | 'bundle-copy' | 'custody-key' | 'vault';
export const DESTRUCTION_KINDS: readonly DestructionKind[] = ['electronic', 'paper', 'media', 'bundle-copy', 'custody-key', 'vault'];

export interface RecordRef {
  customerNo: string;
  maskedName: string;
  /** recordDigest(): keyed BLAKE2b-256, lowercase hex. */
  digest: string;
}

export interface DestructionEntryInput {
  /** ISO 8601 UTC. */
  time: string;
  /** The destruction batch this entry belongs to. */
  batch: string;
  kind: DestructionKind;
  /** e.g. {records: 120, attachments: 8} or {sheets: 300}; non-negative integers. */
  counts: Record<string, number>;
  records?: RecordRef[];
  /** Things outside the app: description, count, serial or copy id. */
  items?: { description: string; count: number; serial?: string }[];
  /** Bundle numbers whose copy was destroyed, or which a destroyed custody key makes unreadable. */
  bundles?: string[];
  method: { category: NistCategory; technique: string; tool?: string };
  performer: string;
  witnesses: string[];
  place: string;
  /** How the result was verified (NIST SP 800-88 certificate field). */
  verification?: string;
  /** SHA-256 (hex) of evidence such as photos, kept encrypted in the vault. */
  evidence?: string[];
  note?: string;
}

export interface DestructionEntry extends DestructionEntryInput {
  v: number;
  seq: number;
  prev: string;
}

export interface LogHead {
  /** Entries so far (the last seq). */
  count: number;
  /** Hash of the last entry line, GENESIS when empty. */
  hash: string;
}

export const EMPTY_HEAD: LogHead = { count: 0, hash: GENESIS };

/** SHA-256 (lowercase hex) of a line's UTF-8 bytes, without its newline. */
export function lineHash(line: string): string {
  return toHex(sha256(utf8(line)));
}

/**
 * A record's salted content digest: BLAKE2b-256 keyed with the vault's digest subkey over its
 * customer number, kind and fields (sorted). Without the key nobody can test guesses (an ID
 * number has too few possibilities to hash unkeyed); with it, the vault or an archived copy
 * proves which record was destroyed.
 */
export function recordDigest(key: Uint8Array, r: { customerNo: string; kind: string; fields: Record<string, string | undefined> }): string {
  if (key.length !== 32) throw new AppError('INVALID_INPUT', 'The digest key is 32 bytes.');
  const fields = Object.entries(r.fields)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return toHex(blake2b(32, utf8(DIGEST_DOMAIN + JSON.stringify([r.customerNo, r.kind, fields])), key));
}

/** The reference of a record in a destruction entry. */
export function recordRef(key: Uint8Array, r: { customerNo: string; kind: string; fields: Record<string, string | undefined> }): RecordRef {
  return { customerNo: r.customerNo, maskedName: maskName(r.fields.name ?? ''), digest: recordDigest(key, r) };
}

/** The next entry after `head`. Throws INVALID_INPUT naming the field that is wrong. */
export function nextEntry(head: LogHead, input: DestructionEntryInput): DestructionEntry {
  checkEntry(input);
  return { ...input, v: LOG_VERSION, seq: head.count + 1, prev: head.hash };
}

/** The canonical line of an entry (fixed key order, optional keys only when present). */
export function entryLine(e: DestructionEntry): string {
  const o: Record<string, unknown> = { v: e.v, seq: e.seq, time: e.time, prev: e.prev, batch: e.batch, kind: e.kind };
  o.counts = Object.fromEntries(Object.keys(e.counts).sort().map((k) => [k, e.counts[k]]));
  if (e.records) o.records = e.records.map((r) => ({ customerNo: r.customerNo, maskedName: r.maskedName, digest: r.digest }));
  if (e.items) o.items = e.items.map((i) => (i.serial === undefined ? { description: i.description, count: i.count } : { description: i.description, count: i.count, serial: i.serial }));
  if (e.bundles) o.bundles = [...e.bundles];
  o.method = e.method.tool === undefined ? { category: e.method.category, technique: e.method.technique } : { category: e.method.category, technique: e.method.technique, tool: e.method.tool };
  o.performer = e.performer;
  o.witnesses = [...e.witnesses];
  o.place = e.place;
  if (e.verification !== undefined) o.verification = e.verification;
  if (e.evidence) o.evidence = [...e.evidence];
  if (e.note !== undefined) o.note = e.note;
  return JSON.stringify(o);
}

/** The head after appending `line`. */
export function advance(head: LogHead, line: string): LogHead {
  return { count: head.count + 1, hash: lineHash(line) };
}

/** The checkpoint line that closes an exported log. */
export function checkpointLine(head: LogHead, time: string): string {
  return JSON.stringify({ v: LOG_VERSION, seq: head.count + 1, time, prev: head.hash, kind: 'checkpoint', log: LOG_NAME, count: head.count, head: head.hash });
}

/** The signed trusted comment of an exported log. */
export function logTrustedComment(head: LogHead, time: string): string {
  return `${LOG_NAME} v${LOG_VERSION} count=${head.count} head=${head.hash} time=${time}`;
}

/**
 * The exported log: entry lines (in order, as stored), the checkpoint, and the .minisig text.
 * Throws INVALID_INPUT when the lines do not chain (the export must never sign a broken log).
 */
export function exportLog(lines: readonly string[], time: string, kp: MinisignKeyPair): { text: string; signature: string; head: LogHead } {
  let head = EMPTY_HEAD;
  for (const line of lines) {
    let e: DestructionEntry;
    try {
      e = JSON.parse(line) as DestructionEntry;
    } catch (cause) {
      throw new AppError('INVALID_INPUT', `Destruction log entry ${head.count + 1} is not JSON; the log was not exported.`, { cause, details: { reason: 'chain', seq: head.count + 1 } });
    }
    if (e.seq !== head.count + 1 || e.prev !== head.hash || entryLine(e) !== line) {
      throw new AppError('INVALID_INPUT', `Destruction log entry ${head.count + 1} does not chain; the log was not exported.`, { details: { reason: 'chain', seq: head.count + 1 } });
    }
    head = advance(head, line);
  }
  const text = lines.map((l) => l + '\n').join('') + checkpointLine(head, time) + '\n';
  const s = createSigner(kp);
  s.update(utf8(text));
  return { text, signature: s.finish({ trustedComment: logTrustedComment(head, time), untrustedComment: `signature of a Closeout destruction log (${head.count} entries)` }), head };
}

/** Checks an entry's fields; the message names the field. */
export function checkEntry(e: DestructionEntryInput): void {
  const bad = (field: string, what: string) => new AppError('INVALID_INPUT', `Destruction entry: ${field} ${what}.`, { details: { reason: 'entry', field } });
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (typeof e.time !== 'string' || Number.isNaN(Date.parse(e.time)) || !e.time.endsWith('Z')) throw bad('time', 'must be an ISO 8601 UTC time');
  if (!text(e.batch)) throw bad('batch', 'is required');
  if (!DESTRUCTION_KINDS.includes(e.kind)) throw bad('kind', `must be one of ${DESTRUCTION_KINDS.join(', ')}`);
  if (!e.counts || typeof e.counts !== 'object' || !Object.values(e.counts).every(count)) throw bad('counts', 'must be non-negative whole numbers');
  if (e.records && !e.records.every((r) => text(r.customerNo) && typeof r.maskedName === 'string' && /^[0-9a-f]{64}$/.test(r.digest))) throw bad('records', 'need customer number, masked name and digest');
  if (e.items && !e.items.every((i) => text(i.description) && count(i.count))) throw bad('items', 'need a description and a count');
  if (!NIST_CATEGORIES.includes(e.method?.category)) throw bad('method.category', 'must be clear, purge or destroy (NIST SP 800-88)');
  if (!text(e.method.technique)) throw bad('method.technique', 'is required');
  if (!text(e.performer)) throw bad('performer', 'is required');
  if (!Array.isArray(e.witnesses) || !e.witnesses.every(text)) throw bad('witnesses', 'must be names');
  if (typeof e.place !== 'string') throw bad('place', 'is required');
  if (e.evidence && !e.evidence.every((h) => /^[0-9a-f]{64}$/.test(h))) throw bad('evidence', 'must be SHA-256 hashes');
}
