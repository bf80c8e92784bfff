/**
 * An unlocked vault: its keys, its audit head and its decrypted record cache. Lives only in the
 * engine (the worker); `wipe` zeroes the keys and drops every decrypted object.
 */
import { fromUtf8, utf8 } from '../core/bytes.ts';
import { deriveSubkeys, wipeSubkeys, type Subkeys } from '../core/crypto/subkeys.ts';
import { memzero } from '../core/crypto/sodium.ts';
import { open, seal } from '../core/formats/envelope.ts';
import { RecordCache } from './record-cache.ts';
import type { VaultSettings } from './types.ts';

export type KeyName = 'records' | 'events' | 'meta' | 'attachments';

export class Session {
  readonly keys: Subkeys;
  readonly records = new RecordCache(this);
  readonly abort = new AbortController();
  head = { seq: 0, hash: '' };
  settings: VaultSettings = { autoLockMinutes: 5 };

  constructor(
    readonly vaultId: string,
    readonly label: string,
    readonly slotId: string,
    public actor: string,
    private readonly mk: Uint8Array,
  ) {
    this.keys = deriveSubkeys(mk);
  }

  /** The master key, for wrapping it into a new slot. Never returned across the worker boundary. */
  masterKey(): Uint8Array {
    return this.mk;
  }

  seal(key: KeyName, table: string, objectId: string, plain: Uint8Array): Uint8Array {
    return seal(this.keys[key], { vaultId: this.vaultId, table, objectId }, plain);
  }

  open(key: KeyName, table: string, objectId: string, env: Uint8Array): Uint8Array {
    return open(this.keys[key], { vaultId: this.vaultId, table, objectId }, env);
  }

  sealJson(key: KeyName, table: string, objectId: string, value: unknown): Uint8Array {
    return this.seal(key, table, objectId, utf8(JSON.stringify(value)));
  }

  openJson<T>(key: KeyName, table: string, objectId: string, env: Uint8Array): T {
    return JSON.parse(fromUtf8(this.open(key, table, objectId, env))) as T;
  }

  /** Aborts running work, zeroes the keys and drops decrypted data. */
  wipe(): void {
    this.abort.abort();
    wipeSubkeys(this.keys);
    memzero(this.mk);
    this.records.clear();
  }
}
