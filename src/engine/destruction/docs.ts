/**
 * The destruction log and batches as sealed meta entries (FORMATS.md, "Destruction entries in
 * the vault"), each a storage envelope under the meta key with objectId = its key:
 *   destruction-batches        batches (plans, approvals, copy decisions, state) and the counter
 *   destruction-head           {count, hash} of the log: written with every entry, so a removed
 *                              tail is detected
 *   destruction-entry/<seq>    one entry: its canonical log line and the details the line does
 *                              not carry (photos, technique id, the copy it destroyed)
 *   destruction-run            the batch being executed and its remaining chunks of record ids
 *   destruction-run-refs/<n>   the record references of chunk n, written with the chunk
 * A missing entry reads as empty; a newer version is refused; a damaged one is AUTH_FAILED.
 */
import { AppError } from '../../core/errors.ts';
import { EMPTY_HEAD, type LogHead, type RecordRef } from '../../core/formats/destruction-log.ts';
import type { IneligibleReason, MediaKind, Scope, Technique } from '../../core/domain/destruction/index.ts';
import type { MetaRow } from '../../store/db.ts';
import type { Session } from '../session.ts';
import type { AttachmentType } from '../checklist/types.ts';
import type { Approval, BatchState, CopyDecision, ExecutionResult } from './types.ts';

// FORMAT: never change; add a version
export const BATCHES_KEY = 'destruction-batches';
// FORMAT: never change; add a version
export const HEAD_KEY = 'destruction-head';
// FORMAT: never change; add a version
export const RUN_KEY = 'destruction-run';
// FORMAT: never change; add a version
export const entryKey = (seq: number): string => `destruction-entry/${seq}`;
// FORMAT: never change; add a version
export const refsKey = (n: number): string => `destruction-run-refs/${n}`;
// FORMAT: never change; add a version
const DOC_VERSION = 1;

export interface StoredBatch {
  id: string;
  number: string;
  kind: 'records' | 'custody-key';
  createdAt: string;
  createdBy: string;
  scope: Scope;
  /** Record ids (random, no personal data) and their customer numbers, in plan order. */
  records: [string, string][];
  copies: CopyDecision[];
  approval?: Approval;
  state: BatchState;
  executed?: ExecutionResult;
  entries: number[];
  note?: string;
  key?: StoredKeyBatch;
}

/** A custody-key batch: the key, its copies confirmed destroyed (copy id → entry seq), when it was erased. */
export interface StoredKeyBatch {
  id: string;
  label: string;
  recipient: string;
  year?: number;
  confirmed: Record<string, number>;
  erasedAt?: string;
  bundles?: string[];
}

export interface BatchesDoc {
  v: number;
  /** The last batch number used per year: never lowered, so never reused. */
  last: Record<string, number>;
  batches: StoredBatch[];
}

export interface PhotoMeta {
  id: string;
  name: string;
  type: AttachmentType;
  size: number;
  sha256: string;
  chunks: number;
  thumb: boolean;
  at: string;
  by: string;
}

/** What the vault keeps of an entry beside its line. */
export interface EntryDetails {
  batchId?: string;
  photos: PhotoMeta[];
  accounting?: boolean;
  technique?: Technique;
  medium?: MediaKind;
  copy?: { bundle: string; copyId: string };
  keyCopy?: { keyId: string; copyId: string };
}

export interface EntryDoc {
  v: number;
  line: string;
  details: EntryDetails;
}

export interface RunDoc {
  v: number;
  batchId: string;
  /** Chunks of record ids still to delete, in order. */
  chunks: string[][];
  /** Chunks done, each with its refs row refsKey(0..done-1). */
  done: number;
  /** Records deleted so far, and in all. */
  deleted: number;
  total: number;
  startedAt: string;
  /** Packs emptied by the run: overwritten with an empty sealed pack, deleted when it ends. */
  emptyPacks: string[];
  /** Records left out when an interrupted run was completed: they had become ineligible (a hold…). */
  skipped?: { id: string; customerNo: string; reason: IneligibleReason }[];
}

export interface RefsDoc {
  v: number;
  refs: RecordRef[];
}

type GetMeta = (vaultId: string, key: string) => Promise<Uint8Array | undefined>;

async function read<T extends { v: number }>(get: GetMeta, s: Session, key: string): Promise<T | undefined> {
  const blob = await get(s.vaultId, key);
  if (!blob) return undefined;
  const doc = s.openJson<T>('meta', 'meta', key, blob);
  if (doc.v === DOC_VERSION) return doc;
  if (typeof doc.v === 'number' && doc.v > DOC_VERSION) {
    throw new AppError('UNSUPPORTED_VERSION', `The ${key} entry was saved by a newer version of Closeout (format ${doc.v}). Update Closeout.`, { details: { key } });
  }
  throw new AppError('AUTH_FAILED', `The ${key} entry is not in a format this app wrote.`, { details: { key } });
}

function row(s: Session, key: string, doc: object): MetaRow {
  return { vaultId: s.vaultId, key, blob: s.sealJson('meta', 'meta', key, { ...doc, v: DOC_VERSION }) };
}

export const readBatches = async (get: GetMeta, s: Session): Promise<BatchesDoc> => (await read<BatchesDoc>(get, s, BATCHES_KEY)) ?? { v: DOC_VERSION, last: {}, batches: [] };
export const readHead = async (get: GetMeta, s: Session): Promise<LogHead> => {
  const d = await read<LogHead & { v: number }>(get, s, HEAD_KEY);
  return d ? { count: d.count, hash: d.hash } : EMPTY_HEAD;
};
export const readRun = (get: GetMeta, s: Session) => read<RunDoc>(get, s, RUN_KEY);
export const readRefs = async (get: GetMeta, s: Session, n: number): Promise<RefsDoc> => {
  const d = await read<RefsDoc>(get, s, refsKey(n));
  if (!d) throw new AppError('TRUNCATED', `The record references of chunk ${n + 1} of the interrupted destruction are missing.`, { details: { key: refsKey(n) } });
  return d;
};

/** Every entry of the log, in order. TRUNCATED when one below the head is missing. */
export async function readEntries(get: GetMeta, s: Session, head: LogHead): Promise<EntryDoc[]> {
  const docs = await Promise.all(Array.from({ length: head.count }, (_, i) => read<EntryDoc>(get, s, entryKey(i + 1))));
  return docs.map((d, i) => {
    if (!d) throw new AppError('TRUNCATED', `Destruction log entry ${i + 1} is missing from the vault.`, { details: { seq: i + 1 } });
    return d;
  });
}

export const batchesRow = (s: Session, doc: BatchesDoc) => row(s, BATCHES_KEY, doc);
export const headRow = (s: Session, head: LogHead) => row(s, HEAD_KEY, { count: head.count, hash: head.hash });
export const entryRow = (s: Session, seq: number, doc: Omit<EntryDoc, 'v'>) => row(s, entryKey(seq), doc);
export const runRow = (s: Session, doc: Omit<RunDoc, 'v'>) => row(s, RUN_KEY, doc);
export const refsRow = (s: Session, n: number, refs: RecordRef[]) => row(s, refsKey(n), { refs });

/** DST-YYYY-NNNN for the `n`th batch of `year`. */
export function batchNumber(year: number, n: number): string {
  return `DST-${year}-${String(n).padStart(4, '0')}`;
}

/** The next number for `year` and the counter that reserves it. */
export function nextBatchNumber(doc: BatchesDoc, year: number): { number: string; last: Record<string, number> } {
  const n = (doc.last[String(year)] ?? 0) + 1;
  return { number: batchNumber(year, n), last: { ...doc.last, [String(year)]: n } };
}
