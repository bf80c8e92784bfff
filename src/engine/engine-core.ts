/**
 * The engine's core: vaults, key slots, settings, records and the audit log, plus the helpers
 * every feature uses (`need`, `serial`, `commit`). Engine (engine.ts) adds the features on top,
 * in two layers so no file grows past a few hundred lines. Mutations are serialised, and each
 * lands with its audit event in one transaction.
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

export class EngineCore {
  protected session: Session | null = null;
  protected queue: Promise<unknown> = Promise.resolve();
  protected params: KdfParams | null = null;
  protected readonly store: VaultStore;
  protected readonly kdf: KdfProvider;
  protected readonly now: () => Date;
  protected readonly scryptLogN?: number;
  protected readonly destructionChunk?: number;

  constructor(o: EngineOptions) {
    this.store = o.store;
    this.kdf = o.kdf;
    this.now = o.now ?? (() => new Date());
    this.scryptLogN = o.scryptLogN;
    this.destructionChunk = o.destructionChunk;
  }

  /** Runs mutations one at a time, so each event follows the head the previous one left. */
  protected serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected need(): Session {
    if (!this.session) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.session;
  }

  /** Writes `batch` plus the events, then moves the head. Nothing changes if the write fails. */
  protected async commit(s: Session, drafts: EventDraft[], batch: WriteBatch = {}): Promise<void> {
    const ev = buildEvents(s, drafts, this.now());
    await this.store.write({ ...batch, events: [...(batch.events ?? []), ...ev.rows], meta: [...(batch.meta ?? []), ev.head] });
    ev.commit();
  }

  protected async calibrated(): Promise<KdfParams> {
    this.params ??= await this.kdf.calibrate();
    return this.params;
  }

  protected info(s: Session): SessionInfo {
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

  protected unlock(vaultId: string, secret: Secret): Promise<SessionInfo> {
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

  protected lockNow(): void {
    this.dropFeatureState();
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

  protected newRecord(input: RecordInput): CustomerRecord {
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

  /** Drops what features keep for an open vault; subclasses extend it. */
  protected dropFeatureState(): void {}
}

export function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: { field } });
}

