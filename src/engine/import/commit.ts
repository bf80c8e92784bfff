/**
 * Committing a checked import: decide each valid row's fate under the duplicate choice, build
 * the records, seal the packs they touch, and write packs, remembered mapping and ONE audit
 * event in ONE IndexedDB transaction (the engine's `commit`).
 *
 * All-or-nothing, even if the tab is closed halfway: until that transaction commits nothing of
 * the import is in storage (checking, building and sealing happen in memory), and IndexedDB
 * aborts a transaction that has not committed when its page or worker goes away, so closing the
 * tab mid-write rolls the whole import back. The decrypted cache is changed only after the
 * write succeeded (`staged.commit()`), so a failed write leaves the session as it was too.
 */
import { toHex, utf8 } from '../../core/bytes.ts';
import { randomId } from '../../core/crypto/random.ts';
import { sha256 } from '../../core/crypto/sodium.ts';
import type { CustomerRecord, RecordFields } from '../../core/domain/record.ts';
import type { MetaRow } from '../../store/db.ts';
import type { WriteBatch } from '../../store/vault-store.ts';
import type { EventDraft } from '../audit.ts';
import type { Session } from '../session.ts';
import type { Checked } from './check.ts';
import { findDuplicates, vaultIndex } from './duplicates.ts';
import { SLICE, type Meter } from './progress.ts';
import type { Table } from './table.ts';
import type { DuplicateChoice, ImportResult } from './types.ts';

export interface Plan {
  records: CustomerRecord[];
  stored: number;
  skipped: number;
  merged: number;
}

/** The fields of `target` with the empty ones filled from `from`, or null when nothing was filled. */
function fillEmpty(target: RecordFields, from: RecordFields): RecordFields | null {
  let out: RecordFields | null = null;
  for (const k of Object.keys(from) as (keyof RecordFields)[]) {
    if (target[k]) continue;
    out ??= { ...target };
    out[k] = from[k];
  }
  return out;
}

/**
 * The records to store: a new record per valid row, except duplicates (same ID number earlier in
 * the file, or in the vault), which are skipped, merged (empty fields of the existing record
 * filled, nothing overwritten) or kept as records of their own. Duplicates are judged against
 * the vault as it is now, not as it was when the report was made.
 */
export async function planRecords(s: Session, checked: Checked, table: Table, choice: DuplicateChoice, now: Date, meter: Meter): Promise<Plan> {
  const dups = findDuplicates(checked.inputs, table, vaultIndex(s.records.all()));
  const originals = new Set(dups.firstInFile.values());
  const byRow = new Map<number, CustomerRecord>();
  const updates = new Map<string, CustomerRecord>();
  const records: CustomerRecord[] = [];
  const t = now.toISOString();
  let skipped = 0;
  let merged = 0;
  meter.begin('building', checked.inputs.length);
  for (let i = 0; i < checked.inputs.length; i++) {
    if (i > 0 && i % SLICE === 0) await meter.step(i);
    const input = checked.inputs[i];
    if (!input) continue;
    const vaultId = dups.inVault.get(i);
    const first = dups.firstInFile.get(i);
    if (choice !== 'keep' && (vaultId !== undefined || first !== undefined)) {
      if (choice === 'skip') {
        skipped++;
        continue;
      }
      merged++;
      if (vaultId !== undefined) {
        const cur = updates.get(vaultId) ?? s.records.get(vaultId);
        const fields = fillEmpty(cur.fields, input.fields);
        if (fields) updates.set(vaultId, { ...cur, fields, updatedAt: t });
      } else {
        const target = byRow.get(first!)!;
        const fields = fillEmpty(target.fields, input.fields);
        if (fields) target.fields = fields;
      }
      continue;
    }
    const r: CustomerRecord = { id: randomId(), kind: input.kind, customerNo: input.customerNo, fields: input.fields, createdAt: t, updatedAt: t };
    if (input.sample) r.sample = true;
    records.push(r);
    if (originals.has(i)) byRow.set(i, r);
  }
  meter.end();
  const stored = records.length;
  for (const u of updates.values()) records.push(u);
  return { records, stored, skipped, merged };
}

export interface StoreInput {
  s: Session;
  plan: Plan;
  event: EventDraft;
  meta: MetaRow[];
  meter: Meter;
  commit: (s: Session, drafts: EventDraft[], batch: WriteBatch) => Promise<void>;
}

/**
 * Seals the planned records into packs and writes them with `event` and `meta` in one
 * transaction; the cache takes the records only once the write has succeeded. A cancel seen
 * before the write starts stores nothing; once the transaction is under way it completes.
 */
export async function storePlan(o: StoreInput): Promise<void> {
  o.meter.begin('sealing', o.plan.records.length);
  await o.meter.step(0);
  const staged = o.s.records.stage(o.plan.records);
  o.meter.end();
  o.meter.begin('storing', o.plan.records.length);
  await o.meter.step(0);
  await o.commit(o.s, [o.event], { packs: staged.rows, meta: o.meta });
  staged.commit();
  o.meter.end();
}

export type ImportCounts = Pick<ImportResult, 'rows' | 'stored' | 'skipped' | 'merged' | 'invalid'>;

/** The first 16 hex characters of the SHA-256 of the file name: tells imports apart, names no one. */
export function fileDigest(fileName: string): string {
  return toHex(sha256(utf8(fileName))).slice(0, 16);
}

/**
 * The audit event of an import: file-name digest, format, duplicate choice and counts — never
 * a name, number or value from the file.
 */
export function importedEvent(importId: string, file: string, format: string, choice: DuplicateChoice, sample: boolean, counts: ImportCounts): EventDraft {
  return { action: 'records.imported', subjects: [importId], data: { file, format, duplicates: choice, sample, ...counts } };
}

/** The result for the UI, with the checklist evidence (ACTION_TICKS['import.committed']). */
export function resultOf(importId: string, file: string, sample: boolean, counts: ImportCounts, at: string): ImportResult {
  const label = `${file.slice(0, 8)}: ${counts.stored} stored, ${counts.merged} merged, ${counts.skipped} skipped, ${counts.invalid} invalid`;
  return { importId, ...counts, sample, evidence: { action: 'import.committed', ref: importId, label, at } };
}
