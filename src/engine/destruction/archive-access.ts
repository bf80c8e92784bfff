/**
 * What destruction needs of the archive (issue 6's register and custody keys), read through its
 * own sealed documents and helpers, so the archive service stays as it is: the register of
 * bundles and copies, the custody keys, the retention of each record, and the keys document
 * without an erased key.
 */
import type { FirmProfile } from '../../core/domain/checklists/index.ts';
import type { CustomerRecord } from '../../core/domain/record.ts';
import { underRetention } from '../../core/domain/retention/retention.ts';
import type { BundleFacts } from '../../core/domain/destruction/index.ts';
import type { MetaRow } from '../../store/db.ts';
import { PROFILE_KEY } from '../checklist/doc.ts';
import type { Session } from '../session.ts';
import { keysRow, readDates, readKeys, readRegister, type KeysDoc, type StoredKey } from '../archive/docs.ts';
import { localDate, retentionFor, type FateContext } from '../archive/fates.ts';
import type { BundleEntry } from '../archive/types.ts';

export type { BundleEntry, KeysDoc, StoredKey };
export { localDate };

type GetMeta = (vaultId: string, key: string) => Promise<Uint8Array | undefined>;

/** The retention context of the vault on `now`: the firm profile's scenarios and the start dates. */
export async function retentionContext(get: GetMeta, s: Session, now: Date): Promise<FateContext> {
  const blob = await get(s.vaultId, PROFILE_KEY);
  const profile = blob ? s.openJson<{ profile: FirmProfile }>('meta', 'meta', PROFILE_KEY, blob).profile : null;
  return { profile, scenarios: profile?.scenarios ?? [], dates: (await readDates(get, s)).dates, today: localDate(now), at: now.toISOString(), actor: s.actor };
}

/** True while a retention still binds the record. */
export function bound(s: Session, r: CustomerRecord, ctx: FateContext): boolean {
  return underRetention(retentionFor(s, r, ctx), ctx.today);
}

/** The bundles of the register. */
export async function bundles(get: GetMeta, s: Session): Promise<BundleEntry[]> {
  return (await readRegister(get, s)).bundles;
}

export function bundleFacts(b: BundleEntry): BundleFacts {
  return { number: b.number, createdAt: b.createdAt, recipientKinds: b.recipients.map((r) => r.kind) };
}

export const custodyKeys = (get: GetMeta, s: Session): Promise<KeysDoc> => readKeys(get, s);

/** The keys document without key `id` (its identity gone): the row that crypto-erases it. */
export function keysWithout(s: Session, doc: KeysDoc, id: string): MetaRow {
  return keysRow(s, { ...doc, keys: doc.keys.filter((k) => k.id !== id) });
}
