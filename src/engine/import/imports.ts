/**
 * Open imports, held in the engine worker's memory and keyed by a random import id: the parsed
 * table, the mapping, the check and its report. Nothing of an open import is stored; it is
 * committed (one transaction), cancelled, or dropped when the vault locks.
 */
import { randomId } from '../../core/crypto/random.ts';
import { AppError } from '../../core/errors.ts';
import { headerSignature } from '../../core/domain/import/mapping.ts';
import type { WriteBatch } from '../../store/vault-store.ts';
import type { EventDraft } from '../audit.ts';
import type { Session } from '../session.ts';
import { unknownImport } from './bad-input.ts';
import { checkRows, type Checked } from './check.ts';
import { mappingOf, previewOf, validateMapping } from './columns.ts';
import { fileDigest, importedEvent, planRecords, resultOf, storePlan } from './commit.ts';
import { findDuplicates, mergeIssues, vaultIndex } from './duplicates.ts';
import { loadMemory, recall, rememberRow } from './mapping-memory.ts';
import { Meter } from './progress.ts';
import { fileBytes, openRegister, type Register } from './read-file.ts';
import { buildReport, page, reportCsv, type ReportBase } from './report.ts';
import { sampleRegister, SAMPLE_FILE_NAME } from './sample.ts';
import type { ColumnMapping, DuplicateChoice, ImportEvidence, ImportOptions, ImportPreview, ImportProgressFn, ImportReport, ImportResult, ReportFile } from './types.ts';

/** What the engine lends the import use cases: meta reads, its one-transaction commit (which also ticks the checklist with `evidence`), its clock. */
export interface ImportHost {
  getMeta(vaultId: string, key: string): Promise<Uint8Array | undefined>;
  commit(s: Session, drafts: EventDraft[], batch: WriteBatch, evidence?: ImportEvidence): Promise<void>;
  now(): Date;
}

interface OpenImport {
  id: string;
  /** The unlocked vault the import belongs to; another session (after a lock) cannot use it. */
  s: Session;
  abort: AbortController;
  fileName: string;
  reg: Register;
  signature: string;
  sample: boolean;
  /** True while a check or commit runs, so a second call cannot interleave. */
  busy: boolean;
  mapping: ColumnMapping[];
  mappingSource: 'suggested' | 'remembered';
  checked: Checked | null;
  report: ReportBase | null;
}

// Open imports kept at once; opening another drops the oldest (each may hold 100,000 rows).
const MAX_OPEN = 2;
const CHOICES: readonly DuplicateChoice[] = ['skip', 'merge', 'keep'];

/** The open imports of the engine and their use cases; the engine delegates to it and drops it all on lock. */
export class ImportManager {
  private readonly open = new Map<string, OpenImport>();
  private readonly aborts = new Map<string, AbortController>();

  constructor(private readonly host: ImportHost) {}

  /** Reads a file, suggests or recalls a mapping, and checks every row. Stores nothing. */
  async prepare(s: Session, file: Blob | Uint8Array, fileName: string, opts: ImportOptions, onProgress?: ImportProgressFn): Promise<ImportPreview> {
    const id = randomId();
    const abort = this.track(id);
    try {
      const meter = new Meter(id, [abort.signal, s.abort.signal], onProgress);
      const reg = await openRegister(await fileBytes(file), opts);
      meter.check();
      return await this.start(s, id, abort, fileName, reg, false, meter);
    } catch (e) {
      this.drop(id);
      throw e;
    }
  }

  private track(id: string): AbortController {
    const abort = new AbortController();
    this.aborts.set(id, abort);
    return abort;
  }

  private async start(s: Session, id: string, abort: AbortController, fileName: string, reg: Register, sample: boolean, meter: Meter): Promise<ImportPreview> {
    const signature = headerSignature(reg.table.headers);
    const remembered = sample ? null : recall(await loadMemory((v, k) => this.host.getMeta(v, k), s), signature, reg.table.headers.length);
    const o: OpenImport = {
      id, s, abort, fileName, reg, signature, sample, busy: false,
      mapping: remembered ?? mappingOf(reg.suggested),
      mappingSource: remembered ? 'remembered' : 'suggested',
      checked: null,
      report: null,
    };
    await this.check(o, meter);
    meter.check();
    for (const old of this.open.keys()) if (this.open.size >= MAX_OPEN) this.drop(old);
    this.open.set(id, o);
    return previewOf(reg, o.mapping, o.mappingSource, page(o.report!), sample);
  }

  private async check(o: OpenImport, meter: Meter): Promise<void> {
    const now = this.host.now();
    const prefix = `IMP${now.toISOString().slice(0, 10).replace(/-/g, '')}-${o.id.slice(0, 4).toUpperCase()}-`;
    const checked = await checkRows(o.reg.table, o.mapping, { today: now, customerNoPrefix: prefix, sample: o.sample, meter });
    const columns = new Map(o.mapping.flatMap((m) => (m.field ? [[m.field as string, m.column] as const] : [])));
    const dups = findDuplicates(checked.inputs, o.reg.table, vaultIndex(o.s.records.all()), columns);
    o.checked = checked;
    o.report = buildReport(o.id, checked, dups, mergeIssues(checked.issues, dups.issues), o.mapping);
  }

  private get(s: Session, id: string): OpenImport {
    const o = this.open.get(id);
    if (!o || o.s !== s) throw unknownImport();
    if (o.busy) throw new AppError('CONFLICT', 'The import is still working; wait for it to finish or cancel it.');
    return o;
  }

  /** Replaces the mapping with one the person confirmed and checks every row again. */
  async setMapping(s: Session, id: string, mapping: ColumnMapping[], onProgress?: ImportProgressFn): Promise<ImportReport> {
    const o = this.get(s, id);
    const clean = validateMapping(mapping, o.reg.table.headers.length);
    o.busy = true;
    try {
      o.mapping = clean;
      o.checked = null;
      await this.check(o, new Meter(id, [o.abort.signal, s.abort.signal], onProgress));
      return page(o.report!);
    } finally {
      o.busy = false;
    }
  }

  /** The report of an open import with a page of its problems. NOT_FOUND when the import is gone. */
  report(s: Session, id: string, offset?: number, limit?: number): ImportReport {
    return page(this.get(s, id).report!, offset, limit);
  }

  /** The report's problems as a CSV file (masked values only). */
  reportCsv(s: Session, id: string): ReportFile {
    const o = this.get(s, id);
    return reportCsv(o.report!, o.reg.table.headers, this.host.now());
  }

  /** Stores the checked rows in one transaction with one `records.imported` event, then closes the import. */
  async commit(s: Session, id: string, choice: DuplicateChoice, onProgress?: ImportProgressFn): Promise<ImportResult> {
    const o = this.get(s, id);
    if (!CHOICES.includes(choice)) throw new AppError('INVALID_INPUT', 'Choose what to do with duplicates: skip, merge or keep both.', { details: { field: 'duplicates' } });
    if (!o.checked) throw new AppError('CONFLICT', 'The rows have not been checked yet; confirm the column mapping first.');
    o.busy = true;
    try {
      const now = this.host.now();
      const meter = new Meter(id, [o.abort.signal, s.abort.signal], onProgress);
      const plan = await planRecords(s, o.checked, o.reg.table, choice, now, meter);
      const file = fileDigest(o.fileName);
      const counts = { rows: o.checked.inputs.length, stored: plan.stored, skipped: plan.skipped, merged: plan.merged, invalid: o.checked.invalid };
      const meta = o.sample ? [] : [rememberRow(s, await loadMemory((v, k) => this.host.getMeta(v, k), s), o.signature, o.mapping, now.toISOString())];
      const event = importedEvent(id, file, o.sample ? 'sample' : o.reg.format, choice, o.sample, counts);
      const result = resultOf(id, file, o.sample, counts, now.toISOString());
      await storePlan({ s, plan, event, meta, meter, commit: (ss, d, b) => this.host.commit(ss, d, b, result.evidence) });
      this.drop(id);
      return result;
    } catch (e) {
      if ((e as AppError).code === 'AbortError') this.drop(id);
      throw e;
    } finally {
      o.busy = false;
    }
  }

  /** Cancels an import at any stage before its write begins; nothing of it is kept. Unknown ids are ignored. */
  cancel(id: string): void {
    this.drop(id);
  }

  /** Drops every open import (the vault is locking). */
  dropAll(): void {
    for (const id of [...this.aborts.keys()]) this.drop(id);
  }

  private drop(id: string): void {
    this.aborts.get(id)?.abort();
    this.aborts.delete(id);
    this.open.delete(id);
  }

  /**
   * Imports the synthetic sample register (every record marked sample). Refused with CONFLICT
   * when the vault already holds real records, so sample and real customers never mix.
   */
  async sample(s: Session, onProgress?: ImportProgressFn): Promise<ImportResult> {
    for (const r of s.records.all()) {
      if (!r.sample) throw new AppError('CONFLICT', 'Sample data can only be added to a vault without real customers. Create a separate vault for training.');
    }
    const id = randomId();
    const abort = this.track(id);
    try {
      const meter = new Meter(id, [abort.signal, s.abort.signal], onProgress);
      await this.start(s, id, abort, SAMPLE_FILE_NAME, sampleRegister(), true, meter);
    } catch (e) {
      this.drop(id);
      throw e;
    }
    return this.commit(s, id, 'skip', onProgress);
  }
}
