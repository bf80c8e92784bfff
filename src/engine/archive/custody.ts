/**
 * Custody keys: age X25519 identities made in the vault, one per retention class or expiry year,
 * kept sealed in the `custody-keys` meta entry, and the register of their escrow copies (a
 * printed key sheet, a passphrase-protected key file, or another copy the user reports). Every
 * copy is registered in the transaction that hands it out, so the register lists every copy that
 * ever left the vault — what lets the firm prove, at the end, that each one was destroyed.
 */
import { AppError } from '../../core/errors.ts';
import { randomId } from '../../core/crypto/random.ts';
import { generateIdentity } from '../../core/formats/age.ts';
import { identityFileText, protectIdentity } from '../../core/formats/age-key-file.ts';
import type { EventDraft } from '../audit.ts';
import type { KeysDoc, RegisterDoc, StoredKey } from './docs.ts';
import type { CopyInput, CustodyKeyInfo, KeyCopy, KeyCopyKind, KeySheet } from './types.ts';

const MAX_TEXT = 200;

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: { field } });
}

/** The label of a new key: an expiry year (2026–2200) or a retention class name. INVALID_INPUT or CONFLICT (already in the vault). */
export function keyLabel(doc: KeysDoc, input: { year?: number; name?: string }): { label: string; year?: number } {
  let label: string;
  let year: number | undefined;
  if (input?.year !== undefined) {
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2200) throw invalid('year', 'Enter an expiry year between 2000 and 2200.');
    year = input.year;
    label = String(year);
  } else {
    label = typeof input?.name === 'string' ? input.name.trim() : '';
    if (!label || label.length > 80) throw invalid('name', 'Name the retention class in 1–80 characters, or give an expiry year.');
  }
  const clash = doc.keys.find((k) => k.label.toLowerCase() === label.toLowerCase());
  if (clash) throw new AppError('CONFLICT', `This vault already has a custody key for ${label}.`, { details: { field: year !== undefined ? 'year' : 'name', keyId: clash.id } });
  return year !== undefined ? { label, year } : { label };
}

/** A new custody key, the doc with it, and its event. */
export async function planCreate(doc: KeysDoc, input: { year?: number; name?: string }, at: string, by: string): Promise<{ key: StoredKey; doc: KeysDoc; drafts: EventDraft[] }> {
  const { label, year } = keyLabel(doc, input);
  const { identity, recipient } = await generateIdentity();
  const key: StoredKey = { id: randomId(), label, identity, recipient, createdAt: at, createdBy: by, copies: [] };
  if (year !== undefined) key.year = year;
  const data: Record<string, number> = year !== undefined ? { year } : {};
  return { key, doc: { ...doc, keys: [...doc.keys, key] }, drafts: [{ action: 'custody-key.created', subjects: [key.id], data }] };
}

export function keyOf(doc: KeysDoc, id: string): StoredKey {
  const k = doc.keys.find((x) => x.id === id);
  if (!k) throw new AppError('NOT_FOUND', 'That custody key is not in this vault.', { details: { field: 'keyId' } });
  return k;
}

function checkCopy(c: CopyInput): { location: string; holder: string } {
  const location = typeof c?.location === 'string' ? c.location.trim() : '';
  const holder = typeof c?.holder === 'string' ? c.holder.trim() : '';
  if (!location || location.length > MAX_TEXT) throw invalid('location', 'Say where the copy is kept (1–200 characters).');
  if (!holder || holder.length > MAX_TEXT) throw invalid('holder', 'Say who holds the copy (1–200 characters).');
  return { location, holder };
}

/** The doc with a copy of key `id` registered, the copy and its event. */
export function planCopy(doc: KeysDoc, id: string, kind: KeyCopyKind, input: CopyInput, at: string, by: string): { doc: KeysDoc; copy: KeyCopy; key: StoredKey; drafts: EventDraft[] } {
  const key = keyOf(doc, id);
  const copy: KeyCopy = { id: randomId(), kind, ...checkCopy(input), at, by };
  const next = { ...key, copies: [...key.copies, copy] };
  return {
    doc: { ...doc, keys: doc.keys.map((k) => (k.id === id ? next : k)) },
    copy,
    key: next,
    drafts: [{ action: 'custody-key.copy-registered', subjects: [id, copy.id], data: { kind } }],
  };
}

/** The sheet's contents for a key and its registered copy. */
export function sheetOf(key: StoredKey, vaultLabel: string, copy: KeyCopy): KeySheet {
  return {
    label: key.label,
    vaultLabel,
    recipient: key.recipient,
    identity: key.identity,
    identityFile: identityFileText({ identity: key.identity, recipient: key.recipient }, key.createdAt),
    createdAt: key.createdAt,
    copy,
  };
}

/** The passphrase-protected key file text (armored age, scrypt): `age -d -i FILE` opens it after asking the passphrase. */
export async function keyFileText(key: StoredKey, passphrase: string, scryptLogN?: number): Promise<string> {
  if (typeof passphrase !== 'string' || passphrase.length < 8) throw invalid('passphrase', 'Choose a passphrase of at least 8 characters for the key file.');
  return protectIdentity(key.identity, passphrase, scryptLogN);
}

/** What the UI may see of the keys: never the secret; with the bundles encrypted to each. */
export function keyInfos(doc: KeysDoc, register: RegisterDoc): CustodyKeyInfo[] {
  return doc.keys.map((k) => {
    const info: CustodyKeyInfo = {
      id: k.id,
      label: k.label,
      recipient: k.recipient,
      createdAt: k.createdAt,
      createdBy: k.createdBy,
      copies: k.copies,
      bundles: register.bundles.filter((b) => b.recipients.some((r) => r.kind === 'custody' && r.keyId === k.id)).map((b) => b.number),
    };
    if (k.year !== undefined) info.year = k.year;
    return info;
  });
}
