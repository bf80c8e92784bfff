/**
 * The engine: every use case of an unlocked or locked vault, over the store and core. One
 * instance runs in the engine worker (keys live only there) and, in Node, in unit tests and the
 * CLI. Mutations are serialised, and each lands with its audit event in one transaction.
 */
import { AppError } from '../core/errors.ts';
import { randomBytes, randomId } from '../core/crypto/random.ts';
import { ready } from '../core/crypto/sodium.ts';
import { passphraseMaterial } from '../core/crypto/kdf.ts';
import { parseSlot, unwrapSlot, type KdfParams } from '../core/formats/slot.ts';
import { cleanFields, validateRecord, type CustomerRecord, type RecordInput } from '../core/domain/record.ts';
import type { VaultStore, WriteBatch } from '../store/vault-store.ts';
import { auditPage, buildEvents, verifyAudit, type AuditEntry, type EventDraft } from './audit.ts';
import type { KdfProvider } from './kdf-provider.ts';
import { Session } from './session.ts';
import {
  failedUnlocks,
  FAILED_KEY,
  noteFailedUnlock,
  openSlot,
  passphraseSlotRow,
  recoverySlotRow,
  settingsRow,
  startSession,
  type Secret,
  type SlotMeta,
} from './vaults.ts';
import type {
  AuditVerification,
  Counts,
  CreatedVault,
  CreateVaultInput,
  Page,
  Progress,
  RecordListItem,
  RecordQuery,
  SessionInfo,
  SlotInfo,
  VaultSettings,
  VaultSummary,
} from './types.ts';
import type { ImportManager } from './import/imports.ts';
import {
  MAX_IMPORT_BYTES,
  type ColumnMapping,
  type DuplicateChoice,
  type ImportLimits,
  type ImportOptions,
  type ImportPreview,
  type ImportProgressFn,
  type ImportReport,
  type ImportResult,
  type ReportFile,
} from './import/types.ts';
import type { ActionName, FirmProfile } from '../core/domain/checklists/index.ts';
import { ChecklistService } from './checklist/service.ts';
import type { ActionEvidence, AttachmentFile, AttachmentInfo, ChecklistLimits, ChecklistSnapshot, ItemPatch } from './checklist/types.ts';
import { funnelOf } from '../core/domain/retention/funnel.ts';
import type { ArchiveService } from './archive/service.ts';
import type { DestructionService } from './destruction/service.ts';
import type {
  ApproveInput,
  BatchInfo,
  CertificateData,
  DestructionOverview,
  EntryInfo,
  EraseInput,
  ErasureView,
  ExecuteProgress,
  ExecutionResult,
  FinalExport,
  LogExport,
  PhotoInput,
  PhysicalInput,
  PlanInput,
  PlanView,
  RunStatus,
  Scope,
} from './destruction/types.ts';
import type {
  ArchiveRegister,
  BundleCopyInput,
  BundleEntry,
  BundleKey,
  BundlePreview,
  CopyInput,
  CustodyKeyInfo,
  ExportOptions,
  ExportProgress,
  ExportResult,
  FateChangeResult,
  FateChoice,
  FateFilter,
  FateFunnel,
  FateItem,
  FateSuggestion,
  KeyFile,
  KeySheet,
  PreviewRecord,
  RestoreInput,
  RestoreResult,
  RetentionDates,
  RetentionView,
  VerifiedBundle,
} from './archive/types.ts';

export interface EngineOptions {
  store: VaultStore;
  kdf: KdfProvider;
  now?: () => Date;
  /** scrypt work factor for passphrase-protected bundles and key files; age's 18 by default (tests lower it). */
  scryptLogN?: number;
  /** Records per destruction chunk (one transaction each); 100 by default (tests lower it). */
  destructionChunk?: number;
}

const MAX_LABEL = 80;

export class Engine {
  private session: Session | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private params: KdfParams | null = null;
  private readonly store: VaultStore;
  private readonly kdf: KdfProvider;
  private readonly now: () => Date;
  private readonly scryptLogN?: number;
  private readonly destructionChunk?: number;

  constructor(o: EngineOptions) {
    this.store = o.store;
    this.kdf = o.kdf;
    this.now = o.now ?? (() => new Date());
    this.scryptLogN = o.scryptLogN;
    this.destructionChunk = o.destructionChunk;
  }

  /** Runs mutations one at a time, so each event follows the head the previous one left. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private need(): Session {
    if (!this.session) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.session;
  }

  /** Writes `batch` plus the events, then moves the head. Nothing changes if the write fails. */
  private async commit(s: Session, drafts: EventDraft[], batch: WriteBatch = {}): Promise<void> {
    const ev = buildEvents(s, drafts, this.now());
    await this.store.write({ ...batch, events: [...(batch.events ?? []), ...ev.rows], meta: [...(batch.meta ?? []), ev.head] });
    ev.commit();
  }

  private async calibrated(): Promise<KdfParams> {
    this.params ??= await this.kdf.calibrate();
    return this.params;
  }

  private info(s: Session): SessionInfo {
    return { vaultId: s.vaultId, label: s.label, slotId: s.slotId, actor: s.actor, damaged: s.records.damaged, settings: { ...s.settings } };
  }

  async listVaults(): Promise<VaultSummary[]> {
    return (await this.store.listVaults()).map(({ id, label, createdAt }) => ({ id, label, createdAt }));
  }

  /** Creates a vault with an operator's passphrase slot and a recovery slot; leaves it unlocked. */
  createVault(input: CreateVaultInput): Promise<CreatedVault> {
    return this.serial(async () => {
      await ready();
      const label = input.label.trim();
      const operator = input.operator.trim();
      if (!label || label.length > MAX_LABEL) throw invalid('label', 'Give the vault a label of 1–80 characters.');
      if (!operator) throw invalid('operator', 'Enter the operator’s name.');
      if (input.passphrase.length < 8) throw invalid('passphrase', 'Choose a passphrase of at least 8 characters.');
      this.lockNow();
      const now = this.now();
      const vaultId = randomId();
      const mk = randomBytes(32);
      const s = new Session(vaultId, label, randomId(), '', mk);
      const metaKey = (slotId: string, m: SlotMeta) => s.sealJson('meta', 'slot-meta', slotId, m);
      const pass = await passphraseSlotRow(this.kdf, await this.calibrated(), { vaultId, slotId: s.slotId, passphrase: input.passphrase, label: operator, now, metaKey }, mk);
      const rec = await recoverySlotRow({ vaultId, now, metaKey }, mk);
      s.actor = operator;
      await this.commit(s, [{ action: 'vault.created', subjects: [pass.id, rec.row.id] }], {
        vault: { id: vaultId, label, createdAt: now.toISOString() },
        slots: [pass, rec.row],
        meta: [settingsRow(s)],
      });
      this.session = s;
      return { vaultId, recoveryKey: rec.text, session: this.info(s) };
    });
  }

  unlockWithPassphrase(vaultId: string, passphrase: string): Promise<SessionInfo> {
    return this.unlock(vaultId, { kind: 'passphrase', passphrase });
  }

  unlockWithRecoveryKey(vaultId: string, text: string): Promise<SessionInfo> {
    return this.unlock(vaultId, { kind: 'recovery', text });
  }

  private unlock(vaultId: string, secret: Secret): Promise<SessionInfo> {
    return this.serial(async () => {
      await ready();
      const vault = await this.store.getVault(vaultId);
      if (!vault) throw new AppError('NOT_FOUND', 'That vault no longer exists on this device.');
      this.lockNow();
      let opened;
      try {
        opened = await openSlot(this.store, this.kdf, vaultId, secret);
      } catch (e) {
        const code = (e as AppError).code;
        if (code === 'WRONG_PASSPHRASE' || code === 'WRONG_RECOVERY_KEY' || code === 'AUTH_FAILED') {
          await noteFailedUnlock(this.store, vaultId, secret.kind, this.now());
        }
        throw e;
      }
      const s = await startSession(this.store, vaultId, vault.label, opened.slot, opened.mk);
      const failed = await failedUnlocks(this.store, vaultId);
      const drafts: EventDraft[] = failed.map((f) => ({ action: 'vault.unlock-failed', data: { kind: f.kind }, time: f.at }));
      drafts.push({ action: 'vault.unlocked', subjects: [opened.slot.id], data: { kind: secret.kind } });
      await this.commit(s, drafts, failed.length ? { deleteMeta: [[vaultId, FAILED_KEY]] } : {});
      await this.store.touchSlot(opened.slot.id, this.now().getTime());
      this.session = s;
      return this.info(s);
    });
  }

  /** The open session, or null when locked. */
  async current(): Promise<SessionInfo | null> {
    return this.session ? this.info(this.session) : null;
  }

  /** Logs the lock, aborts running work, wipes keys and decrypted data. */
  lock(reason: 'manual' | 'idle' | 'hidden' = 'manual'): Promise<void> {
    const s = this.session;
    if (!s) return Promise.resolve();
    s.abort.abort();
    return this.serial(async () => {
      if (this.session !== s) return;
      try {
        await this.commit(s, [{ action: 'vault.locked', data: { reason } }]);
      } finally {
        this.lockNow();
      }
    });
  }

  private lockNow(): void {
    this.importsNow?.dropAll();
    this.archiveNow?.close();
    this.destructionNow?.close();
    this.session?.wipe();
    this.session = null;
  }

  async listSlots(): Promise<SlotInfo[]> {
    const s = this.need();
    return (await this.store.slotsOf(s.vaultId)).map((row) => {
      let meta: SlotMeta;
      try {
        meta = s.openJson<SlotMeta>('meta', 'slot-meta', row.id, row.meta);
      } catch {
        meta = { label: '?', createdAt: '', kind: 'passphrase' };
      }
      return { id: row.id, kind: meta.kind, label: meta.label, createdAt: meta.createdAt, current: row.id === s.slotId };
    });
  }

  /** Adds an operator: a passphrase slot for the same master key. */
  addOperator(label: string, passphrase: string): Promise<SlotInfo> {
    return this.serial(async () => {
      const s = this.need();
      if (!label.trim()) throw invalid('operator', 'Enter the operator’s name.');
      if (passphrase.length < 8) throw invalid('passphrase', 'Choose a passphrase of at least 8 characters.');
      const now = this.now();
      const slotId = randomId();
      const metaKey = (id: string, m: SlotMeta) => s.sealJson('meta', 'slot-meta', id, m);
      const row = await passphraseSlotRow(this.kdf, await this.calibrated(), { vaultId: s.vaultId, slotId, passphrase, label: label.trim(), now, metaKey }, s.masterKey());
      row.lastUsedAt = 0;
      await this.commit(s, [{ action: 'slot.added', subjects: [slotId], data: { kind: 'passphrase' } }], { slots: [row] });
      return { id: slotId, kind: 'passphrase', label: label.trim(), createdAt: now.toISOString(), current: false };
    });
  }

  /** Removes a key slot. The last slot of a vault cannot be removed (LAST_SLOT). */
  removeSlot(slotId: string): Promise<void> {
    return this.serial(async () => {
      const s = this.need();
      const rows = await this.store.slotsOf(s.vaultId);
      if (!rows.some((r) => r.id === slotId)) throw new AppError('NOT_FOUND', 'That key slot no longer exists.');
      if (rows.length <= 1) throw new AppError('LAST_SLOT', 'This is the vault’s last key slot; add another before removing it.');
      await this.commit(s, [{ action: 'slot.removed', subjects: [slotId] }], { deleteSlots: [slotId] });
    });
  }

  /** Re-wraps the current slot under a new passphrase, after checking the current one. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.serial(async () => {
      const s = this.need();
      if (next.length < 8) throw invalid('passphrase', 'Choose a passphrase of at least 8 characters.');
      const row = (await this.store.slotsOf(s.vaultId)).find((r) => r.id === s.slotId);
      if (!row) throw new AppError('NOT_FOUND', 'Your key slot no longer exists.');
      const parsed = parseSlot(row.slot, row.id);
      if (parsed.kind !== 'passphrase') throw invalid('passphrase', 'You unlocked with the recovery key; add an operator instead.');
      const material = await passphraseMaterial(current, parsed.salt, parsed.kdf!);
      unwrapSlot(row.slot, material, s.vaultId, row.id);
      const meta = s.openJson<SlotMeta>('meta', 'slot-meta', row.id, row.meta);
      const metaKey = (id: string, m: SlotMeta) => s.sealJson('meta', 'slot-meta', id, m);
      const fresh = await passphraseSlotRow(this.kdf, await this.calibrated(), { vaultId: s.vaultId, slotId: row.id, passphrase: next, label: meta.label, now: this.now(), metaKey }, s.masterKey());
      await this.commit(s, [{ action: 'slot.passphrase-changed', subjects: [row.id] }], { slots: [fresh] });
    });
  }

  async getSettings(): Promise<VaultSettings> {
    return { ...this.need().settings };
  }

  setSettings(next: VaultSettings): Promise<VaultSettings> {
    return this.serial(async () => {
      const s = this.need();
      const m = Math.round(next.autoLockMinutes);
      if (!(m >= 1 && m <= 120)) throw invalid('autoLockMinutes', 'Auto-lock must be between 1 and 120 minutes.');
      const prev = s.settings;
      s.settings = { ...prev, autoLockMinutes: m };
      // lastExportAt is set by exports, never from here.
      try {
        await this.commit(s, [{ action: 'settings.changed', data: { autoLockMinutes: m } }], { meta: [settingsRow(s)] });
      } catch (e) {
        s.settings = prev;
        throw e;
      }
      return { ...s.settings };
    });
  }

  createRecord(input: RecordInput): Promise<CustomerRecord> {
    return this.serial(async () => {
      const s = this.need();
      const r = this.newRecord(input);
      const staged = s.records.stage([r]);
      await this.commit(s, [{ action: 'record.created', subjects: [r.id] }], { packs: staged.rows });
      staged.commit();
      return r;
    });
  }

  private newRecord(input: RecordInput): CustomerRecord {
    const fields = cleanFields(input.fields);
    const problems = validateRecord({ ...input, customerNo: input.customerNo?.trim(), fields }, this.now());
    if (problems.length) {
      throw new AppError('INVALID_INPUT', `The record has ${problems.length} problem(s); correct the marked fields.`, { details: { problems } });
    }
    const t = this.now().toISOString();
    return { id: randomId(), kind: input.kind, customerNo: input.customerNo.trim(), fields, sample: input.sample || undefined, createdAt: t, updatedAt: t };
  }

  /**
   * Stores many records at once, in one transaction: all or nothing. `onProgress` is told how
   * many are sealed; `signal` (or locking) cancels with nothing stored.
   */
  createRecords(inputs: RecordInput[], onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<number> {
    return this.serial(async () => {
      const s = this.need();
      const records: CustomerRecord[] = [];
      for (let i = 0; i < inputs.length; i++) {
        if (signal?.aborted || s.abort.signal.aborted) throw new AppError('AbortError', 'Cancelled; nothing was stored.');
        records.push(this.newRecord(inputs[i]!));
        if (onProgress && i % 5000 === 4999) onProgress({ done: i + 1, total: inputs.length });
      }
      const staged = s.records.stage(records);
      if (signal?.aborted || s.abort.signal.aborted) throw new AppError('AbortError', 'Cancelled; nothing was stored.');
      await this.commit(s, [{ action: 'records.created', data: { count: records.length } }], { packs: staged.rows });
      staged.commit();
      onProgress?.({ done: inputs.length, total: inputs.length });
      return records.length;
    });
  }

  async getRecord(id: string): Promise<CustomerRecord> {
    return this.need().records.get(id);
  }

  updateRecord(id: string, input: RecordInput): Promise<CustomerRecord> {
    return this.serial(async () => {
      const s = this.need();
      const old = s.records.get(id);
      const fresh = this.newRecord(input);
      const r: CustomerRecord = { ...fresh, id, createdAt: old.createdAt };
      // An edit keeps what was decided about the record.
      if (old.fate) r.fate = old.fate;
      if (old.hold) r.hold = old.hold;
      const changed = new Set([...Object.keys(old.fields), ...Object.keys(r.fields)].filter((k) => old.fields[k as keyof typeof old.fields] !== r.fields[k as keyof typeof r.fields]));
      const staged = s.records.stage([r]);
      await this.commit(s, [{ action: 'record.updated', subjects: [id], data: { fields: [...changed].sort().join(',') } }], { packs: staged.rows });
      staged.commit();
      return r;
    });
  }

  deleteRecord(id: string): Promise<void> {
    return this.serial(async () => {
      const s = this.need();
      const staged = s.records.stage([], [id]);
      await this.commit(s, [{ action: 'record.deleted', subjects: [id] }], { packs: staged.rows, deletePacks: staged.deletes });
      staged.commit();
    });
  }

  async listRecords(q: RecordQuery = {}): Promise<Page<RecordListItem>> {
    return this.need().records.list(q);
  }

  async counts(): Promise<Counts> {
    return this.need().records.counts();
  }

  async auditEvents(offset = 0, limit = 50): Promise<Page<AuditEntry>> {
    return auditPage(this.store, this.need(), offset, limit);
  }

  async verifyAudit(): Promise<AuditVerification> {
    return verifyAudit(this.store, this.need());
  }

  private importsLoading: Promise<ImportManager> | null = null;
  private importsNow: ImportManager | null = null;

  /** The import use cases, loaded on first use: papaparse and the normalisers stay out of the start-up chunk. */
  private imports(): Promise<ImportManager> {
    this.importsLoading ??= import('./import/imports.ts').then(
      (m) =>
        (this.importsNow = new m.ImportManager({
          getMeta: (vaultId, key) => this.store.getMeta(vaultId, key),
          commit: (s, drafts, batch, evidence) => this.commitWithEvidence(s, drafts, batch, evidence),
          now: () => this.now(),
        })),
    );
    return this.importsLoading;
  }

  /** The largest file an import accepts, for the UI to state before a file is chosen. */
  async importLimits(): Promise<ImportLimits> {
    return { maxBytes: MAX_IMPORT_BYTES };
  }

  /** Reads a register (CSV or XLSX), proposes a mapping and checks every row; stores nothing. INVALID_INPUT with `details.reason` for a bad file. */
  async importPrepare(file: Blob | Uint8Array, fileName: string, opts: ImportOptions = {}, onProgress?: ImportProgressFn): Promise<ImportPreview> {
    return (await this.imports()).prepare(this.need(), file, fileName, opts, onProgress);
  }

  /** Replaces an open import's mapping with the confirmed one and checks every row again. */
  async importSetMapping(importId: string, mapping: ColumnMapping[], onProgress?: ImportProgressFn): Promise<ImportReport> {
    return (await this.imports()).setMapping(this.need(), importId, mapping, onProgress);
  }

  /** The open import's report, with problems from `offset` (at most `limit`, default 200). */
  async importReport(importId: string, offset?: number, limit?: number): Promise<ImportReport> {
    return (await this.imports()).report(this.need(), importId, offset, limit);
  }

  /** The report's problems as a CSV file (UTF-8 with BOM, masked values only). */
  async importReportCsv(importId: string): Promise<ReportFile> {
    return (await this.imports()).reportCsv(this.need(), importId);
  }

  /** Stores the checked rows, all or nothing, with one `records.imported` event. */
  importCommit(importId: string, choice: { duplicates: DuplicateChoice }, onProgress?: ImportProgressFn): Promise<ImportResult> {
    return this.serial(async () => (await this.imports()).commit(this.need(), importId, choice.duplicates, onProgress));
  }

  /** Cancels an open or running import; nothing of it is kept. */
  async importCancel(importId: string): Promise<void> {
    this.importsNow?.cancel(importId);
  }

  /** Imports the synthetic sample register into a vault without real customers (CONFLICT otherwise). */
  importSample(onProgress?: ImportProgressFn): Promise<ImportResult> {
    return this.serial(async () => (await this.imports()).sample(this.need(), onProgress));
  }

  private readonly checklist = new ChecklistService({
    store: () => this.store,
    commit: (s, drafts, batch) => this.commit(s, drafts, batch),
    now: () => this.now(),
    operators: async () => (await this.listSlots()).filter((x) => x.kind === 'passphrase').map((x) => x.label),
  });

  /** The largest evidence file and the accepted types, for the UI to state before a file is chosen. */
  async checklistLimits(): Promise<ChecklistLimits> {
    return this.checklist.limits();
  }

  /** The vault's firm profile (null until saved), item states, completions and evidence files. */
  async checklistGet(): Promise<ChecklistSnapshot> {
    return this.checklist.get(this.need());
  }

  /** Saves the firm profile and regenerates the checklist, keeping every item's state. INVALID_INPUT names the field (details.field, details.problems). */
  checklistSetProfile(profile: FirmProfile): Promise<ChecklistSnapshot> {
    return this.serial(async () => this.checklist.setProfile(this.need(), profile));
  }

  /** Changes an item's status, owner, due date or notes; completing it logs checklist.item-done. */
  checklistUpdateItem(itemId: string, patch: ItemPatch): Promise<ChecklistSnapshot> {
    return this.serial(async () => this.checklist.updateItem(this.need(), itemId, patch));
  }

  /** Attaches a photo or PDF (≤ 20 MiB) to an item, sealed in chunks. INVALID_INPUT with details.reason EMPTY, TOO_LARGE or WRONG_TYPE. */
  checklistAttach(itemId: string, file: Blob | Uint8Array, name: string): Promise<AttachmentInfo> {
    return this.serial(async () => this.checklist.attach(this.need(), itemId, file, name));
  }

  /** An attachment, decrypted, as a Blob; TRUNCATED or AUTH_FAILED when damaged. */
  async checklistAttachment(id: string): Promise<AttachmentFile> {
    return this.checklist.file(this.need(), id);
  }

  /** An image attachment's thumbnail (JPEG), or null. */
  async checklistThumbnail(id: string): Promise<Blob | null> {
    return this.checklist.thumbnail(this.need(), id);
  }

  /** Removes an attachment: its rows are overwritten, then deleted with the state change. */
  checklistDetach(id: string): Promise<ChecklistSnapshot> {
    return this.serial(async () => this.checklist.detach(this.need(), id));
  }

  /**
   * Records an action of the app as evidence on the checklist items it proves (ACTION_TICKS),
   * in a transaction of its own; returns the ids of the items ticked. Actions that commit
   * through the engine pass their evidence to `commitWithEvidence` instead, so the ticks land
   * in the action's own transaction.
   */
  applyEvidence(action: ActionName, ref: string, label: string): Promise<string[]> {
    return this.serial(async () => {
      const s = this.need();
      const t = await this.checklist.tick(s, { action, ref, label, at: this.now().toISOString() });
      await this.commit(s, t.drafts, { meta: [t.meta] });
      return t.ticked;
    });
  }

  /** `commit` plus the checklist ticks of `evidence` in the same transaction. A damaged checklist never blocks the action: it is then committed without ticks. */
  private async commitWithEvidence(s: Session, drafts: EventDraft[], batch: WriteBatch, evidence?: ActionEvidence): Promise<void> {
    let tick: Awaited<ReturnType<ChecklistService['tick']>> | null = null;
    if (evidence) {
      try {
        tick = await this.checklist.tick(s, evidence);
      } catch {
        tick = null;
      }
    }
    if (!tick) return this.commit(s, drafts, batch);
    return this.commit(s, [...drafts, ...tick.drafts], { ...batch, meta: [...(batch.meta ?? []), tick.meta] });
  }

  private archiveLoading: Promise<ArchiveService> | null = null;
  private archiveNow: ArchiveService | null = null;

  /** The archive use cases, loaded on first use: age, the bundle writer and the regulations stay out of the start-up chunk. */
  private archive(): Promise<ArchiveService> {
    this.archiveLoading ??= import('./archive/service.ts').then(
      (m) =>
        (this.archiveNow = new m.ArchiveService({
          store: () => this.store,
          now: () => this.now(),
          commit: (s, drafts, batch) => this.commit(s, drafts, batch),
          commitWithEvidence: (s, drafts, batch, evidence) => this.commitWithEvidence(s, drafts, batch, evidence),
          scryptLogN: this.scryptLogN,
        })),
    );
    return this.archiveLoading;
  }

  /** The firm-profile facts retention depends on (scenarios, transfer route) and the profile-level start dates. */
  async retentionGet(): Promise<RetentionView> {
    const s = this.need();
    return (await this.archive()).retention(s);
  }

  /** Sets when the firm closed its customer accounts and when the fund was liquidated (YYYY-MM-DD, '' clears). INVALID_INPUT names the field. */
  retentionSetDates(dates: RetentionDates): Promise<RetentionView> {
    return this.serial(async () => (await this.archive()).setDates(this.need(), dates));
  }

  /** Records undecided, kept, transferred, destroyed and held (held wins over the fate); the five add up to the total. */
  async fateFunnel(): Promise<FateFunnel> {
    return funnelOf(this.need().records.all());
  }

  /** A page of the filter's records with their status, retention basis and date, and suggestion. */
  async fateList(filter: FateFilter = {}, offset = 0, limit = 50): Promise<Page<FateItem>> {
    const s = this.need();
    return (await this.archive()).list(s, filter, offset, limit);
  }

  /** What applying the suggestions to the filter's undecided records (all, with `replace`) would do; stores nothing. */
  async fateSuggest(filter: FateFilter = {}, replace = false): Promise<FateSuggestion> {
    const s = this.need();
    return (await this.archive()).suggest(s, filter, replace);
  }

  /** Stores the suggested fates, after the user confirmed what fateSuggest showed, with one fates.applied event. */
  fateApplySuggested(filter: FateFilter = {}, replace = false): Promise<FateSuggestion & { funnel: FateFunnel }> {
    return this.serial(async () => (await this.archive()).applySuggested(this.need(), filter, replace));
  }

  /** Sets a fate on the filter's records; a hold, a binding retention (destroy) or no recipient (transfer) skips a record. */
  fateSet(filter: FateFilter, choice: FateChoice): Promise<FateChangeResult> {
    return this.serial(async () => (await this.archive()).setFate(this.need(), filter, choice));
  }

  /** Places a legal hold with a reason on the filter's records: they cannot be destroyed while it stands. */
  holdSet(filter: FateFilter, reason: string): Promise<FateChangeResult> {
    return this.serial(async () => (await this.archive()).hold(this.need(), filter, reason));
  }

  /** Releases the holds of the filter's records. */
  holdRelease(filter: FateFilter): Promise<FateChangeResult> {
    return this.serial(async () => (await this.archive()).hold(this.need(), filter, null));
  }

  /** The vault's custody keys (never their secrets), with their registered copies and bundles. */
  async custodyKeys(): Promise<CustodyKeyInfo[]> {
    const s = this.need();
    return (await this.archive()).keys(s);
  }

  /** Makes a custody key for an expiry year or a named retention class. CONFLICT when the vault has one already. */
  custodyKeyCreate(input: { year?: number; name?: string }): Promise<CustodyKeyInfo> {
    return this.serial(async () => (await this.archive()).createKey(this.need(), input));
  }

  /** Registers a printed key sheet as a copy (where kept, who holds it) and returns its contents, secret included. */
  custodyKeySheet(keyId: string, copy: CopyInput): Promise<KeySheet> {
    return this.serial(async () => (await this.archive()).sheet(this.need(), keyId, copy));
  }

  /** Registers and returns a passphrase-protected key file (armored age, scrypt) of the key. */
  custodyKeyFile(keyId: string, passphrase: string, copy: CopyInput): Promise<KeyFile> {
    return this.serial(async () => (await this.archive()).keyFile(this.need(), keyId, passphrase, copy));
  }

  /** Registers another copy of a key made outside the app (a photocopied sheet, a copied file). */
  custodyKeyAddCopy(keyId: string, copy: CopyInput): Promise<CustodyKeyInfo> {
    return this.serial(async () => (await this.archive()).addKeyCopy(this.need(), keyId, copy));
  }

  /** The register of bundles with their copies, the next number, and the vault's signing key. */
  async archiveRegister(): Promise<ArchiveRegister> {
    const s = this.need();
    return (await this.archive()).register(s);
  }

  /**
   * Exports the vault as the next bundle ARC-YYYY-NNNN, streamed into a Blob in the worker;
   * registers it, sets the last export date and ticks the archive items, in one transaction.
   * INVALID_INPUT (details.field/reason) for bad recipients; AbortError when cancelled or locked.
   */
  archiveExport(options: ExportOptions, onProgress?: (p: ExportProgress) => void): Promise<ExportResult> {
    return this.serial(async () => (await this.archive()).export(this.need(), options, onProgress));
  }

  /** Cancels a running export; nothing of it is kept and its number stays free. */
  async archiveCancel(): Promise<void> {
    this.archiveNow?.cancelExport();
  }

  /** Registers a copy of a bundle: medium, where it is kept, who holds it. */
  archiveAddCopy(number: string, copy: BundleCopyInput): Promise<BundleEntry> {
    return this.serial(async () => (await this.archive()).addBundleCopy(this.need(), number, copy));
  }

  /**
   * Verifies a bundle file without any key (signature, manifest, payload hash) and keeps it open
   * for decryption. Errors carry details.stage and details.reason; nothing is stored.
   */
  async bundleVerify(file: Blob | Uint8Array): Promise<VerifiedBundle> {
    return (await this.archive()).verify(this.session, file);
  }

  /** Decrypts the open bundle with this vault's custody keys, a key file or a passphrase, and checks every record. */
  bundleDecrypt(openId: string, key: BundleKey): Promise<BundlePreview> {
    return this.serial(async () => (await this.archive()).decrypt(this.session, openId, key));
  }

  /** A page of the decrypted bundle's records, masked. */
  async bundleRecords(openId: string, offset = 0, limit = 50): Promise<Page<PreviewRecord>> {
    return (await this.archive()).records(openId, offset, limit);
  }

  /**
   * Creates a new vault (label, operator, passphrase; the current one is locked) and stores the
   * decrypted bundle's records in it with their fates and holds, all or nothing.
   */
  async bundleRestore(openId: string, vault: RestoreInput): Promise<RestoreResult> {
    const t = (await this.archive()).take(openId);
    let created: CreatedVault;
    try {
      created = await this.createVault(vault);
    } catch (e) {
      t.putBack();
      throw e;
    }
    return this.serial(async () => {
      const s = this.need();
      const { records, number } = t.decrypted;
      try {
        const staged = s.records.stage(records);
        await this.commit(s, [{ action: 'archive.restored', data: { number, records: records.length, sha256: t.sha256 } }], { packs: staged.rows });
        staged.commit();
      } catch (e) {
        this.lockNow();
        await this.store.deleteVault(s.vaultId).catch(() => undefined);
        throw e;
      }
      return { vault: { ...created, session: this.info(s) }, restored: records.length, number };
    });
  }

  /** Forgets the open bundle and what was decrypted of it. */
  async bundleClose(openId?: string): Promise<void> {
    this.archiveNow?.close(openId);
  }

  private destructionLoading: Promise<DestructionService> | null = null;
  private destructionNow: DestructionService | null = null;

  /** The destruction use cases, loaded on first use. */
  private destruction(): Promise<DestructionService> {
    this.destructionLoading ??= import('./destruction/service.ts').then(
      (m) =>
        (this.destructionNow = new m.DestructionService({
          store: () => this.store,
          now: () => this.now(),
          commit: (s, drafts, batch) => this.commit(s, drafts, batch),
          commitWithEvidence: (s, drafts, batch, evidence) => this.commitWithEvidence(s, drafts, batch, evidence),
          derive: (passphrase, salt, params) => this.kdf.derive(passphrase, salt, params),
          chunkSize: this.destructionChunk,
        })),
    );
    return this.destructionLoading;
  }

  /** Batches, the log's head, an interrupted run (executing its batch again completes it) and the signing key id. */
  async destructionOverview(): Promise<DestructionOverview> {
    const s = this.need();
    return (await this.destruction()).overview(s);
  }

  /** What a batch would take now: eligible records, ineligible ones with the reason, the bundles and copies that hold them. */
  async destructionPlan(scope?: Scope): Promise<PlanView> {
    const s = this.need();
    return (await this.destruction()).plan(s, scope);
  }

  /** Stores a planned batch DST-YYYY-NNNN. CONFLICT (details.reason INELIGIBLE, details.records) names records that may not be destroyed. */
  destructionCreateBatch(input: PlanInput): Promise<BatchInfo> {
    return this.serial(async () => (await this.destruction()).createBatch(this.need(), input));
  }

  /** Approves a planned batch: a named approver and, for dual control, a second operator's own passphrase (WRONG_PASSPHRASE). */
  destructionApprove(batchId: string, input: ApproveInput): Promise<BatchInfo> {
    return this.serial(async () => (await this.destruction()).approve(this.need(), batchId, input));
  }

  /** Cancels a batch that is planned or approved. */
  destructionCancel(batchId: string): Promise<BatchInfo> {
    return this.serial(async () => (await this.destruction()).cancel(this.need(), batchId));
  }

  /** Deletes an approved batch's records a chunk per transaction, checks every pack, logs the entry; again on an executed batch does nothing. */
  destructionExecute(batchId: string, onProgress?: (p: ExecuteProgress) => void): Promise<ExecutionResult> {
    return this.serial(async () => (await this.destruction()).execute(this.need(), batchId, onProgress));
  }

  /** The interrupted run, if any; asked at every unlock, so it reads the marker without loading the destruction use cases. */
  async destructionStatus(): Promise<RunStatus | null> {
    const s = this.need();
    const { runStatus } = await import('./destruction/status.ts');
    return runStatus((v, k) => this.store.getMeta(v, k), s);
  }

  /** Records a physical destruction (paper, media, a bundle copy, a key copy) with photos sealed as attachments. */
  destructionRecord(input: PhysicalInput, photos?: PhotoInput[]): Promise<EntryInfo> {
    return this.serial(async () => (await this.destruction()).record(this.need(), input, photos));
  }

  /** The log's entries, of one batch or all. */
  async destructionEntries(batchId?: string): Promise<EntryInfo[]> {
    const s = this.need();
    return (await this.destruction()).entries(s, batchId);
  }

  /** A photo of an entry, decrypted. */
  async destructionPhoto(id: string): Promise<AttachmentFile> {
    const s = this.need();
    return (await this.destruction()).photo(s, id);
  }

  /** A photo's thumbnail (JPEG), or null. */
  async destructionThumbnail(id: string): Promise<Blob | null> {
    const s = this.need();
    return (await this.destruction()).thumbnail(s, id);
  }

  /** destruction-log.jsonl with its checkpoint, the .minisig and the public key file. */
  destructionExportLog(): Promise<LogExport> {
    return this.serial(async () => (await this.destruction()).exportLog(this.need()));
  }

  /** What the certificate of a batch (or, with null, of the whole wind-down) shows. */
  async destructionCertificate(batchId: string | null): Promise<CertificateData> {
    const s = this.need();
    return (await this.destruction()).certificate(s, batchId);
  }

  /** A custody key on its way to crypto-erasure: its copies with their entries, the bundles it opens. */
  async custodyErasure(keyId: string): Promise<ErasureView> {
    const s = this.need();
    return (await this.destruction()).erasureView(s, keyId);
  }

  /** Crypto-erases a custody key. CONFLICT (UNDER_RETENTION, COPIES_PENDING) until its retention ended and every copy is recorded destroyed. */
  custodyKeyErase(keyId: string, input: EraseInput): Promise<EntryInfo> {
    return this.serial(async () => (await this.destruction()).erase(this.need(), keyId, input));
  }

  /** The final log (with the vault's final entry) and certificate, to save before vaultDestroy. */
  vaultFinalExport(input?: { witnesses?: string[]; place?: string }): Promise<FinalExport> {
    return this.serial(async () => (await this.destruction()).finalExport(this.need(), input));
  }

  /** Deletes the vault, every key slot and row, after vaultFinalExport (its token) and the label typed; locks. */
  vaultDestroy(token: string, label: string): Promise<void> {
    return this.serial(async () => {
      await (await this.destruction()).destroyVault(this.need(), token, label);
      this.lockNow();
    });
  }
}

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: { field } });
}
