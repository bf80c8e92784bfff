import { errorCode } from '../../src/core/errors.ts';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { CloseoutDb } from '../../src/store/db.ts';
import { VaultStore } from '../../src/store/vault-store.ts';
import { Engine } from '../../src/engine/engine.ts';
import { fixedKdf, type KdfProvider } from '../../src/engine/kdf-provider.ts';
import type { RecordInput } from '../../src/core/domain/record.ts';

/** Cheap Argon2 parameters: the slot format is the same, only the cost differs. */
export const FAST = { ops: 1, memBytes: 64 * 1024 };

export function freshDb(name = 'closeout'): CloseoutDb {
  return new CloseoutDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

export function makeEngine(o: { db?: CloseoutDb; kdf?: KdfProvider; now?: () => Date } = {}) {
  const db = o.db ?? freshDb();
  const store = new VaultStore(db);
  const engine = new Engine({ store, kdf: o.kdf ?? fixedKdf(FAST), now: o.now });
  return { db, store, engine };
}

export const PASS = 'correct horse battery';

export function person(n: number, extra: Partial<RecordInput['fields']> = {}): RecordInput {
  return {
    kind: 'person',
    customerNo: `KH${String(n).padStart(6, '0')}`,
    fields: { name: `客户${n}`, idType: '居民身份证', idNumber: '110101198402248759', phone: '17408448891', ...extra },
  };
}

/** The error code `fn` throws, or undefined when it returns. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return errorCode(e);
  }
  return undefined;
}

/** The error code `p` rejects with, or undefined when it resolves. */
export async function rejectsWith(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return errorCode(e);
  }
  return undefined;
}

/** The error a promise rejects with: code, details and message; throws when it resolves. */
export async function failure(p: Promise<unknown>): Promise<{ code?: string; details?: Record<string, unknown>; message?: string }> {
  try {
    await p;
  } catch (e) {
    const o = e as { code?: string; details?: Record<string, unknown>; message?: string };
    return { code: o.code, details: o.details, message: o.message };
  }
  throw new Error('expected a rejection');
}

/** Every readable audit event of the open vault, oldest first. */
export async function auditEvents(engine: Engine, limit = 10_000) {
  const page = await engine.auditEvents(0, limit);
  return page.items.flatMap((e) => ('action' in e ? [e] : [])).reverse();
}
