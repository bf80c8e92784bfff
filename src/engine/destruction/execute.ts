/**
 * Executing a batch: its records deleted from the vault a chunk at a time, each chunk in one
 * transaction that re-seals the touched packs without them (the rows are overwritten under a
 * fresh nonce; a pack left empty is overwritten with an empty sealed pack and deleted at the
 * end), writes the chunk's record references and shrinks the sealed run marker. A closed tab or
 * a lock leaves the marker, and executing the batch again completes it. At the end every pack of
 * the vault is opened to check none holds a record of the batch, and the destruction entry, the
 * batch's new state and the checklist tick land in one transaction.
 */
import { AppError } from '../../core/errors.ts';
import { fromUtf8, utf8 } from '../../core/bytes.ts';
import { recordRef, type DestructionEntryInput, type LogHead, type RecordRef } from '../../core/formats/destruction-log.ts';
import { decodePack, encodePack } from '../../core/formats/pack.ts';
import type { PackRow } from '../../store/db.ts';
import type { VaultStore, WriteBatch } from '../../store/vault-store.ts';
import type { EventDraft } from '../audit.ts';
import type { ActionEvidence } from '../checklist/types.ts';
import type { Session } from '../session.ts';
import { APP_VERSION } from '../archive/export.ts';
import { RUN_KEY, batchesRow, refsKey, refsRow, runRow, type BatchesDoc, type RunDoc, type StoredBatch } from './docs.ts';
import { append } from './log.ts';
import type { ExecuteProgress, ExecutionResult } from './types.ts';

export interface RunHost {
  store(): VaultStore;
  now(): Date;
  commit(s: Session, drafts: EventDraft[], batch: WriteBatch): Promise<void>;
  commitWithEvidence(s: Session, drafts: EventDraft[], batch: WriteBatch, evidence: ActionEvidence): Promise<void>;
  readRefs(s: Session, n: number): Promise<RecordRef[]>;
}

// The method, stated as DESIGN §6 asks: what deletion in browser storage is, and is not.
export const ELECTRONIC_METHOD = {
  category: 'clear',
  technique: 'logical deletion of encrypted records in browser storage (IndexedDB): the packs holding them re-sealed without them under fresh nonces in the same rows, emptied packs overwritten then deleted',
} as const;
export const ELECTRONIC_NOTE =
  'The browser may keep encrypted fragments of the old rows until it compacts its files; they stay encrypted under the vault key, which is destroyed only when the whole vault is (cryptographic erasure).';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** The chunks of `ids` in the order of the cache (pack by pack), at most `size` each. */
export function chunksOf(s: Session, ids: ReadonlySet<string>, size: number): string[][] {
  const order: string[] = [];
  for (const r of s.records.all()) if (ids.has(r.id)) order.push(r.id);
  const out: string[][] = [];
  for (let i = 0; i < order.length; i += size) out.push(order.slice(i, i + size));
  return out;
}

/** A sealed empty pack in the row of `id`: what overwrites a pack the run emptied. */
function emptyPack(s: Session, id: string): PackRow {
  return { id, vaultId: s.vaultId, blob: s.seal('records', 'packs', id, utf8(encodePack([]))), index: s.sealJson('records', 'pack-index', id, []) };
}

/** Deletes the run's chunks one transaction each; returns the marker as it ends. AbortError between chunks when `signal` fires. */
export async function deleteChunks(h: RunHost, s: Session, batch: StoredBatch, run: Omit<RunDoc, 'v'>, signal: AbortSignal, onProgress?: (p: ExecuteProgress) => void): Promise<Omit<RunDoc, 'v'>> {
  let cur = run;
  while (cur.chunks.length) {
    if (signal.aborted) throw new AppError('AbortError', `Destruction of ${batch.number} paused after ${cur.deleted} of ${cur.total} records; execute it again to complete it.`);
    const ids = cur.chunks[0]!.filter((id) => s.records.has(id));
    const refs = ids.map((id) => recordRef(s.keys.digest, s.records.get(id)));
    const staged = s.records.stage([], ids);
    const next: Omit<RunDoc, 'v'> = { ...cur, chunks: cur.chunks.slice(1), done: cur.done + 1, deleted: cur.deleted + ids.length, emptyPacks: [...cur.emptyPacks, ...staged.deletes] };
    await h.commit(s, [{ action: 'destruction.chunk-deleted', data: { number: batch.number, chunk: next.done, records: ids.length } }], {
      packs: [...staged.rows, ...staged.deletes.map((id) => emptyPack(s, id))],
      meta: [runRow(s, next), refsRow(s, cur.done, refs)],
    });
    staged.commit();
    cur = next;
    onProgress?.({ phase: 'deleting', done: cur.deleted, total: cur.total });
    await tick();
  }
  return cur;
}

/**
 * Opens every pack row of the vault; returns how many were checked, how many failed to open and
 * which are empty. CONFLICT if any holds a record of `ids`.
 */
export async function verifyGone(h: RunHost, s: Session, ids: ReadonlySet<string>): Promise<{ checked: number; unreadable: number; empty: Set<string> }> {
  const rows = await h.store().packsOf(s.vaultId);
  const empty = new Set<string>();
  let unreadable = 0;
  let found = 0;
  for (const row of rows) {
    let records;
    try {
      records = decodePack(fromUtf8(s.open('records', 'packs', row.id, row.blob)));
    } catch {
      unreadable++;
      continue;
    }
    if (!records.length) empty.add(row.id);
    for (const r of records) if (ids.has(r.id)) found++;
  }
  if (found) throw new AppError('CONFLICT', `${found} records of the batch are still in the vault after deletion; execute the batch again.`, { details: { reason: 'VERIFY_FAILED', found } });
  return { checked: rows.length, unreadable, empty };
}

/** The electronic destruction entry of a run. */
export function electronicEntry(batch: StoredBatch, refs: RecordRef[], chunks: number, check: { checked: number; unreadable: number }, performer: string, time: string): DestructionEntryInput {
  const verification =
    `every record pack of the vault opened after deletion (${check.checked} packs): none holds a record of the batch` +
    (check.unreadable ? `; ${check.unreadable} damaged packs could not be opened and were not checked` : '');
  return {
    time,
    batch: batch.number,
    kind: 'electronic',
    counts: { records: refs.length, attachments: 0, chunks },
    records: refs,
    method: { ...ELECTRONIC_METHOD, tool: `Closeout ${APP_VERSION}` },
    performer,
    witnesses: batch.approval?.second ? [batch.approval.second.label] : [],
    place: 'browser storage (IndexedDB) of this device',
    verification,
    note: ELECTRONIC_NOTE,
  };
}

/**
 * Ends a run whose chunks are all deleted: checks every pack, then in one transaction appends
 * the entry, marks the batch executed, deletes the emptied packs, the marker and the references,
 * and ticks the checklist.
 */
export async function finishRun(h: RunHost, s: Session, doc: BatchesDoc, batch: StoredBatch, run: Omit<RunDoc, 'v'>, head: LogHead, onProgress?: (p: ExecuteProgress) => void): Promise<ExecutionResult> {
  onProgress?.({ phase: 'verifying', done: run.deleted, total: run.total });
  const kept = new Set((run.skipped ?? []).map((x) => x.id));
  const check = await verifyGone(h, s, new Set(batch.records.map(([id]) => id).filter((id) => !kept.has(id))));
  const refs: RecordRef[] = [];
  for (let n = 0; n < run.done; n++) refs.push(...(await h.readRefs(s, n)));
  const time = h.now().toISOString();
  const skipped = (run.skipped ?? []).map(({ customerNo, reason }) => ({ customerNo, reason }));
  const entry = electronicEntry(batch, refs, run.done, check, s.actor, time);
  if (skipped.length) {
    entry.counts.skipped = skipped.length;
    entry.note = `${entry.note} Not deleted, no longer eligible when the run was completed: ${skipped.map((x) => `${x.customerNo} (${x.reason})`).join(', ')}.`;
  }
  const appended = append(s, head, [{ input: entry, details: { batchId: batch.id, photos: [] } }]);
  const result: ExecutionResult = { records: refs.length, attachments: 0, chunks: run.done, startedAt: run.startedAt, finishedAt: time, packsChecked: check.checked, entrySeq: appended.seqs[0]! };
  if (skipped.length) result.skipped = skipped;
  const next: StoredBatch = { ...batch, state: 'executed', executed: result, entries: [...batch.entries, ...appended.seqs] };
  const nextDoc: BatchesDoc = { ...doc, batches: doc.batches.map((b) => (b.id === batch.id ? next : b)) };
  const evidence: ActionEvidence = { action: 'destruction.executed', ref: batch.number, label: `${batch.number}: ${refs.length} records deleted`, at: time };
  await h.commitWithEvidence(
    s,
    [{ action: 'destruction.executed', subjects: [batch.id], data: { number: batch.number, records: refs.length, chunks: run.done, entry: result.entrySeq } }],
    {
      meta: [batchesRow(s, nextDoc), ...appended.rows],
      deleteMeta: [[s.vaultId, RUN_KEY], ...Array.from({ length: run.done }, (_, n): [string, string] => [s.vaultId, refsKey(n)])],
      // Only packs still empty: after a reopened tab, a new record may have gone into one.
      deletePacks: run.emptyPacks.filter((id) => check.empty.has(id)),
    },
    evidence,
  );
  onProgress?.({ phase: 'done', done: run.deleted, total: run.total });
  return result;
}
