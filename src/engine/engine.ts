/**
 * The engine: every use case of an unlocked or locked vault, over the store and core. One
 * instance runs in the engine worker (keys live only there) and, in Node, in unit tests and the
 * CLI. This layer adds retention and fates, custody keys, archive bundles and destruction to
 * EngineWork (import, checklist) and EngineCore (vaults, slots, records, audit log).
 */
import type { CreatedVault, Page } from './types.ts';
import type { AttachmentFile } from './checklist/types.ts';
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

import { EngineWork } from './engine-work.ts';

export type { EngineOptions } from './engine-core.ts';

export class Engine extends EngineWork {
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
  protected override dropFeatureState(): void {
    super.dropFeatureState();
    this.archiveNow?.close();
    this.destructionNow?.close();
  }
}
