/** An unlocked vault with records and a firm profile, for the archive engine tests. */
import type { FirmProfile } from '../../../src/core/domain/checklists/index.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { CloseoutDb } from '../../../src/store/db.ts';
import { FAST, freshDb, PASS, person } from '../helpers.ts';
import { VaultStore } from '../../../src/store/vault-store.ts';
import { Engine as EngineClass } from '../../../src/engine/engine.ts';
import { fixedKdf } from '../../../src/engine/kdf-provider.ts';

export { PASS };

/** A securities firm deregistering (SD), no transfer. */
export const SD: FirmProfile = {
  scenarios: ['SD'],
  firmName: '甲乙证券有限责任公司',
  euCustomers: false,
  paperRecords: false,
  processors: false,
  transferRoute: 'none',
  crossBorder: false,
  peopleCount: 10,
};

/** scrypt 2^10 keeps passphrase bundles and key files fast; the format is the same as with 2^18. */
export const SCRYPT = 10;

export function engineOn(db: CloseoutDb = freshDb(), now?: () => Date): { db: CloseoutDb; store: VaultStore; engine: Engine } {
  const store = new VaultStore(db);
  return { db, store, engine: new EngineClass({ store, kdf: fixedKdf(FAST), now, scryptLogN: SCRYPT }) };
}

/** A clock that can be moved. */
export function clock(iso = '2026-11-22T08:00:00.000Z') {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), set: (s: string) => (t = new Date(s).getTime()), add: (ms: number) => (t += ms) };
}

/** A vault with `n` records (KH000001…), an SD profile (unless `profile` is null) and the accounts closed on 2026-06-30. */
export async function vaultWithRecords(n = 5, o: { profile?: FirmProfile | null; now?: () => Date; db?: CloseoutDb } = {}) {
  const t = engineOn(o.db, o.now);
  const { vaultId } = await t.engine.createVault({ label: 'Case', operator: 'Li Wei', passphrase: PASS });
  if (n) await t.engine.createRecords(Array.from({ length: n }, (_, i) => person(i + 1)));
  const profile = o.profile === undefined ? SD : o.profile;
  if (profile) await t.engine.checklistSetProfile(profile);
  await t.engine.retentionSetDates({ accountsClosed: '2026-06-30' });
  return { ...t, vaultId };
}

/** Every row of every table, to show that a refused call changed nothing. */
export async function everything(db: CloseoutDb) {
  return {
    vaults: await db.vaults.toArray(),
    slots: await db.slots.toArray(),
    packs: await db.packs.toArray(),
    events: await db.events.toArray(),
    meta: await db.meta.toArray(),
    attachments: await db.attachments.toArray(),
  };
}

export { auditEvents as events, failure } from '../helpers.ts';


/** A Blob's bytes. */
export async function bytesOf(b: Blob): Promise<Uint8Array> {
  return new Uint8Array(await b.arrayBuffer());
}
