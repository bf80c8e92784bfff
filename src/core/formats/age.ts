/**
 * age v1 (https://age-encryption.org/v1) through the `age-encryption` package, so archives and
 * custody keys open with the `age` command in twenty years. This module adds what the package
 * leaves to its callers: refusing to mix a passphrase with recipients, streaming over async
 * iterables, and errors mapped to AppError codes a user can act on (age-header.ts). Key files
 * and their passphrase-protected escrow copies are in age-key-file.ts.
 */
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AppError, errorCode } from '../errors.ts';
import { fromAsync, readAllChunks, toReadableStream } from './streams.ts';
import { mapDecryptError, peekHeader } from './age-header.ts';

/** age's default scrypt cost (2^18): about a second and 256 MiB; the `age` command uses it too. */
export const DEFAULT_SCRYPT_LOG_N = 18;

/** Encrypt to age public keys (`age1…`), or to one passphrase (scrypt). Never both: age forbids it. */
export type AgeTarget = { recipients: readonly string[] } | { passphrase: string; scryptLogN?: number };
/** Decrypt with identities (`AGE-SECRET-KEY-1…`) or with a passphrase. */
export type AgeKeys = { identities: readonly string[] } | { passphrase: string };

export interface AgeIdentity {
  /** `AGE-SECRET-KEY-1…`, the secret; keep it encrypted at rest. */
  identity: string;
  /** `age1…`, the public key to encrypt to. */
  recipient: string;
}

/** A new random X25519 identity and its recipient. */
export async function generateIdentity(): Promise<AgeIdentity> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The recipient (`age1…`) of an identity. Throws INVALID_INPUT for anything but an X25519 identity. */
export async function recipientOf(identity: string): Promise<string> {
  if (!/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(identity)) throw badKey('identity');
  try {
    return await identityToRecipient(identity);
  } catch (cause) {
    throw badKey('identity', cause);
  }
}

/** True for a well-formed X25519 recipient (`age1…`, bech32 checksum included). */
export function isRecipient(s: string): boolean {
  try {
    new Encrypter().addRecipient(s);
    return /^age1[02-9ac-hj-np-z]{58}$/.test(s);
  } catch {
    return false;
  }
}

/**
 * Encrypts `data` to the target. Throws INVALID_INPUT for a bad recipient, no recipient, or a
 * passphrase mixed with recipients.
 */
export async function encrypt(data: Uint8Array, target: AgeTarget): Promise<Uint8Array> {
  return await encrypter(target).encrypt(data);
}

/**
 * Encrypts a stream of chunks; yields the age file in chunks of at most ~64 KiB, pulling the
 * source only as fast as the consumer reads, so memory stays bounded.
 */
export async function* encryptStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, target: AgeTarget): AsyncGenerator<Uint8Array> {
  const out = await encrypter(target).encrypt(toReadableStream(source));
  yield* fromAsync(out);
}

/**
 * Decrypts an age file (binary or armored). Throws NO_MATCHING_KEY (no identity matches, or
 * the file needs a passphrase / an identity instead), WRONG_PASSPHRASE, AUTH_FAILED (tampered
 * or damaged), TRUNCATED, UNSUPPORTED_VERSION (not age v1) or INVALID_INPUT (not age at all).
 */
export async function decrypt(file: Uint8Array, keys: AgeKeys): Promise<Uint8Array> {
  return await readAllChunks(decryptStream([file], keys, file.length));
}

/**
 * Streaming decryption: yields plaintext chunks, each authenticated before it is yielded, so
 * nothing unauthenticated is ever returned. `totalSize`, when known, lets a file cut at a
 * chunk boundary be named TRUNCATED rather than AUTH_FAILED.
 */
export async function* decryptStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  keys: AgeKeys,
  totalSize?: number,
): AsyncGenerator<Uint8Array> {
  const { header, rest } = await peekHeader(source);
  const d = new Decrypter();
  if ('passphrase' in keys) {
    if (header.stanzas.includes('X25519') || !header.stanzas.includes('scrypt')) {
      throw new AppError('NO_MATCHING_KEY', 'This file is encrypted to keys, not to a passphrase. Use a key file (custody key).', { details: { reason: 'needs-identity' } });
    }
    d.addPassphrase(keys.passphrase);
  } else {
    if (header.stanzas.includes('scrypt')) {
      throw new AppError('NO_MATCHING_KEY', 'This file is encrypted with a passphrase, not to a key. Enter the passphrase.', { details: { reason: 'needs-passphrase' } });
    }
    if (!keys.identities.length) throw new AppError('NO_MATCHING_KEY', 'No key was given to decrypt with.', { details: { reason: 'no-identity' } });
    for (const id of keys.identities) {
      try {
        d.addIdentity(id);
      } catch (cause) {
        throw badKey('identity', cause);
      }
    }
  }
  let out: ReadableStream<Uint8Array>;
  try {
    out = await d.decrypt(rest);
  } catch (cause) {
    throw mapDecryptError(cause, 'passphrase' in keys, header.bytes);
  }
  try {
    yield* fromAsync(out);
  } catch (cause) {
    if (errorCode(cause)) throw cause;
    const body = totalSize === undefined ? undefined : totalSize - header.bytes - 16;
    // A STREAM chunk is 64 KiB + 16: a body that ends exactly on a chunk boundary lost its last chunk.
    if (body !== undefined && (body < 16 || body % 65552 === 0 || (body % 65552 > 0 && body % 65552 <= 16))) {
      throw new AppError('TRUNCATED', 'The encrypted file is truncated. Use a complete copy.', { cause, details: { reason: 'payload' } });
    }
    throw new AppError('AUTH_FAILED', 'The encrypted file was altered or damaged, or is truncated. Use another copy.', { cause, details: { reason: 'payload' } });
  }
}

function encrypter(target: AgeTarget): Encrypter {
  const e = new Encrypter();
  const t = target as { recipients?: readonly string[]; passphrase?: string; scryptLogN?: number };
  if (t.passphrase !== undefined && t.recipients !== undefined) {
    throw new AppError('INVALID_INPUT', 'age cannot encrypt one file to a passphrase and to keys together. Choose one.', { details: { reason: 'passphrase-and-recipients' } });
  }
  if (t.passphrase !== undefined) {
    if (!t.passphrase) throw new AppError('INVALID_INPUT', 'The passphrase is empty.', { details: { reason: 'empty-passphrase' } });
    e.setPassphrase(t.passphrase);
    e.setScryptWorkFactor(t.scryptLogN ?? DEFAULT_SCRYPT_LOG_N);
    return e;
  }
  const rs = t.recipients ?? [];
  if (!rs.length) throw new AppError('INVALID_INPUT', 'Choose at least one recipient (custody key).', { details: { reason: 'no-recipient' } });
  for (const r of rs) {
    if (!isRecipient(r)) throw badKey('recipient');
    e.addRecipient(r);
  }
  return e;
}

function badKey(what: 'identity' | 'recipient', cause?: unknown): AppError {
  const hint = what === 'identity' ? 'an age identity starts with AGE-SECRET-KEY-1' : 'an age public key starts with age1';
  return new AppError('INVALID_INPUT', `This is not a valid age ${what} (${hint}).`, { cause, details: { reason: what } });
}
