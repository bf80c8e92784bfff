/**
 * The plaintext of payload.age: a ZIP of
 *   bundle.json       {"format":"closeout-bundle-payload","version":1,number,createdAt,appVersion}
 *   records.jsonl     one record per line, keys in a fixed order (the authoritative copy)
 *   records.csv       the same records as a table: UTF-8 with BOM and CRLF, so Excel opens it
 *   checklist.json    the wind-down checklist as the caller gives it
 *   audit-log.jsonl   the vault's audit events, one line each, as stored (hash chain intact)
 *   attachments/…     attachments, stored as they are (photos and PDFs do not compress)
 * Made in one pass over the records: each record becomes a JSONL line and a CSV row at once.
 * fflate writes members in order, so the deflated CSV waits in memory until the JSONL member
 * ends — a fraction of the records' size, and the records themselves are never held.
 */
import { AppError, throwIfAborted } from '../errors.ts';
import { fromUtf8, utf8 } from '../bytes.ts';
import { CATEGORIES, FIELDS, type Category } from '../domain/fields.ts';
import { summarise, type CustomerRecord } from '../domain/record.ts';
import { createZipWriter, type ZipMemberSink } from './zip-write.ts';
import type { BundleCounts } from './bundle-manifest.ts';

// FORMAT: never change; add a version
export const PAYLOAD_FORMAT = 'closeout-bundle-payload';
// FORMAT: never change; add a version
export const INNER = {
  meta: 'bundle.json',
  records: 'records.jsonl',
  csv: 'records.csv',
  checklist: 'checklist.json',
  auditLog: 'audit-log.jsonl',
  attachments: 'attachments/',
} as const;
// FORMAT: never change; add a version
export const CSV_COLUMNS: readonly string[] = ['customerNo', 'kind', ...FIELDS.map((f) => f.key), 'id', 'createdAt', 'updatedAt', 'sample'];

/** A record as exported: the stored record, and its fate (hold inside) when one was decided. */
export interface BundleRecord extends Omit<CustomerRecord, 'fate' | 'hold'> {
  fate?: unknown;
}

export interface BundleAttachment {
  /** Relative path under attachments/, e.g. "KH000123/id-front.jpg". */
  path: string;
  bytes: Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

type Many<T> = Iterable<T> | AsyncIterable<T>;

export interface PayloadInput {
  number: string;
  createdAt: string;
  appVersion: string;
  records: Many<BundleRecord>;
  attachments?: Many<BundleAttachment>;
  checklist?: unknown;
  /** Audit log lines, each without its newline. */
  auditLog?: Many<string>;
  signal?: AbortSignal;
}

const FLUSH = 64 * 1024;

/** Counts at zero, filled in by payloadZip as it writes. */
export function emptyCounts(): BundleCounts {
  return { records: 0, byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>, attachments: 0, attachmentBytes: 0, auditEvents: 0 };
}

/** One records.jsonl line (no newline): id, kind, customerNo, sample?, createdAt, updatedAt, fields, fate?. */
export function recordLine(r: BundleRecord): string {
  const fields: Record<string, string> = {};
  for (const f of FIELDS) if (r.fields[f.key] !== undefined) fields[f.key] = r.fields[f.key]!;
  for (const k of Object.keys(r.fields).sort()) if (!(k in fields)) fields[k] = (r.fields as Record<string, string>)[k]!;
  const o: Record<string, unknown> = { id: r.id, kind: r.kind, customerNo: r.customerNo };
  if (r.sample) o.sample = true;
  o.createdAt = r.createdAt;
  o.updatedAt = r.updatedAt;
  o.fields = fields;
  if (r.fate !== undefined) o.fate = r.fate;
  return JSON.stringify(o);
}

/** One records.csv row with CRLF (RFC 4180); cells that Excel would run as formulas get a leading '. */
export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

function csvCell(v: string): string {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvCells(r: BundleRecord): string[] {
  const f = r.fields as Record<string, string | undefined>;
  return [r.customerNo, r.kind, ...FIELDS.map((x) => f[x.key] ?? ''), r.id, r.createdAt, r.updatedAt, r.sample ? '1' : ''];
}

/**
 * Yields the payload ZIP in chunks as it is made, filling `counts` on the way. Throws
 * INVALID_INPUT for an unsafe or duplicate attachment path; AbortError when `signal` aborts.
 */
export async function* payloadZip(input: PayloadInput, counts: BundleCounts): AsyncGenerator<Uint8Array> {
  const w = createZipWriter({ mtime: new Date(input.createdAt) });
  const whole = (name: string, text: string, deflate = true) => {
    const m = w.add(name, { deflate });
    m.push(utf8(text));
    m.end();
  };
  whole(INNER.meta, JSON.stringify({ format: PAYLOAD_FORMAT, version: 1, number: input.number, createdAt: input.createdAt, appVersion: input.appVersion }) + '\n');

  const jsonl = new TextSink(w.add(INNER.records, { deflate: true }));
  const csv = new TextSink(w.add(INNER.csv, { deflate: true }));
  csv.write('\uFEFF' + csvRow(CSV_COLUMNS));
  for await (const r of input.records) {
    throwIfAborted(input.signal);
    jsonl.write(recordLine(r) + '\n');
    csv.write(csvRow(csvCells(r)));
    counts.records++;
    for (const c of summarise(r.fields).categories) counts.byCategory[c]++;
    if (w.pending >= FLUSH) yield* w.take();
  }
  jsonl.end();
  csv.end();
  yield* w.take();

  whole(INNER.checklist, JSON.stringify(input.checklist ?? null, null, 2) + '\n');
  const log = new TextSink(w.add(INNER.auditLog, { deflate: true }));
  for await (const line of input.auditLog ?? []) {
    if (/[\r\n]/.test(line)) throw new AppError('INVALID_INPUT', 'An audit log line contains a line break.', { details: { reason: 'audit-line' } });
    log.write(line + '\n');
    counts.auditEvents++;
    if (w.pending >= FLUSH) yield* w.take();
  }
  log.end();
  yield* w.take();

  for await (const a of input.attachments ?? []) {
    throwIfAborted(input.signal);
    const m = w.add(INNER.attachments + a.path);
    const parts = a.bytes instanceof Uint8Array ? [a.bytes] : a.bytes;
    for await (const chunk of parts) {
      m.push(chunk);
      counts.attachmentBytes += chunk.length;
      if (w.pending >= FLUSH) yield* w.take();
    }
    m.end();
    counts.attachments++;
    yield* w.take();
  }
  w.end();
  yield* w.take();
}

/** Collects small strings into ~64 KiB pushes: fflate deflates better and faster in big chunks. */
class TextSink {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: ZipMemberSink) {}
  write(s: string) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH) this.flush();
  }
  flush() {
    if (!this.parts.length) return;
    this.sink.push(utf8(this.parts.join('')));
    this.parts = [];
    this.size = 0;
  }
  end() {
    this.flush();
    this.sink.end();
  }
}

/** Parses records.jsonl. Throws INVALID_INPUT naming the line of a malformed record. */
export function parseRecordLines(bytes: Uint8Array): BundleRecord[] {
  const out: BundleRecord[] = [];
  const lines = fromUtf8(bytes).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    let r: BundleRecord;
    try {
      r = JSON.parse(line) as BundleRecord;
    } catch (cause) {
      throw new AppError('INVALID_INPUT', `records.jsonl line ${i + 1} is not JSON.`, { cause, details: { reason: 'record-line', line: i + 1 } });
    }
    if (!r || typeof r.id !== 'string' || typeof r.customerNo !== 'string' || typeof r.fields !== 'object' || !r.fields) {
      throw new AppError('INVALID_INPUT', `records.jsonl line ${i + 1} is not a record.`, { details: { reason: 'record-line', line: i + 1 } });
    }
    out.push(r);
  }
  return out;
}
