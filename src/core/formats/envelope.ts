/**
 * Storage envelope v1: how every stored object is sealed.
 *
 *   0..3   "COEN"                        magic
 *   4      version (1)
 *   5      0xFF ^ version                a lone flipped version byte reads as damage, not as
 *                                        a newer version the user should upgrade for
 *   6..29  nonce (24 random bytes)
 *   30..   XChaCha20-Poly1305 ciphertext with its 16-byte tag
 *
 * Associated data: "closeout/envelope/v1" NUL vaultId NUL table NUL objectId (UTF-8), so a
 * ciphertext moved to another vault, table or object fails to open.
 */
import { AppError } from '../errors.ts';
import { concat, utf8 } from '../bytes.ts';
import { aead } from '../crypto/sodium.ts';
import { randomBytes } from '../crypto/random.ts';

// FORMAT: never change; add a version
export const ENVELOPE_MAGIC = utf8('COEN');
export const ENVELOPE_VERSION = 1;
const HEADER = 6;
const MIN = HEADER + 24 + 16;

export interface Binding {
  vaultId: string;
  table: string;
  objectId: string;
}

export function envelopeAd(b: Binding, version = ENVELOPE_VERSION): Uint8Array {
  return utf8(`closeout/envelope/v${version}\0${b.vaultId}\0${b.table}\0${b.objectId}`);
}

/** Seals `plain` under `key` bound to `b`. Returns a new array. `nonce` is for test vectors only. */
export function seal(key: Uint8Array, b: Binding, plain: Uint8Array, nonce: Uint8Array = randomBytes(24)): Uint8Array {
  const header = new Uint8Array([...ENVELOPE_MAGIC, ENVELOPE_VERSION, 0xff ^ ENVELOPE_VERSION]);
  return concat(header, nonce, aead.encrypt(plain, envelopeAd(b), nonce, key));
}

/**
 * Opens an envelope. Throws AppError TRUNCATED (too short), AUTH_FAILED (wrong key, tampered,
 * moved, or damaged header) or UNSUPPORTED_VERSION (a consistent, newer version).
 */
export function open(key: Uint8Array, b: Binding, env: Uint8Array): Uint8Array {
  const where = { table: b.table, objectId: b.objectId };
  if (env.length < MIN) throw new AppError('TRUNCATED', 'A stored object is truncated. Restore it from an archive bundle.', { details: where });
  for (let i = 0; i < 4; i++) {
    if (env[i] !== ENVELOPE_MAGIC[i]) throw authFailed(where);
  }
  const v = env[4]!;
  if ((v ^ env[5]!) !== 0xff) throw authFailed(where);
  if (v !== ENVELOPE_VERSION) {
    throw new AppError('UNSUPPORTED_VERSION', `A stored object uses format version ${v}, newer than this app reads. Update Closeout.`, { details: where });
  }
  try {
    return aead.decrypt(env.subarray(HEADER + 24), envelopeAd(b), env.subarray(HEADER, HEADER + 24), key);
  } catch (cause) {
    throw authFailed(where, cause);
  }
}

function authFailed(details: Record<string, unknown>, cause?: unknown): AppError {
  return new AppError('AUTH_FAILED', 'A stored object failed its integrity check: it was altered or damaged. Restore it from an archive bundle.', { cause, details });
}
