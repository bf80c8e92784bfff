/**
 * The checklist use cases of an unlocked vault: profile, item states, evidence attachments and
 * ticks from actions. The engine delegates to it (and serialises the mutations); each change
 * lands with its audit events in one transaction through the engine's `commit`. Nothing
 * decrypted is kept between calls, so there is nothing to drop on lock.
 */
import type { MetaRow } from '../../store/db.ts';
import type { VaultStore, WriteBatch } from '../../store/vault-store.ts';
import type { EventDraft } from '../audit.ts';
import type { Session } from '../session.ts';
import { attachmentOf, planAttach, planDetach } from './attachments.ts';
import { THUMB_CHUNK, openChunks, openThumb } from './chunks.ts';
import { loadChecklist, profileRow, rules, snapshotOf, stateRow, type Loaded } from './doc.ts';
import { planItem } from './item-update.ts';
import { planProfile } from './profile-change.ts';
import { browserThumbnail, type Thumbnailer } from './thumbnail.ts';
import { planTick } from './ticks.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type ActionEvidence, type AttachmentFile, type AttachmentInfo, type ChecklistLimits, type ChecklistSnapshot, type ItemPatch } from './types.ts';

/** What the engine lends the checklist: its store, its one-transaction commit, its clock, the operators' names. */
export interface ChecklistHost {
  store(): VaultStore;
  commit(s: Session, drafts: EventDraft[], batch: WriteBatch): Promise<void>;
  now(): Date;
  operators(): Promise<string[]>;
  thumbnail?: Thumbnailer;
}

export class ChecklistService {
  constructor(private readonly host: ChecklistHost) {}

  limits(): ChecklistLimits {
    return { maxBytes: MAX_ATTACHMENT_BYTES, types: ATTACHMENT_TYPES };
  }

  private async load(s: Session): Promise<Loaded> {
    return loadChecklist(await rules(), (v, k) => this.host.store().getMeta(v, k), s);
  }

  async get(s: Session): Promise<ChecklistSnapshot> {
    return snapshotOf(await this.load(s));
  }

  /** Saves the profile and the regenerated states with a profile.changed event; unchanged → no write. */
  async setProfile(s: Session, input: unknown): Promise<ChecklistSnapshot> {
    const l = await this.load(s);
    const plan = planProfile(await rules(), l, input, s.actor, this.host.now().toISOString());
    if (!plan) return snapshotOf(l);
    await this.host.commit(s, plan.drafts, { meta: [profileRow(s, plan.profile), stateRow(s, plan.doc)] });
    return snapshotOf({ profile: plan.profile, doc: plan.doc });
  }

  async updateItem(s: Session, itemId: string, patch: ItemPatch): Promise<ChecklistSnapshot> {
    const l = await this.load(s);
    const plan = planItem(l.doc, itemId, patch ?? {}, await this.host.operators(), s.actor, this.host.now().toISOString());
    if (!plan) return snapshotOf(l);
    await this.host.commit(s, plan.drafts, { meta: [stateRow(s, plan.doc)] });
    return snapshotOf({ profile: l.profile, doc: plan.doc });
  }

  async attach(s: Session, itemId: string, file: Blob | Uint8Array, name: string): Promise<AttachmentInfo> {
    const l = await this.load(s);
    const plan = await planAttach(s, l.doc, itemId, file, name, this.host.now().toISOString(), this.host.thumbnail ?? browserThumbnail);
    await this.host.commit(s, plan.drafts, { meta: [stateRow(s, plan.doc)], attachments: plan.rows });
    const { chunks: _c, sha256: _h, ...info } = plan.meta;
    return info;
  }

  /** Decrypts an attachment for the page. TRUNCATED or AUTH_FAILED when its chunks are damaged. */
  async file(s: Session, id: string): Promise<AttachmentFile> {
    const meta = attachmentOf((await this.load(s)).doc, id);
    const bytes = await openChunks(s, meta, await this.host.store().attachmentRows(s.vaultId, id, 0));
    return { name: meta.name, type: meta.type, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.type }) };
  }

  /** The attachment's thumbnail as a JPEG Blob, or null when it has none. */
  async thumbnail(s: Session, id: string): Promise<Blob | null> {
    const meta = attachmentOf((await this.load(s)).doc, id);
    if (!meta.thumb) return null;
    const [row] = await this.host.store().attachmentRows(s.vaultId, id, THUMB_CHUNK, THUMB_CHUNK);
    if (!row) return null;
    return new Blob([openThumb(s, id, row) as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
  }

  /** Overwrites the attachment's rows, then deletes them with the state change and its event. */
  async detach(s: Session, id: string): Promise<ChecklistSnapshot> {
    const l = await this.load(s);
    const plan = planDetach(l.doc, id);
    await this.host.store().overwriteAttachment(s.vaultId, id);
    await this.host.commit(s, plan.drafts, { meta: [stateRow(s, plan.doc)], deleteAttachments: [[s.vaultId, id]] });
    return snapshotOf({ profile: l.profile, doc: plan.doc });
  }

  /**
   * The rows and events that record an action as evidence, for the caller to write in the
   * action's own transaction. INVALID_INPUT for an unknown action or a bad ref or label.
   */
  async tick(s: Session, evidence: ActionEvidence): Promise<{ meta: MetaRow; drafts: EventDraft[]; ticked: string[] }> {
    const l = await this.load(s);
    const plan = planTick(await rules(), l.doc, evidence, s.actor, this.host.now().toISOString());
    return { meta: stateRow(s, plan.doc), drafts: plan.drafts, ticked: plan.ticked };
  }
}
