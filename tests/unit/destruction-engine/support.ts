/** Vaults with records, fates and bundles for the destruction engine tests. */
import type { FirmProfile } from '../../../src/core/domain/checklists/index.ts';
import { Engine } from '../../../src/engine/engine.ts';
import { fixedKdf } from '../../../src/engine/kdf-provider.ts';
import type { CloseoutDb } from '../../../src/store/db.ts';
import { VaultStore } from '../../../src/store/vault-store.ts';
import { fromUtf8 } from '../../../src/core/bytes.ts';
import { decodePack } from '../../../src/core/formats/pack.ts';
import type { Session } from '../../../src/engine/session.ts';
import { FAST, freshDb, PASS, person } from '../helpers.ts';
import { SD, SCRYPT, clock, everything, events, failure } from '../archive-engine/support.ts';

export { PASS, SD, clock, everything, events, failure, person };

/** Records per execution chunk in these tests: small, so a run has several. */
export const CHUNK = 3;

export function engineOn(db: CloseoutDb = freshDb(), now?: () => Date): { db: CloseoutDb; store: VaultStore; engine: Engine } {
  const store = new VaultStore(db);
  return { db, store, engine: new Engine({ store, kdf: fixedKdf(FAST), now, scryptLogN: SCRYPT, destructionChunk: CHUNK }) };
}

/**
 * A vault with `n` records KH000001…, the SD profile and the accounts closed on 2026-06-30: the
 * first `destroy` records ended their relationship in 1990 (their 20 years are over) and are
 * marked destroy; the rest are kept until 2046. Without a profile nothing binds and the first
 * `destroy` are simply marked destroy.
 */
export async function vaultWithFates(n: number, destroy: number, o: { now?: () => Date; db?: CloseoutDb; profile?: FirmProfile | null } = {}) {
  const t = engineOn(o.db, o.now);
  const { vaultId } = await t.engine.createVault({ label: 'Case', operator: 'Li Wei', passphrase: PASS });
  await t.engine.createRecords(Array.from({ length: n }, (_, i) => person(i + 1, i < destroy ? { relationshipEnd: '1990-06-30' } : {})));
  const all = (await t.engine.listRecords({ limit: 500 })).items;
  const byNo = new Map(all.map((r) => [r.customerNo, r.id]));
  const ids = Array.from({ length: n }, (_, i) => byNo.get(`KH${String(i + 1).padStart(6, '0')}`)!);
  const profile = o.profile === undefined ? SD : o.profile;
  if (profile) {
    await t.engine.checklistSetProfile(profile);
    await t.engine.retentionSetDates({ accountsClosed: '2026-06-30' });
    if (n > destroy) await t.engine.fateSet({ ids: ids.slice(destroy) }, { kind: 'keep' });
  }
  if (destroy) await t.engine.fateSet({ ids: ids.slice(0, destroy) }, { kind: 'destroy' });
  return { ...t, vaultId, ids };
}

/** Every record id in every pack row of the vault, each pack opened with the unlocked engine's records key. */
export async function recordsInPacks(db: CloseoutDb, engine: Engine): Promise<{ ids: string[]; packs: number }> {
  const s = (engine as unknown as { session: Session }).session;
  const rows = await db.packs.where('vaultId').equals(s.vaultId).toArray();
  const ids: string[] = [];
  for (const row of rows) ids.push(...decodePack(fromUtf8(s.open('records', 'packs', row.id, row.blob))).map((r) => r.id));
  return { ids, packs: rows.length };
}

/** A tiny PNG: the engine decides a photo's type from its first bytes. */
export function png(seed = 1): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  b.fill(seed, 8);
  return b;
}

/** A paper shredding entry on batch `batchId`. */
export function paper(batchId: string, extra: Record<string, unknown> = {}) {
  return {
    batchId,
    kind: 'paper' as const,
    medium: 'paper' as const,
    description: 'Account opening forms, boxes 1–3',
    count: 3,
    technique: 'cross-cut-shredding' as const,
    tool: 'HSM Securio B34 (P-5)',
    performer: 'Zhao Lei',
    witnesses: ['Qian Min'],
    place: 'Archive room, 5F',
    time: '2026-11-22T07:30:00.000Z',
    verification: 'shreds inspected: no legible fragment',
    ...extra,
  };
}
