/**
 * The repository the engine uses. It knows rows and transactions, nothing of keys or records:
 * every value it stores is already sealed. `write` applies a batch of changes to several tables
 * in one IndexedDB transaction, so a mutation and its audit event land together or not at all.
 */
import type { AttachmentRow, CloseoutDb, EventRow, MetaRow, PackRow, SlotRow, VaultRow } from './db.ts';
import { guardWrite } from './errors.ts';

export interface WriteBatch {
  vault?: VaultRow;
  slots?: SlotRow[];
  deleteSlots?: string[];
  packs?: PackRow[];
  deletePacks?: string[];
  events?: EventRow[];
  meta?: MetaRow[];
  deleteMeta?: [string, string][];
  attachments?: AttachmentRow[];
  /** [vaultId, attachment id]: every chunk and the thumbnail of that attachment. */
  deleteAttachments?: [string, string][];
}

/** The rows of one attachment with chunk in [from, to]; by default all, thumbnail (-1) included. */
function attachmentRange(db: CloseoutDb, vaultId: string, id: string, from = -Infinity, to = Infinity) {
  return db.attachments.where('[vaultId+id+chunk]').between([vaultId, id, from], [vaultId, id, to], true, true);
}

export class VaultStore {
  constructor(readonly db: CloseoutDb) {}

  listVaults(): Promise<VaultRow[]> {
    return this.db.vaults.orderBy('id').toArray();
  }

  getVault(id: string): Promise<VaultRow | undefined> {
    return this.db.vaults.get(id);
  }

  slotsOf(vaultId: string): Promise<SlotRow[]> {
    return this.db.slots.where('vaultId').equals(vaultId).toArray();
  }

  touchSlot(id: string, at: number): Promise<number> {
    return this.db.slots.update(id, { lastUsedAt: at });
  }

  packsOf(vaultId: string): Promise<PackRow[]> {
    return this.db.packs.where('vaultId').equals(vaultId).toArray();
  }

  getPack(id: string): Promise<PackRow | undefined> {
    return this.db.packs.get(id);
  }

  /** Events with seq in [from, to], in order. */
  events(vaultId: string, from = 1, to = Number.MAX_SAFE_INTEGER): Promise<EventRow[]> {
    return this.db.events.where('[vaultId+seq]').between([vaultId, from], [vaultId, to], true, true).toArray();
  }

  async getMeta(vaultId: string, key: string): Promise<Uint8Array | undefined> {
    return (await this.db.meta.get([vaultId, key]))?.blob;
  }

  /** Writes a meta entry on its own (used for the clear failed-unlock counter). */
  putMeta(row: MetaRow): Promise<unknown> {
    return guardWrite(() => this.db.meta.put(row));
  }

  /** The rows of one attachment with chunk in [from, to]: thumbnail (-1) first, then chunks in order. */
  attachmentRows(vaultId: string, id: string, from = -Infinity, to = Infinity): Promise<AttachmentRow[]> {
    return attachmentRange(this.db, vaultId, id, from, to).toArray();
  }

  /**
   * Overwrites every row of an attachment with zeros of the same length, in its own transaction,
   * so the ciphertext is replaced before the rows are deleted (deletion alone is logical; see
   * DESIGN §6). Returns the number of rows overwritten.
   */
  overwriteAttachment(vaultId: string, id: string): Promise<number> {
    const db = this.db;
    return guardWrite(() =>
      db.transaction('rw', db.attachments, async () => {
        const rows = await attachmentRange(db, vaultId, id).toArray();
        await db.attachments.bulkPut(rows.map((r) => ({ ...r, blob: new Uint8Array(r.blob.length) })));
        return rows.length;
      }),
    );
  }

  /** Applies the batch atomically. Throws STORAGE_FULL on quota errors, with nothing written. */
  write(b: WriteBatch): Promise<void> {
    const db = this.db;
    return guardWrite(() =>
      db.transaction('rw', [db.vaults, db.slots, db.packs, db.events, db.meta, db.attachments], async () => {
        if (b.vault) await db.vaults.put(b.vault);
        if (b.deleteSlots?.length) await db.slots.bulkDelete(b.deleteSlots);
        if (b.slots?.length) await db.slots.bulkPut(b.slots);
        if (b.deletePacks?.length) await db.packs.bulkDelete(b.deletePacks);
        if (b.packs?.length) await db.packs.bulkPut(b.packs);
        if (b.events?.length) await db.events.bulkAdd(b.events);
        if (b.deleteMeta?.length) await db.meta.bulkDelete(b.deleteMeta);
        if (b.meta?.length) await db.meta.bulkPut(b.meta);
        for (const [vaultId, id] of b.deleteAttachments ?? []) await attachmentRange(db, vaultId, id).delete();
        if (b.attachments?.length) await db.attachments.bulkPut(b.attachments);
      }),
    );
  }

  /** Removes a vault and every row that belongs to it, in one transaction. */
  deleteVault(vaultId: string): Promise<void> {
    const db = this.db;
    return guardWrite(() =>
      db.transaction('rw', [db.vaults, db.slots, db.packs, db.events, db.meta, db.attachments], async () => {
        await db.attachments.where('vaultId').equals(vaultId).delete();
        await db.slots.where('vaultId').equals(vaultId).delete();
        await db.packs.where('vaultId').equals(vaultId).delete();
        await db.events.where('[vaultId+seq]').between([vaultId, 0], [vaultId, Infinity]).delete();
        await db.meta.where('[vaultId+key]').between([vaultId, ''], [vaultId, '\uffff']).delete();
        await db.vaults.delete(vaultId);
      }),
    );
  }
}
