/**
 * The archive use cases of the engine: retention dates and fates, custody keys and their copies,
 * the register of bundles, exports, and bundles opened for restore. Loaded on first use (it
 * brings age, the bundle writer and the bundled regulations), so the worker that every start
 * loads stays small. Every change lands with its audit events in one transaction through the
 * engine's commit; the engine serialises the calls.
 */
import { AppError } from '../../core/errors.ts';
import { randomId } from '../../core/crypto/random.ts';
import { isRecipient } from '../../core/formats/age.ts';
import { keyIdHex, minisignKeyPair, publicKeyFile } from '../../core/formats/minisign.ts';
import { memzero } from '../../core/crypto/sodium.ts';
import type { FirmProfile } from '../../core/domain/checklists/index.ts';
import { isDate } from '../../core/domain/retention/retention.ts';
import { funnelOf } from '../../core/domain/retention/funnel.ts';
import type { FateChoice, FateFunnel, RetentionDates } from '../../core/domain/retention/types.ts';
import type { VaultStore, WriteBatch } from '../../store/vault-store.ts';
import type { EventDraft } from '../audit.ts';
import { PROFILE_KEY, loadChecklist, rules } from '../checklist/doc.ts';
import type { ActionEvidence } from '../checklist/types.ts';
import type { Session } from '../session.ts';
import type { Page } from '../types.ts';
import { settingsRow } from '../vaults.ts';
import { datesRow, keysRow, nextNumber, readDates, readKeys, readRegister, registerRow } from './docs.ts';
import { keyFileText, keyInfos, keyOf, planCopy, planCreate, sheetOf } from './custody.ts';
import { buildExport } from './export.ts';
import { fateItems, localDate, planHold, planSet, planSuggested, vaultFunnel, type FateContext, type Plan } from './fates.ts';
import { ageKeys, decryptBundle, previewOfBundle, previewPage, readBundleFile, verifyFile, type Decrypted } from './open.ts';
import {
  COPY_MEDIA,
  type ArchiveRegister,
  type BundleCopy,
  type BundleCopyInput,
  type BundleEntry,
  type BundleKey,
  type BundlePreview,
  type BundleRecipient,
  type CopyInput,
  type CustodyKeyInfo,
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
  type FateChangeResult,
  type FateFilter,
  type FateItem,
  type FateSuggestion,
  type KeyFile,
  type KeySheet,
  type PreviewRecord,
  type RetentionView,
  type VerifiedBundle,
} from './types.ts';
import type { BundleReport } from '../../core/formats/bundle.ts';

export interface ArchiveHost {
  store(): VaultStore;
  now(): Date;
  commit(s: Session, drafts: EventDraft[], batch: WriteBatch): Promise<void>;
  commitWithEvidence(s: Session, drafts: EventDraft[], batch: WriteBatch, evidence: ActionEvidence): Promise<void>;
  /** scrypt work factor of passphrase-protected bundles and key files (age's 18 unless tests need speed). */
  scryptLogN?: number;
}

interface OpenBundle {
  id: string;
  /** The file, until it is decrypted. */
  bytes: Uint8Array | null;
  report: BundleReport;
  sha256: string;
  size: number;
  decrypted: Decrypted | null;
}

const MAX_REASON = 200;

function invalid(field: string, message: string, reason?: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: reason ? { field, reason } : { field } });
}

export class ArchiveService {
  private opened: OpenBundle | null = null;
  private exporting: AbortController | null = null;

  constructor(private readonly host: ArchiveHost) {}

  private get = (v: string, k: string) => this.host.store().getMeta(v, k);

  private async profile(s: Session): Promise<FirmProfile | null> {
    const blob = await this.get(s.vaultId, PROFILE_KEY);
    return blob ? s.openJson<{ profile: FirmProfile }>('meta', 'meta', PROFILE_KEY, blob).profile : null;
  }

  private async context(s: Session): Promise<FateContext> {
    const now = this.host.now();
    const profile = await this.profile(s);
    return { profile, scenarios: profile?.scenarios ?? [], dates: (await readDates(this.get, s)).dates, today: localDate(now), at: now.toISOString(), actor: s.actor };
  }

  private async store<R extends object>(s: Session, plan: Plan<R>): Promise<R & { funnel: FateFunnel }> {
    if (plan.updates.length) {
      const staged = s.records.stage(plan.updates);
      await this.host.commit(s, plan.drafts, { packs: staged.rows });
      staged.commit();
    }
    return { ...plan.result, funnel: vaultFunnel(s) };
  }

  async retention(s: Session): Promise<RetentionView> {
    const c = await this.context(s);
    const v: RetentionView = { profile: !!c.profile, scenarios: c.scenarios, transferRoute: c.profile?.transferRoute ?? null, dates: c.dates };
    if (c.profile?.recipient) v.recipient = c.profile.recipient;
    return v;
  }

  /** Saves the profile-level start dates ('' or absent clears one). INVALID_INPUT names the field. */
  async setDates(s: Session, input: RetentionDates): Promise<RetentionView> {
    const prev = (await readDates(this.get, s)).dates;
    const dates: RetentionDates = {};
    const changed: string[] = [];
    for (const k of ['accountsClosed', 'fundLiquidated'] as const) {
      const v = typeof input?.[k] === 'string' ? input[k]!.trim() : '';
      if (v && !isDate(v)) throw invalid(k, 'Enter the date as YYYY-MM-DD.');
      if (v) dates[k] = v;
      if ((prev[k] ?? '') !== v) changed.push(k);
    }
    if (changed.length) await this.host.commit(s, [{ action: 'retention.dates-changed', data: { fields: changed.join(',') } }], { meta: [datesRow(s, { v: 1, dates })] });
    return this.retention(s);
  }

  funnel(s: Session): FateFunnel {
    return vaultFunnel(s);
  }

  async list(s: Session, f: FateFilter, offset?: number, limit?: number): Promise<Page<FateItem>> {
    return fateItems(s, f ?? {}, await this.context(s), offset, limit);
  }

  async suggest(s: Session, f: FateFilter, replace = false): Promise<FateSuggestion> {
    return planSuggested(s, f ?? {}, await this.context(s), replace).result;
  }

  async applySuggested(s: Session, f: FateFilter, replace = false): Promise<FateSuggestion & { funnel: FateFunnel }> {
    return this.store(s, planSuggested(s, f ?? {}, await this.context(s), replace));
  }

  async setFate(s: Session, f: FateFilter, choice: FateChoice): Promise<FateChangeResult> {
    if (!choice || !['keep', 'transfer', 'destroy', 'undecided'].includes(choice.kind)) throw invalid('fate', 'Choose keep, transfer, destroy or undecided.');
    if (choice.kind === 'transfer' && (typeof choice.recipient !== 'string' || !choice.recipient.trim() || choice.recipient.length > MAX_REASON)) {
      throw invalid('recipient', 'Name the recipient of the transfer (1–200 characters).');
    }
    return this.store(s, planSet(s, f ?? {}, choice, await this.context(s)));
  }

  /** Places a legal hold with `reason`, or releases holds with null. */
  async hold(s: Session, f: FateFilter, reason: string | null): Promise<FateChangeResult> {
    const r = reason === null ? null : typeof reason === 'string' ? reason.trim() : '';
    if (r !== null && (!r || r.length > MAX_REASON)) throw invalid('reason', 'Give the reason for the hold (1–200 characters), such as the case or order number.');
    return this.store(s, planHold(s, f ?? {}, r, await this.context(s)));
  }

  async keys(s: Session): Promise<CustodyKeyInfo[]> {
    return keyInfos(await readKeys(this.get, s), await readRegister(this.get, s));
  }

  async createKey(s: Session, input: { year?: number; name?: string }): Promise<CustodyKeyInfo> {
    const plan = await planCreate(await readKeys(this.get, s), input, this.host.now().toISOString(), s.actor);
    await this.host.commit(s, plan.drafts, { meta: [keysRow(s, plan.doc)] });
    return keyInfos(plan.doc, await readRegister(this.get, s)).find((k) => k.id === plan.key.id)!;
  }

  /** Registers a printed sheet as a copy of the key and returns what it shows (the secret included). */
  async sheet(s: Session, id: string, copy: CopyInput): Promise<KeySheet> {
    const plan = planCopy(await readKeys(this.get, s), id, 'sheet', copy, this.host.now().toISOString(), s.actor);
    await this.host.commit(s, plan.drafts, { meta: [keysRow(s, plan.doc)] });
    return sheetOf(plan.key, s.label, plan.copy);
  }

  /** Registers a passphrase-protected key file as a copy of the key and returns it. */
  async keyFile(s: Session, id: string, passphrase: string, copy: CopyInput): Promise<KeyFile> {
    const doc = await readKeys(this.get, s);
    const text = await keyFileText(keyOf(doc, id), passphrase, this.host.scryptLogN);
    const plan = planCopy(doc, id, 'key-file', copy, this.host.now().toISOString(), s.actor);
    await this.host.commit(s, plan.drafts, { meta: [keysRow(s, plan.doc)] });
    return { fileName: `custody-key-${plan.key.label.replace(/[^\w.-]+/g, '_')}.age`, text, copy: plan.copy };
  }

  async addKeyCopy(s: Session, id: string, copy: CopyInput): Promise<CustodyKeyInfo> {
    const plan = planCopy(await readKeys(this.get, s), id, 'other', copy, this.host.now().toISOString(), s.actor);
    await this.host.commit(s, plan.drafts, { meta: [keysRow(s, plan.doc)] });
    return keyInfos(plan.doc, await readRegister(this.get, s)).find((k) => k.id === id)!;
  }

  private signer(s: Session): { keyId: string; publicKeyFile: string } {
    const kp = minisignKeyPair(s.keys.signing);
    try {
      return { keyId: keyIdHex(kp.keyId), publicKeyFile: publicKeyFile(kp) };
    } finally {
      memzero(kp.secretKey);
    }
  }

  async register(s: Session): Promise<ArchiveRegister> {
    const reg = await readRegister(this.get, s);
    return { bundles: reg.bundles, next: nextNumber(reg, +localDate(this.host.now()).slice(0, 4)).number, signer: this.signer(s) };
  }

  /** The recipients of an export, from custody key ids and an extra public key; or the passphrase. */
  private async target(s: Session, o: ExportOptions): Promise<{ recipients: BundleRecipient[]; target: { recipients: string[] } | { passphrase: string; scryptLogN?: number } }> {
    const ids = Array.isArray(o?.keyIds) ? o.keyIds : [];
    const extra = typeof o?.extraRecipient === 'string' ? o.extraRecipient.trim() : '';
    const pass = typeof o?.passphrase === 'string' ? o.passphrase : '';
    if (pass && (ids.length || extra)) {
      throw invalid('passphrase', 'age cannot encrypt one file to a passphrase and to keys together. Choose custody keys or a passphrase.', 'passphrase-and-recipients');
    }
    if (pass) {
      if (pass.length < 8) throw invalid('passphrase', 'Choose a passphrase of at least 8 characters.');
      return { recipients: [{ kind: 'passphrase' }], target: { passphrase: pass, scryptLogN: this.host.scryptLogN } };
    }
    const doc = await readKeys(this.get, s);
    const recipients: BundleRecipient[] = [...new Set(ids)].map((id) => {
      const k = keyOf(doc, id);
      return { kind: 'custody', keyId: k.id, label: k.label, recipient: k.recipient };
    });
    if (extra) {
      if (!isRecipient(extra)) throw invalid('extraRecipient', 'This is not an age public key (age1…, 62 characters).', 'recipient');
      if (!recipients.some((r) => r.kind === 'custody' && r.recipient === extra)) recipients.push({ kind: 'extra', recipient: extra });
    }
    if (!recipients.length) throw invalid('keyIds', 'Choose at least one custody key, or a passphrase.', 'no-recipient');
    return { recipients, target: { recipients: recipients.map((r) => (r.kind === 'passphrase' ? '' : r.recipient)) } };
  }

  /**
   * Exports the vault as the next numbered bundle. The number, the register entry, the last
   * export date and the checklist ticks are written in one transaction after the bundle is
   * complete, so a failed or cancelled export uses no number and leaves no entry.
   */
  async export(s: Session, o: ExportOptions, onProgress?: (p: ExportProgress) => void): Promise<ExportResult> {
    const { recipients, target } = await this.target(s, o);
    const reg = await readRegister(this.get, s);
    const now = this.host.now();
    const createdAt = now.toISOString();
    const { number, last } = nextNumber(reg, +localDate(now).slice(0, 4));
    const ctl = new AbortController();
    this.exporting = ctl;
    let built;
    try {
      built = await buildExport({ s, store: this.host.store(), number, createdAt, target, signal: AbortSignal.any([ctl.signal, s.abort.signal]), onProgress });
    } finally {
      if (this.exporting === ctl) this.exporting = null;
    }
    const fates = funnelOf(s.records.all());
    const entry: BundleEntry = {
      number,
      createdAt,
      createdBy: s.actor,
      size: built.size,
      sha256: built.sha256,
      payloadSha256: built.manifest.payload.sha256,
      counts: built.manifest.counts,
      fates,
      recipients,
      copies: [],
    };
    const evidence: ActionEvidence = { action: 'archive.exported', ref: number, label: `${number}: ${built.manifest.counts.records} records, sha256 ${built.sha256.slice(0, 16)}…`, at: createdAt };
    const draft: EventDraft = {
      action: 'archive.exported',
      subjects: recipients.flatMap((r) => (r.kind === 'custody' ? [r.keyId] : [])),
      data: { number, records: entry.counts.records, attachments: entry.counts.attachments, bytes: entry.size, sha256: entry.sha256, recipients: recipients.length, passphrase: recipients[0]!.kind === 'passphrase' },
    };
    if (built.damagedEvents) draft.data!.damagedEvents = built.damagedEvents;
    const prev = s.settings;
    s.settings = { ...prev, lastExportAt: createdAt };
    try {
      await this.host.commitWithEvidence(s, [draft], { meta: [registerRow(s, { v: 1, last, bundles: [...reg.bundles, entry] }), settingsRow(s)] }, evidence);
    } catch (e) {
      s.settings = prev;
      throw e;
    }
    return { entry, fileName: `${number}.closeout`, blob: built.blob, ticked: await this.ticked(s, number), evidence, damagedEvents: built.damagedEvents };
  }

  /** Items that carry the export as evidence (what it ticked). */
  private async ticked(s: Session, ref: string): Promise<string[]> {
    try {
      const l = await loadChecklist(await rules(), this.get, s);
      return Object.entries(l.doc.states)
        .filter(([, st]) => st.evidence.some((e) => e.kind === 'action' && e.ref === ref))
        .map(([id]) => id)
        .sort();
    } catch {
      return [];
    }
  }

  cancelExport(): void {
    this.exporting?.abort();
  }

  async addBundleCopy(s: Session, number: string, input: BundleCopyInput): Promise<BundleEntry> {
    const reg = await readRegister(this.get, s);
    const entry = reg.bundles.find((b) => b.number === number);
    if (!entry) throw new AppError('NOT_FOUND', 'That bundle is not in this vault’s register.', { details: { field: 'number' } });
    if (!COPY_MEDIA.includes(input?.medium)) throw invalid('medium', 'Choose the medium of the copy.');
    const location = typeof input.location === 'string' ? input.location.trim() : '';
    const holder = typeof input.holder === 'string' ? input.holder.trim() : '';
    if (!location || location.length > MAX_REASON) throw invalid('location', 'Say where the copy is kept (1–200 characters).');
    if (!holder || holder.length > MAX_REASON) throw invalid('holder', 'Say who holds the copy (1–200 characters).');
    const copy: BundleCopy = { id: randomId(), medium: input.medium, location, holder, at: this.host.now().toISOString(), by: s.actor };
    const next: BundleEntry = { ...entry, copies: [...entry.copies, copy] };
    const bundles = reg.bundles.map((b) => (b.number === number ? next : b));
    await this.host.commit(s, [{ action: 'archive.copy-registered', subjects: [copy.id], data: { number, medium: copy.medium } }], { meta: [registerRow(s, { ...reg, bundles })] });
    return next;
  }

  /** Verifies a bundle file without any key and keeps it for decryption (one open bundle at a time). */
  async verify(s: Session | null, file: Blob | Uint8Array): Promise<VerifiedBundle> {
    this.opened = null;
    const bytes = await readBundleFile(file);
    const { report, sha256 } = await verifyFile(bytes);
    const id = randomId();
    this.opened = { id, bytes, report, sha256, size: bytes.length, decrypted: null };
    const m = report.manifest;
    let signedHere: boolean | null = null;
    let registered: boolean | null = null;
    let custodyKeyHere = false;
    if (s) {
      signedHere = this.signer(s).keyId === report.keyId;
      registered = (await readRegister(this.get, s)).bundles.some((b) => b.number === m.number && b.sha256 === sha256);
      const mine = new Set((await readKeys(this.get, s)).keys.map((k) => k.recipient));
      custodyKeyHere = m.payload.recipients.some((r) => mine.has(r));
    }
    return { openId: id, manifest: m, keyId: report.keyId, trustedComment: report.trustedComment, signedHere, registered, custodyKeyHere, passphrase: m.payload.recipients.includes('passphrase'), size: bytes.length, sha256 };
  }

  private openedAs(openId: string): OpenBundle {
    if (!this.opened || this.opened.id !== openId) throw new AppError('NOT_FOUND', 'That bundle is no longer open; choose the file again.', { details: { field: 'openId' } });
    return this.opened;
  }

  /** Decrypts the open bundle; with a vault open, logs archive.decrypted. Errors carry details.stage. */
  async decrypt(s: Session | null, openId: string, key: BundleKey): Promise<BundlePreview> {
    const o = this.openedAs(openId);
    if (!o.decrypted) {
      if (key?.kind === 'custody' && !s) throw new AppError('LOCKED', 'Unlock the vault whose custody keys the bundle is encrypted to.');
      const custody = s ? (await readKeys(this.get, s)).keys.map((k) => k.identity) : [];
      if (key?.kind === 'custody' && !custody.length) {
        throw new AppError('NO_MATCHING_KEY', 'This vault has no custody keys. Use a key file or the passphrase.', { details: { reason: 'no-custody-keys', stage: 'decrypt' } });
      }
      const keys = await ageKeys(key, () => custody);
      const d = await decryptBundle(o.bytes!, o.report, keys);
      if (s) await this.host.commit(s, [{ action: 'archive.decrypted', data: { number: d.number, key: key.kind, records: d.records.length, sha256: o.sha256 } }], {});
      o.decrypted = d;
      o.bytes = null;
    }
    return previewOfBundle(o.decrypted);
  }

  records(openId: string, offset?: number, limit?: number): Page<PreviewRecord> {
    const o = this.openedAs(openId);
    if (!o.decrypted) throw new AppError('INVALID_INPUT', 'Decrypt the bundle first.', { details: { reason: 'not-decrypted' } });
    return previewPage(o.decrypted, offset, limit);
  }

  /** Hands the decrypted records over for a restore; the bundle is no longer open. */
  take(openId: string): { decrypted: Decrypted; sha256: string; putBack: () => void } {
    const o = this.openedAs(openId);
    if (!o.decrypted) throw new AppError('INVALID_INPUT', 'Decrypt the bundle first.', { details: { reason: 'not-decrypted' } });
    this.opened = null;
    return { decrypted: o.decrypted, sha256: o.sha256, putBack: () => (this.opened ??= o) };
  }

  close(openId?: string): void {
    if (!openId || this.opened?.id === openId) this.opened = null;
  }
}
