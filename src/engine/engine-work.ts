/**
 * The engine's working layer: importing registers and the wind-down checklist, with
 * `commitWithEvidence`, through which every action ticks the checklist in its own transaction.
 */
import type { WriteBatch } from '../store/vault-store.ts';
import type { EventDraft } from './audit.ts';
import type { Session } from './session.ts';
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

import { EngineCore } from './engine-core.ts';

export class EngineWork extends EngineCore {
  protected importsLoading: Promise<ImportManager> | null = null;
  protected importsNow: ImportManager | null = null;

  /** The import use cases, loaded on first use: papaparse and the normalisers stay out of the start-up chunk. */
  protected imports(): Promise<ImportManager> {
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

  protected readonly checklist = new ChecklistService({
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
  protected async commitWithEvidence(s: Session, drafts: EventDraft[], batch: WriteBatch, evidence?: ActionEvidence): Promise<void> {
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
  protected override dropFeatureState(): void {
    super.dropFeatureState();
    this.importsNow?.dropAll();
  }
}
