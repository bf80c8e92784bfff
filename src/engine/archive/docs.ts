/**
 * The archive's sealed meta entries (FORMATS.md, "Archive entries"), each a storage envelope
 * under the meta key with objectId = its key, written only in the transaction of the change
 * that produced it, with its audit events:
 *   custody-keys      the vault's custody keys (secret included) and the register of their copies
 *   archive-register  the bundle counter per year and the register of bundles and their copies
 *   retention-dates   the profile-level start dates of retention
 * A missing entry reads as empty; a newer version is refused; a damaged one is AUTH_FAILED.
 */
import { AppError } from '../../core/errors.ts';
import type { RetentionDates } from '../../core/domain/retention/types.ts';
import type { MetaRow } from '../../store/db.ts';
import type { Session } from '../session.ts';
import type { BundleEntry, KeyCopy } from './types.ts';

export const KEYS_KEY = 'custody-keys';
export const REGISTER_KEY = 'archive-register';
export const DATES_KEY = 'retention-dates';
// FORMAT: never change; add a version
const DOC_VERSION = 1;

export interface StoredKey {
  id: string;
  label: string;
  year?: number;
  /** AGE-SECRET-KEY-1…; never leaves the worker except on a key sheet or in a key file. */
  identity: string;
  recipient: string;
  createdAt: string;
  createdBy: string;
  copies: KeyCopy[];
}

export interface KeysDoc {
  v: number;
  keys: StoredKey[];
}

export interface RegisterDoc {
  v: number;
  /** The last number used per year ("2026": 3 → ARC-2026-0003): never lowered, so never reused. */
  last: Record<string, number>;
  bundles: BundleEntry[];
}

export interface DatesDoc {
  v: number;
  dates: RetentionDates;
}

type GetMeta = (vaultId: string, key: string) => Promise<Uint8Array | undefined>;

async function read<T extends { v: number }>(get: GetMeta, s: Session, key: string, empty: T): Promise<T> {
  const blob = await get(s.vaultId, key);
  if (!blob) return empty;
  const doc = s.openJson<T>('meta', 'meta', key, blob);
  if (doc.v === DOC_VERSION) return doc;
  if (typeof doc.v === 'number' && doc.v > DOC_VERSION) {
    throw new AppError('UNSUPPORTED_VERSION', `The ${key} entry was saved by a newer version of Closeout (format ${doc.v}). Update Closeout.`, { details: { key } });
  }
  throw new AppError('AUTH_FAILED', `The ${key} entry is not in a format this app wrote.`, { details: { key } });
}

function row<T>(s: Session, key: string, doc: T): MetaRow {
  return { vaultId: s.vaultId, key, blob: s.sealJson('meta', 'meta', key, { ...doc, v: DOC_VERSION }) };
}

export const readKeys = (get: GetMeta, s: Session) => read<KeysDoc>(get, s, KEYS_KEY, { v: DOC_VERSION, keys: [] });
export const readRegister = (get: GetMeta, s: Session) => read<RegisterDoc>(get, s, REGISTER_KEY, { v: DOC_VERSION, last: {}, bundles: [] });
export const readDates = (get: GetMeta, s: Session) => read<DatesDoc>(get, s, DATES_KEY, { v: DOC_VERSION, dates: {} });

export const keysRow = (s: Session, doc: KeysDoc) => row(s, KEYS_KEY, doc);
export const registerRow = (s: Session, doc: RegisterDoc) => row(s, REGISTER_KEY, doc);
export const datesRow = (s: Session, doc: DatesDoc) => row(s, DATES_KEY, doc);

/** ARC-YYYY-NNNN for the `n`th bundle of `year` (four digits, more past 9,999). */
export function bundleNumber(year: number, n: number): string {
  return `ARC-${year}-${String(n).padStart(4, '0')}`;
}

/** The next number for `year` and the register doc that reserves it. */
export function nextNumber(doc: RegisterDoc, year: number): { number: string; last: Record<string, number> } {
  const n = (doc.last[String(year)] ?? 0) + 1;
  return { number: bundleNumber(year, n), last: { ...doc.last, [String(year)]: n } };
}
