/**
 * Vault creation and unlocking: key slots in, a Session out. Pure use cases over the store and
 * core; the Engine class composes them and owns the single session.
 */
import { AppError, errorCode } from '../core/errors.ts';
import { fromUtf8, utf8 } from '../core/bytes.ts';
import { newSalt, recoveryMaterial } from '../core/crypto/kdf.ts';
import { randomBytes, randomId } from '../core/crypto/random.ts';
import { memzero } from '../core/crypto/sodium.ts';
import { buildSlot, parseSlot, unwrapSlot, type KdfParams, type SlotKind } from '../core/formats/slot.ts';
import { decodeRecoveryKey, encodeRecoveryKey } from '../core/formats/recovery-key.ts';
import type { MetaRow, SlotRow } from '../store/db.ts';
import type { VaultStore } from '../store/vault-store.ts';
import { Session } from './session.ts';
import type { KdfProvider } from './kdf-provider.ts';

export const SETTINGS_KEY = 'settings';
export const FAILED_KEY = 'failed-unlocks';
export const RECOVERY_LABEL = 'recovery key';

export interface SlotMeta {
  label: string;
  createdAt: string;
  kind: SlotKind;
}

/** A passphrase slot row for `mk`: fresh salt, the device's calibrated parameters. */
export async function passphraseSlotRow(
  kdf: KdfProvider,
  params: KdfParams,
  o: { vaultId: string; slotId: string; passphrase: string; label: string; now: Date; metaKey: (slotId: string, meta: SlotMeta) => Uint8Array },
  mk: Uint8Array,
): Promise<SlotRow> {
  const salt = newSalt();
  const material = await kdf.derive(o.passphrase, salt, params);
  const slot = buildSlot({ kind: 'passphrase', kdf: params, salt, vaultId: o.vaultId, slotId: o.slotId }, material, mk);
  memzero(material);
  const meta = o.metaKey(o.slotId, { label: o.label, createdAt: o.now.toISOString(), kind: 'passphrase' });
  return { id: o.slotId, vaultId: o.vaultId, slot, meta, lastUsedAt: o.now.getTime() };
}

/** A recovery slot row and the recovery key text to show once. */
export async function recoverySlotRow(
  o: { vaultId: string; now: Date; metaKey: (slotId: string, meta: SlotMeta) => Uint8Array },
  mk: Uint8Array,
): Promise<{ row: SlotRow; text: string }> {
  const slotId = randomId();
  const key = randomBytes(32);
  const material = await recoveryMaterial(key);
  const slot = buildSlot({ kind: 'recovery', kdf: null, salt: null, vaultId: o.vaultId, slotId }, material, mk);
  const text = encodeRecoveryKey(key);
  memzero(material);
  memzero(key);
  const meta = o.metaKey(slotId, { label: RECOVERY_LABEL, createdAt: o.now.toISOString(), kind: 'recovery' });
  return { row: { id: slotId, vaultId: o.vaultId, slot, meta, lastUsedAt: 0 }, text };
}

export type Secret = { kind: 'passphrase'; passphrase: string } | { kind: 'recovery'; text: string };

/**
 * Finds the slot the secret opens, trying the most recently used first. Throws
 * WRONG_PASSPHRASE / WRONG_RECOVERY_KEY when none matches, AUTH_FAILED when every slot of
 * that kind is damaged, INVALID_INPUT (with the mistyped groups) for a malformed recovery key.
 */
export async function openSlot(
  store: VaultStore,
  kdf: KdfProvider,
  vaultId: string,
  secret: Secret,
): Promise<{ slot: SlotRow; mk: Uint8Array; damagedSlots: number }> {
  const rows = (await store.slotsOf(vaultId)).sort((a, b) => b.lastUsedAt - a.lastUsedAt);
  const recoveryKey = secret.kind === 'recovery' ? decodeRecoveryKey(secret.text) : null;
  const recovery = recoveryKey ? await recoveryMaterial(recoveryKey) : null;
  if (recoveryKey) memzero(recoveryKey);
  let damaged = 0;
  let checked = 0;
  try {
    for (const row of rows) {
      let parsed;
      try {
        parsed = parseSlot(row.slot, row.id);
      } catch (e) {
        if (errorCode(e) === 'UNSUPPORTED_VERSION') throw e;
        damaged++;
        continue;
      }
      if (parsed.kind !== secret.kind) continue;
      const material =
        secret.kind === 'passphrase' ? await kdf.derive(secret.passphrase, parsed.salt, parsed.kdf!) : recovery!;
      try {
        const mk = unwrapSlot(row.slot, material, vaultId, row.id);
        return { slot: row, mk, damagedSlots: damaged };
      } catch (e) {
        if (errorCode(e) === 'AUTH_FAILED') damaged++;
        else checked++;
      } finally {
        if (material !== recovery) memzero(material);
      }
    }
  } finally {
    if (recovery) memzero(recovery);
  }
  if (!checked && damaged) {
    throw new AppError('AUTH_FAILED', 'The key slot is damaged. Open the vault with the recovery key or another operator’s passphrase.', { details: { damagedSlots: damaged } });
  }
  throw secret.kind === 'passphrase'
    ? new AppError('WRONG_PASSPHRASE', 'Passphrase incorrect. Check the keyboard layout and Caps Lock, then try again.', { details: { damagedSlots: damaged } })
    : new AppError('WRONG_RECOVERY_KEY', 'This recovery key does not open this vault. Check that the sheet belongs to this vault.', { details: { damagedSlots: damaged } });
}

/** Notes a failed unlock in clear (time and kind only) so the next unlock can log it. */
export async function noteFailedUnlock(store: VaultStore, vaultId: string, kind: SlotKind, now: Date): Promise<void> {
  const prev = await store.getMeta(vaultId, FAILED_KEY);
  const list: { at: string; kind: SlotKind }[] = prev ? JSON.parse(fromUtf8(prev)) : [];
  list.push({ at: now.toISOString(), kind });
  await store.putMeta({ vaultId, key: FAILED_KEY, blob: utf8(JSON.stringify(list.slice(-1000))) });
}

export async function failedUnlocks(store: VaultStore, vaultId: string): Promise<{ at: string; kind: SlotKind }[]> {
  const b = await store.getMeta(vaultId, FAILED_KEY);
  try {
    return b ? JSON.parse(fromUtf8(b)) : [];
  } catch {
    return [];
  }
}

/** Builds the session for an opened slot: label, head, settings (all sealed in meta). */
export async function startSession(store: VaultStore, vaultId: string, label: string, slot: SlotRow, mk: Uint8Array): Promise<Session> {
  const s = new Session(vaultId, label, slot.id, '', mk);
  try {
    s.actor = s.openJson<SlotMeta>('meta', 'slot-meta', slot.id, slot.meta).label;
  } catch {
    s.actor = `slot ${slot.id.slice(0, 8)}`;
  }
  const head = await store.getMeta(vaultId, 'audit-head');
  if (head) s.head = s.openJson('meta', 'meta', 'audit-head', head);
  const settings = await store.getMeta(vaultId, SETTINGS_KEY);
  if (settings) s.settings = { ...s.settings, ...s.openJson<object>('meta', 'meta', SETTINGS_KEY, settings) };
  s.records.load(await store.packsOf(vaultId));
  return s;
}

export function settingsRow(s: Session): MetaRow {
  return { vaultId: s.vaultId, key: SETTINGS_KEY, blob: s.sealJson('meta', 'meta', SETTINGS_KEY, s.settings) };
}
