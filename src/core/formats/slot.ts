/**
 * Key slot v1: one way to open a vault. The vault master key (MK) wrapped under a key
 * encryption key (KEK) that comes from a passphrase (Argon2id) or a recovery key (crypto_kdf).
 *
 *   0..3     "COSL" magic            4 version (1)      5 0xFF ^ version
 *   6        kind: 1 passphrase, 2 recovery
 *   7        kdf: 0 none, 1 Argon2id v1.3
 *   8..11    Argon2 opslimit, u32 big-endian (0 for recovery)
 *   12..15   Argon2 memlimit in bytes, u32 big-endian (0 for recovery)
 *   16..31   salt (zeros for recovery)
 *   32..47   verifier: BLAKE2b-128 of the second half of the 64-byte KEK material
 *   48..71   nonce
 *   72..119  MK sealed with XChaCha20-Poly1305 under the first half of the KEK material;
 *            associated data "closeout/slot/v1" NUL vaultId NUL slotId NUL bytes 0..47
 *   120..135 checksum: BLAKE2b-128 of bytes 0..119
 *
 * Why a verifier: without it a wrong passphrase and a damaged slot both fail the same
 * decryption. It tells WRONG_PASSPHRASE from AUTH_FAILED and gives an attacker nothing the
 * wrapped key does not already give (both need the Argon2 output).
 * Why a checksum: a flipped salt or parameter byte would otherwise read as a wrong passphrase.
 */
import { AppError } from '../errors.ts';
import { concat, readU32be, u32be, utf8 } from '../bytes.ts';
import { aead, blake2b, equal } from '../crypto/sodium.ts';
import { randomBytes } from '../crypto/random.ts';

// FORMAT: never change; add a version
export const SLOT_MAGIC = utf8('COSL');
export const SLOT_VERSION = 1;
export const SLOT_BYTES = 136;
export const KEK_MATERIAL_BYTES = 64;

export type SlotKind = 'passphrase' | 'recovery';

export interface KdfParams {
  ops: number;
  /** Argon2id memory in bytes. */
  memBytes: number;
}

export interface ParsedSlot {
  kind: SlotKind;
  kdf: KdfParams | null;
  salt: Uint8Array;
  verifier: Uint8Array;
  nonce: Uint8Array;
  wrapped: Uint8Array;
}

function slotAd(vaultId: string, slotId: string, head: Uint8Array): Uint8Array {
  return concat(utf8(`closeout/slot/v${SLOT_VERSION}\0${vaultId}\0${slotId}\0`), head);
}

/**
 * Builds a slot wrapping `mk` under `material` (64 bytes from Argon2id or the recovery key).
 * `nonce` is for test vectors only.
 */
export function buildSlot(
  o: { kind: SlotKind; kdf: KdfParams | null; salt: Uint8Array | null; vaultId: string; slotId: string },
  material: Uint8Array,
  mk: Uint8Array,
  nonce: Uint8Array = randomBytes(24),
): Uint8Array {
  const head = new Uint8Array(48);
  head.set(SLOT_MAGIC, 0);
  head[4] = SLOT_VERSION;
  head[5] = 0xff ^ SLOT_VERSION;
  head[6] = o.kind === 'passphrase' ? 1 : 2;
  head[7] = o.kdf ? 1 : 0;
  head.set(u32be(o.kdf?.ops ?? 0), 8);
  head.set(u32be(o.kdf?.memBytes ?? 0), 12);
  if (o.salt) head.set(o.salt, 16);
  head.set(blake2b(16, material.subarray(32, 64)), 32);
  const wrapped = aead.encrypt(mk, slotAd(o.vaultId, o.slotId, head), nonce, material.subarray(0, 32));
  const body = concat(head, nonce, wrapped);
  return concat(body, blake2b(16, body));
}

/** Parses a slot. Throws TRUNCATED, AUTH_FAILED (damaged) or UNSUPPORTED_VERSION. */
export function parseSlot(b: Uint8Array, slotId = ''): ParsedSlot {
  const details = { table: 'slots', objectId: slotId };
  if (b.length < SLOT_BYTES) throw new AppError('TRUNCATED', 'A key slot is truncated; open the vault with another slot or the recovery key.', { details });
  const damaged = () => new AppError('AUTH_FAILED', 'A key slot is damaged; open the vault with another slot or the recovery key.', { details });
  if (b.length !== SLOT_BYTES || !equal(blake2b(16, b.subarray(0, 120)), b.subarray(120, 136))) throw damaged();
  for (let i = 0; i < 4; i++) if (b[i] !== SLOT_MAGIC[i]) throw damaged();
  if ((b[4]! ^ b[5]!) !== 0xff) throw damaged();
  if (b[4] !== SLOT_VERSION) throw new AppError('UNSUPPORTED_VERSION', `This key slot uses format version ${b[4]}; update Closeout to open it.`, { details });
  const kind = b[6] === 1 ? 'passphrase' : b[6] === 2 ? 'recovery' : null;
  if (!kind || b[7]! > 1) throw damaged();
  const kdf = b[7] === 1 ? { ops: readU32be(b, 8), memBytes: readU32be(b, 12) } : null;
  return {
    kind,
    kdf,
    salt: b.slice(16, 32),
    verifier: b.slice(32, 48),
    nonce: b.slice(48, 72),
    wrapped: b.slice(72, 120),
  };
}

/**
 * Unwraps the MK of a slot with KEK `material`. Throws WRONG_PASSPHRASE (or
 * WRONG_RECOVERY_KEY) when the verifier does not match, AUTH_FAILED when it matches but the
 * wrapped key does not open (the slot was altered).
 */
export function unwrapSlot(b: Uint8Array, material: Uint8Array, vaultId: string, slotId: string): Uint8Array {
  const s = parseSlot(b, slotId);
  if (!equal(blake2b(16, material.subarray(32, 64)), s.verifier)) {
    throw s.kind === 'passphrase'
      ? new AppError('WRONG_PASSPHRASE', 'Passphrase incorrect.')
      : new AppError('WRONG_RECOVERY_KEY', 'Recovery key incorrect.');
  }
  try {
    return aead.decrypt(s.wrapped, slotAd(vaultId, slotId, b.subarray(0, 48)), s.nonce, material.subarray(0, 32));
  } catch (cause) {
    throw new AppError('AUTH_FAILED', 'A key slot is damaged; open the vault with another slot or the recovery key.', { cause, details: { table: 'slots', objectId: slotId } });
  }
}
