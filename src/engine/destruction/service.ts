/**
 * The destruction use cases of the engine: plan, approve and execute batches, record physical
 * destruction with photos, crypto-erase custody keys, export the signed destruction log, print
 * certificates, and end a vault's life. Loaded on first use; every change lands with its audit
 * events in one transaction through the engine's commit, and the engine serialises the calls.
 */
import { AppError, errorCode } from '../../core/errors.ts';
import { memzero } from '../../core/crypto/sodium.ts';
import type { RecordRef } from '../../core/formats/destruction-log.ts';
import { parseSlot, unwrapSlot, type KdfParams } from '../../core/formats/slot.ts';
import type { VaultStore, WriteBatch } from '../../store/vault-store.ts';
import type { EventDraft } from '../audit.ts';
import { openChunks, openThumb, THUMB_CHUNK } from '../checklist/chunks.ts';
import type { AttachmentMeta } from '../checklist/doc.ts';
import { browserThumbnail, type Thumbnailer } from '../checklist/thumbnail.ts';
import type { ActionEvidence, AttachmentFile } from '../checklist/types.ts';
import type { Session } from '../session.ts';
import type { SlotMeta } from '../vaults.ts';
import { bundles, custodyKeys, localDate, retentionContext } from './archive-access.ts';
import { erasureView, keyBatch, keyBundles, liveKey, planErase } from './erasure.ts';
import { checkToken, finalEntry, finalInfo, type FinalInput } from './end-of-life.ts';
import { batchesRow, readBatches, readEntries, readHead, readRefs, readRun, runRow, type BatchesDoc, type EntryDoc, type StoredBatch } from './docs.ts';
import { chunksOf, deleteChunks, finishRun, type RunHost } from './execute.ts';
import { runStatus } from './status.ts';
import { append, entryInfo, exportFiles, signer } from './log.ts';
import { checkPhysical, physicalEntry, sealPhotos } from './physical.ts';
import { assess, planBatch, planView, reasonOf, refused, text } from './plan.ts';
import type {
  ApproveInput,
  BatchInfo,
  CertificateData,
  DestructionOverview,
  EntryInfo,
  EraseInput,
  ErasureView,
  ExecuteProgress,
  FinalExport,
  ExecutionResult,
  LogExport,
  PhotoInput,
  PhysicalInput,
  PlanInput,
  PlanView,
  RunStatus,
  Scope,
} from './types.ts';

export interface DestructionHost {
  store(): VaultStore;
  now(): Date;
  commit(s: Session, drafts: EventDraft[], batch: WriteBatch): Promise<void>;
  commitWithEvidence(s: Session, drafts: EventDraft[], batch: WriteBatch, evidence: ActionEvidence): Promise<void>;
  /** KEK material of a passphrase for a slot's parameters (the engine's KDF provider). */
  derive(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array>;
  thumbnail?: Thumbnailer;
  /** Records per execution chunk (one transaction each); 100 unless tests need otherwise. */
  chunkSize?: number;
}

const LIST_LIMIT = 500;

export function batchInfo(b: StoredBatch): BatchInfo {
  const copiesDone = b.copies.every((c) => c.decision === 'keep' || c.entrySeq !== undefined);
  const electronicDone = b.state === 'executed' || (b.records.length === 0 && (b.state === 'approved' || b.kind === 'custody-key'));
  const info: BatchInfo = {
    id: b.id,
    number: b.number,
    kind: b.kind,
    createdAt: b.createdAt,
    createdBy: b.createdBy,
    scope: b.scope,
    records: b.records.length,
    customerNos: b.records.slice(0, LIST_LIMIT).map(([, no]) => no),
    copies: b.copies,
    state: b.state,
    entries: b.entries,
    complete: b.kind === 'custody-key' ? !!b.key?.erasedAt : electronicDone && copiesDone,
  };
  if (b.approval) info.approval = b.approval;
  if (b.executed) info.executed = b.executed;
  if (b.note) info.note = b.note;
  if (b.key) {
    info.key = { id: b.key.id, label: b.key.label, recipient: b.key.recipient };
    if (b.key.erasedAt) info.key.erasedAt = b.key.erasedAt;
  }
  return info;
}

export class DestructionService {
  constructor(readonly host: DestructionHost) {}

  readonly get = (v: string, k: string) => this.host.store().getMeta(v, k);

  private year(): number {
    return +localDate(this.host.now()).slice(0, 4);
  }

  async batchOf(s: Session, batchId: string): Promise<{ doc: BatchesDoc; batch: StoredBatch }> {
    const doc = await readBatches(this.get, s);
    const batch = doc.batches.find((b) => b.id === batchId);
    if (!batch) throw new AppError('NOT_FOUND', 'That destruction batch is not in this vault.', { details: { field: 'batchId' } });
    return { doc, batch };
  }

  /** Every entry of the log, as stored. */
  async entryDocs(s: Session): Promise<EntryDoc[]> {
    return readEntries(this.get, s, await readHead(this.get, s));
  }

  async overview(s: Session): Promise<DestructionOverview> {
    return { batches: (await readBatches(this.get, s)).batches.map(batchInfo), head: await readHead(this.get, s), running: await this.status(s), keyId: signer(s).keyId };
  }

  async plan(s: Session, scope?: Scope): Promise<PlanView> {
    return planView(s, scope, await retentionContext(this.get, s, this.host.now()), await bundles(this.get, s), await readBatches(this.get, s));
  }

  async createBatch(s: Session, input: PlanInput): Promise<BatchInfo> {
    const ctx = await retentionContext(this.get, s, this.host.now());
    const { batch, doc } = planBatch(s, input ?? {}, ctx, await bundles(this.get, s), await readBatches(this.get, s), this.year());
    await this.host.commit(s, [{ action: 'destruction.planned', subjects: [batch.id], data: { number: batch.number, records: batch.records.length, copies: batch.copies.length } }], { meta: [batchesRow(s, doc)] });
    return batchInfo(batch);
  }

  private async save(s: Session, doc: BatchesDoc, next: StoredBatch, drafts: EventDraft[], extra: WriteBatch = {}): Promise<BatchInfo> {
    const nextDoc = { ...doc, batches: doc.batches.map((b) => (b.id === next.id ? next : b)) };
    await this.host.commit(s, drafts, { ...extra, meta: [batchesRow(s, nextDoc), ...(extra.meta ?? [])] });
    return batchInfo(next);
  }

  /** Checks a second operator's passphrase against their own key slot; WRONG_PASSPHRASE otherwise. */
  private async secondOperator(s: Session, second: { slotId: string; passphrase: string }): Promise<{ slotId: string; label: string }> {
    if (second.slotId === s.slotId) throw new AppError('INVALID_INPUT', 'The second operator must be someone other than you, with their own passphrase.', { details: { field: 'second', reason: 'same-operator' } });
    const row = (await this.host.store().slotsOf(s.vaultId)).find((r) => r.id === second.slotId);
    if (!row) throw new AppError('NOT_FOUND', 'That operator’s key slot no longer exists.', { details: { field: 'second' } });
    const parsed = parseSlot(row.slot, row.id);
    if (parsed.kind !== 'passphrase' || !parsed.kdf) throw new AppError('INVALID_INPUT', 'The second operator confirms with a passphrase, not the recovery key.', { details: { field: 'second', reason: 'recovery-slot' } });
    if (typeof second.passphrase !== 'string' || !second.passphrase) throw new AppError('INVALID_INPUT', 'The second operator enters their passphrase.', { details: { field: 'second' } });
    const material = await this.host.derive(second.passphrase, parsed.salt, parsed.kdf);
    try {
      memzero(unwrapSlot(row.slot, material, s.vaultId, row.id));
    } catch (e) {
      if (errorCode(e) === 'AUTH_FAILED' || errorCode(e) === 'WRONG_PASSPHRASE') {
        throw new AppError('WRONG_PASSPHRASE', 'The second operator’s passphrase is incorrect. Ask them to type it again.', { details: { field: 'second' } });
      }
      throw e;
    } finally {
      memzero(material);
    }
    let label = `slot ${row.id.slice(0, 8)}`;
    try {
      label = s.openJson<SlotMeta>('meta', 'slot-meta', row.id, row.meta).label;
    } catch {
      // A damaged label still leaves the slot id on record.
    }
    return { slotId: row.id, label };
  }

  async approve(s: Session, batchId: string, input: ApproveInput): Promise<BatchInfo> {
    const { doc, batch } = await this.batchOf(s, batchId);
    if (batch.state !== 'planned') throw new AppError('CONFLICT', `${batch.number} is ${batch.state}, not waiting for approval.`, { details: { reason: 'NOT_PLANNED', state: batch.state } });
    const approver = text(input?.approver, 'approver', 'Name who approves the destruction');
    const second = input?.second ? await this.secondOperator(s, input.second) : undefined;
    const approval = { approver, at: this.host.now().toISOString(), by: s.actor, ...(second ? { second } : {}) };
    const subjects = [batch.id, ...(second ? [second.slotId] : [])];
    return this.save(s, doc, { ...batch, approval, state: 'approved' }, [{ action: 'destruction.approved', subjects, data: { number: batch.number, dual: !!second } }]);
  }

  async cancel(s: Session, batchId: string): Promise<BatchInfo> {
    const { doc, batch } = await this.batchOf(s, batchId);
    if (batch.state !== 'planned' && batch.state !== 'approved') throw new AppError('CONFLICT', `${batch.number} is ${batch.state} and can no longer be cancelled.`, { details: { reason: 'NOT_CANCELLABLE', state: batch.state } });
    return this.save(s, doc, { ...batch, state: 'cancelled' }, [{ action: 'destruction.cancelled', subjects: [batch.id], data: { number: batch.number } }]);
  }

  async status(s: Session): Promise<RunStatus | null> {
    return runStatus(this.get, s);
  }

  private runHost(): RunHost {
    return { ...this.host, store: () => this.host.store(), now: () => this.host.now(), readRefs: async (s: Session, n: number): Promise<RecordRef[]> => (await readRefs(this.get, s, n)).refs };
  }

  /**
   * Executes an approved batch, or completes an interrupted one; a batch executed already is
   * left as it is (`already`). CONFLICT naming customer numbers when a record became ineligible
   * (a hold, an edit after its archive) before the run started, or when another batch's run is
   * unfinished. A record that became ineligible while a run was interrupted is left out of it
   * (never deleted) and named in the entry, so a legal hold never leaves a run stuck.
   */
  async execute(s: Session, batchId: string, onProgress?: (p: ExecuteProgress) => void, signal?: AbortSignal): Promise<ExecutionResult> {
    const { doc, batch } = await this.batchOf(s, batchId);
    if (batch.state === 'executed' && batch.executed) return { ...batch.executed, already: true };
    if (batch.kind !== 'records') throw new AppError('CONFLICT', `${batch.number} erases a custody key; it has no records to delete.`, { details: { reason: 'NOT_RECORDS' } });
    if (batch.state === 'planned') throw new AppError('CONFLICT', `${batch.number} has not been approved yet.`, { details: { reason: 'NOT_APPROVED' } });
    if (batch.state === 'cancelled') throw new AppError('CONFLICT', `${batch.number} was cancelled.`, { details: { reason: 'CANCELLED' } });
    let run = await readRun(this.get, s);
    if (run && run.batchId !== batch.id) {
      const other = doc.batches.find((b) => b.id === run!.batchId)?.number ?? 'another batch';
      throw new AppError('CONFLICT', `The destruction of ${other} was interrupted; complete it first.`, { details: { reason: 'OTHER_RUN', batchId: run.batchId } });
    }
    const remaining = new Set((run ? run.chunks.flat() : batch.records.map(([id]) => id)).filter((id) => s.records.has(id)));
    const ctx = await retentionContext(this.get, s, this.host.now());
    const register = await bundles(this.get, s);
    const bad = [...remaining].flatMap((id) => {
      const r = s.records.get(id);
      const reason = reasonOf(s, r, batch.scope, ctx, register);
      return reason ? [{ r, reason }] : [];
    });
    if (bad.length && !run) throw refused(bad);
    if (bad.length && run) {
      const out = new Set(bad.map((x) => x.r.id));
      const skipped = [...(run.skipped ?? []), ...bad.map((x) => ({ id: x.r.id, customerNo: x.r.customerNo, reason: x.reason }))];
      const { v: _v, ...rest } = run;
      const next = { ...rest, chunks: run.chunks.map((c) => c.filter((id) => !out.has(id))).filter((c) => c.length), total: run.total - bad.length, skipped };
      await this.host.commit(s, [{ action: 'destruction.skipped', subjects: [batch.id], data: { number: batch.number, records: bad.length } }], { meta: [runRow(s, next)] });
      run = { v: 1, ...next };
    }
    let head = await readHead(this.get, s);
    if (!run) {
      if (!batch.records.length) throw new AppError('CONFLICT', `${batch.number} has no records to delete; record its physical entries instead.`, { details: { reason: 'NO_RECORDS' } });
      const fresh = { batchId: batch.id, chunks: chunksOf(s, remaining, this.host.chunkSize ?? 100), done: 0, deleted: 0, total: remaining.size, startedAt: this.host.now().toISOString(), emptyPacks: [] };
      const nextDoc = { ...doc, batches: doc.batches.map((b) => (b.id === batch.id ? { ...batch, state: 'executing' as const } : b)) };
      await this.host.commit(s, [{ action: 'destruction.started', subjects: [batch.id], data: { number: batch.number, records: fresh.total, chunks: fresh.chunks.length } }], {
        meta: [batchesRow(s, nextDoc), runRow(s, fresh)],
      });
      run = { v: 1, ...fresh };
    }
    const h = this.runHost();
    const sig = signal ? AbortSignal.any([signal, s.abort.signal]) : s.abort.signal;
    const ended = await deleteChunks(h, s, batch, run, sig, onProgress);
    const { doc: now, batch: current } = await this.batchOf(s, batchId);
    head = await readHead(this.get, s);
    return finishRun(h, s, now, current, ended, head, onProgress);
  }

  /** Records a physical destruction with its photos; ticks the checklist's destruction record. */
  async record(s: Session, input: PhysicalInput, photos?: PhotoInput[]): Promise<EntryInfo> {
    const now = this.host.now();
    const checked = checkPhysical(input, now);
    const { doc, batch } = input.kind === 'key-copy' ? await keyBatch(this.get, s, input.keyCopy?.keyId, this.year(), this.host.now().toISOString()) : await this.batchOf(s, input?.batchId);
    if (batch.state === 'planned' || batch.state === 'cancelled') {
      throw new AppError('CONFLICT', `${batch.number} is ${batch.state === 'planned' ? 'not approved yet' : 'cancelled'}; entries go on an approved batch.`, { details: { reason: batch.state === 'planned' ? 'NOT_APPROVED' : 'CANCELLED' } });
    }
    let bundlesOf: string[] = [];
    let next: StoredBatch = batch;
    if (input.kind === 'bundle-copy') {
      const c = batch.copies.find((x) => x.bundle === input.copy?.bundle && x.copyId === input.copy?.copyId);
      if (!c || c.decision !== 'destroy') throw new AppError('INVALID_INPUT', 'Choose a bundle copy this batch decided to destroy.', { details: { field: 'copy' } });
      if (c.entrySeq !== undefined) throw new AppError('CONFLICT', `That copy of ${c.bundle} was recorded destroyed in entry ${c.entrySeq}.`, { details: { reason: 'ALREADY_RECORDED', entry: c.entrySeq } });
      bundlesOf = [c.bundle];
    } else if (input.kind === 'key-copy') {
      const k = batch.key!;
      const key = await liveKey(this.get, s, k.id);
      if (!key.copies.some((c) => c.id === input.keyCopy?.copyId)) throw new AppError('INVALID_INPUT', 'Choose a registered copy of the custody key.', { details: { field: 'keyCopy' } });
      if (k.confirmed[input.keyCopy!.copyId] !== undefined) throw new AppError('CONFLICT', `That copy was recorded destroyed in entry ${k.confirmed[input.keyCopy!.copyId]}.`, { details: { reason: 'ALREADY_RECORDED' } });
      if (!checked.witnesses.length && !photos?.length) throw new AppError('INVALID_INPUT', 'A key copy’s destruction needs evidence: a witness or a photo.', { details: { field: 'witnesses', reason: 'NO_EVIDENCE' } });
      bundlesOf = await keyBundles(this.get, s, k.id);
    } else if (input.copy || input.keyCopy) {
      throw new AppError('INVALID_INPUT', 'Only bundle-copy and key-copy entries name a copy.', { details: { field: 'kind' } });
    }
    const at = now.toISOString();
    const sealed = await sealPhotos(s, photos, at, this.host.thumbnail ?? browserThumbnail);
    const head = await readHead(this.get, s);
    const entry = physicalEntry(input, checked, batch.number, bundlesOf, sealed.metas.map((m) => m.sha256));
    const details: EntryDoc['details'] = { batchId: batch.id, photos: sealed.metas, technique: checked.technique, medium: input.medium };
    if (input.accounting) details.accounting = true;
    if (input.kind === 'bundle-copy') details.copy = { bundle: input.copy!.bundle, copyId: input.copy!.copyId };
    if (input.kind === 'key-copy') details.keyCopy = { keyId: input.keyCopy!.keyId, copyId: input.keyCopy!.copyId };
    const appended = append(s, head, [{ input: entry, details }]);
    const seq = appended.seqs[0]!;
    next = { ...next, entries: [...next.entries, seq] };
    if (input.kind === 'bundle-copy') next.copies = next.copies.map((c) => (c.bundle === input.copy!.bundle && c.copyId === input.copy!.copyId ? { ...c, entrySeq: seq } : c));
    if (input.kind === 'key-copy') next.key = { ...next.key!, confirmed: { ...next.key!.confirmed, [input.keyCopy!.copyId]: seq } };
    const nextDoc = { ...doc, batches: doc.batches.some((b) => b.id === next.id) ? doc.batches.map((b) => (b.id === next.id ? next : b)) : [...doc.batches, next] };
    const evidence: ActionEvidence = { action: 'destruction.recorded', ref: `${batch.number}#${seq}`, label: `${batch.number} entry ${seq}: ${entry.kind}, ${entry.method.technique}, ${input.count}`, at };
    await this.host.commitWithEvidence(
      s,
      [{ action: 'destruction.recorded', subjects: [batch.id, ...sealed.metas.map((m) => m.id)], data: { number: batch.number, entry: seq, kind: entry.kind, category: entry.method.category, photos: sealed.metas.length } }],
      { meta: [batchesRow(s, nextDoc), ...appended.rows], attachments: sealed.rows },
      evidence,
    );
    return entryInfo({ v: 1, line: appended.lines[0]!, details });
  }

  async entries(s: Session, batchId?: string): Promise<EntryInfo[]> {
    const docs = await this.entryDocs(s);
    return docs.filter((d) => !batchId || d.details.batchId === batchId).map(entryInfo);
  }

  private async photoMeta(s: Session, id: string): Promise<AttachmentMeta> {
    for (const d of await this.entryDocs(s)) {
      const m = d.details.photos.find((p) => p.id === id);
      if (m) return { ...m, itemId: '' };
    }
    throw new AppError('NOT_FOUND', 'That photo is not in this vault’s destruction log.', { details: { field: 'photoId' } });
  }

  async photo(s: Session, id: string): Promise<AttachmentFile> {
    const meta = await this.photoMeta(s, id);
    const bytes = await openChunks(s, meta, await this.host.store().attachmentRows(s.vaultId, id, 0));
    return { name: meta.name, type: meta.type, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.type }) };
  }

  async thumbnail(s: Session, id: string): Promise<Blob | null> {
    const meta = await this.photoMeta(s, id);
    if (!meta.thumb) return null;
    const [row] = await this.host.store().attachmentRows(s.vaultId, id, THUMB_CHUNK, THUMB_CHUNK);
    return row ? new Blob([openThumb(s, id, row) as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }) : null;
  }

  /** The signed log of every entry, with a checkpoint; logged as destruction.log-exported. */
  async exportLog(s: Session): Promise<LogExport> {
    const docs = await this.entryDocs(s);
    const out = exportFiles(s, docs.map((d) => d.line), this.host.now().toISOString());
    await this.host.commit(s, [{ action: 'destruction.log-exported', data: { count: out.head.count, head: out.head.hash } }], {});
    return out;
  }

  /** What a certificate of batch `batchId` (or, with null, of the whole wind-down) shows. */
  async certificate(s: Session, batchId: string | null): Promise<CertificateData> {
    const doc = await readBatches(this.get, s);
    const batch = batchId === null ? null : (await this.batchOf(s, batchId)).batch;
    const head = await readHead(this.get, s);
    const entries = (await readEntries(this.get, s, head)).filter((d) => !batch || d.details.batchId === batch.id).map(entryInfo);
    return certificateOf(s, batch ? batchInfo(batch) : null, entries, head, doc, this.host.now().toISOString());
  }

  async erasureView(s: Session, keyId: string): Promise<ErasureView> {
    return erasureView(this.get, s, keyId, localDate(this.host.now()));
  }

  /** Crypto-erases custody key `keyId` (see erasure.ts); ticks the checklist's destruction record. */
  async erase(s: Session, keyId: string, input: EraseInput): Promise<EntryInfo> {
    const now = this.host.now();
    const p = await planErase(this.get, s, keyId, input, now, localDate(now), this.year());
    const evidence: ActionEvidence = { action: 'destruction.recorded', ref: `${p.number}#${p.seq}`, label: `${p.number} entry ${p.seq}: custody key erased`, at: now.toISOString() };
    await this.host.commitWithEvidence(s, p.drafts, { meta: p.meta }, evidence);
    return entryInfo({ v: 1, line: p.line, details: { batchId: p.batchId, photos: [] } });
  }

  private pending: { vaultId: string; token: string; base: string } | null = null;

  /**
   * Exports the final log of the vault (every entry plus the final "vault" entry, which is not
   * stored: the vault is about to go) and the certificate of the whole wind-down. CONFLICT
   * naming customer numbers while a record may not be destroyed (held, under retention, not
   * archived or transferred), or while a batch's run is unfinished.
   */
  async finalExport(s: Session, input: FinalInput = {}): Promise<FinalExport> {
    if (await readRun(this.get, s)) throw new AppError('CONFLICT', 'A destruction run is unfinished; complete it first.', { details: { reason: 'RUN_PENDING' } });
    const bad = await this.blockers(s);
    if (bad.length) throw refused(bad.sort((a, b) => (a.r.customerNo < b.r.customerNo ? -1 : 1)));
    const now = this.host.now();
    const time = now.toISOString();
    const doc = await readBatches(this.get, s);
    const head = await readHead(this.get, s);
    const docs = await readEntries(this.get, s, head);
    const slots = (await this.host.store().slotsOf(s.vaultId)).length;
    const keys = (await custodyKeys(this.get, s)).keys.length;
    const entry = finalEntry(s, { doc, year: this.year(), time, slots, custodyKeys: keys, input });
    const appended = append(s, head, [{ input: entry, details: { photos: [] } }]);
    const lines = [...docs.map((d) => d.line), appended.lines[0]!];
    const files = exportFiles(s, lines, time);
    const entries = [...docs.map(entryInfo), finalInfo(appended.lines[0]!)];
    const certificate = certificateOf(s, null, entries, files.head, doc, time);
    this.pending = { vaultId: s.vaultId, token: files.head.hash, base: head.hash };
    return { ...files, certificate, token: files.head.hash };
  }

  /** Deletes the vault: every key slot and row. Needs the token of this session's final export and the vault's label typed. */
  async destroyVault(s: Session, token: string, label: string): Promise<void> {
    checkToken(this.pending, s, token, (await readHead(this.get, s)).hash, label);
    await this.host.store().deleteVault(s.vaultId);
    this.pending = null;
  }

  /** Forgets what this session prepared (on lock). */
  close(): void {
    this.pending = null;
  }

  /** The records that are not yet destroyed and may not be: what blocks a vault's end of life. */
  async blockers(s: Session): Promise<ReturnType<typeof assess>['ineligible']> {
    const ctx = await retentionContext(this.get, s, this.host.now());
    const register = await bundles(this.get, s);
    const out: ReturnType<typeof assess>['ineligible'] = [];
    for (const r of s.records.all()) {
      const reason = reasonOf(s, r, { workingCopies: true }, ctx, register);
      if (reason) out.push({ r, reason });
    }
    return out;
  }
}

/** The certificate's data from its entries. */
export function certificateOf(s: Session, batch: BatchInfo | null, entries: EntryInfo[], head: { count: number; hash: string }, doc: BatchesDoc, at: string): CertificateData {
  const numbers = new Set(entries.map((e) => e.batch));
  const approvals = doc.batches.filter((b) => b.approval && (batch ? b.id === batch.id : numbers.has(b.number))).map((b) => ({ ...b.approval!, number: b.number }));
  return { batch, vaultLabel: s.label, entries, head, keyId: signer(s).keyId, generatedAt: at, accounting: entries.some((e) => e.accounting), approvals };
}

export { append };
