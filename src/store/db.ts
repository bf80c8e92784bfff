/**
 * The Dexie schema. Versions are append-only: never edit a shipped `version(n)`; add n+1 with
 * an upgrade, and a test in tests/unit/store/migrations.test.ts that seeds n and opens n+1.
 *
 * Only ids, vault ids and sequence numbers are stored in clear (plus a vault's label, which the
 * user chooses to show before unlock, and the count of failed unlocks). Everything else is an
 * envelope (src/core/formats/envelope.ts) or a key slot (src/core/formats/slot.ts).
 */
import Dexie, { type Table, type Transaction } from 'dexie';

export interface VaultRow {
  id: string;
  label: string;
  createdAt: string;
}

export interface SlotRow {
  id: string;
  vaultId: string;
  /** Key slot bytes (formats/slot.ts). */
  slot: Uint8Array;
  /** Envelope holding { label, createdAt } under the vault's meta key. */
  meta: Uint8Array;
  /** Used to try the most recent slot first at unlock; a time, no personal data. */
  lastUsedAt: number;
}

/** A pack: up to PACK_SIZE records sealed together, because IndexedDB's cost is per row. */
export interface PackRow {
  id: string;
  vaultId: string;
  /** Envelope of the pack's records. */
  blob: Uint8Array;
  /** Envelope of [record id, customer number] pairs: names the customers of a damaged pack. */
  index: Uint8Array;
}

export interface EventRow {
  vaultId: string;
  seq: number;
  blob: Uint8Array;
}

/**
 * One chunk of an evidence attachment: at most 1 MiB of the file sealed under the attachments
 * key, its associated data binding the attachment id, chunk number and chunk count. `chunk` -1
 * holds the sealed thumbnail of an image.
 */
export interface AttachmentRow {
  vaultId: string;
  id: string;
  chunk: number;
  blob: Uint8Array;
}

export interface MetaRow {
  vaultId: string;
  key: string;
  /** An envelope, except for keys listed in CLEAR_META_KEYS. */
  blob: Uint8Array;
}

/** Meta entries that must be written without the vault key, and so hold no personal data. */
export const CLEAR_META_KEYS = ['failed-unlocks'] as const;

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Moves rows from the previous version's shape; runs inside Dexie's upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every schema version ever shipped, oldest first. Append only. */
export const SCHEMA: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      vaults: 'id',
      slots: 'id, vaultId',
      packs: 'id, vaultId',
      events: '[vaultId+seq]',
      meta: '[vaultId+key]',
    },
  },
  {
    // Evidence attachments of checklist items, chunked; v1 rows are untouched.
    version: 2,
    stores: {
      attachments: '[vaultId+id+chunk], vaultId',
    },
  },
];

export class CloseoutDb extends Dexie {
  vaults!: Table<VaultRow, string>;
  slots!: Table<SlotRow, string>;
  packs!: Table<PackRow, string>;
  events!: Table<EventRow, [string, number]>;
  meta!: Table<MetaRow, [string, string]>;
  attachments!: Table<AttachmentRow, [string, string, number]>;

  /** `upTo` opens an older schema version; only the migration tests use it. */
  constructor(name = 'closeout', deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }, upTo = Infinity) {
    super(name, deps);
    for (const v of SCHEMA) {
      if (v.version > upTo) break;
      const ver = this.version(v.version).stores(v.stores);
      if (v.upgrade) ver.upgrade(v.upgrade);
    }
  }
}
