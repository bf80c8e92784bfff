/**
 * age v1 (https://age-encryption.org/v1) through the `age-encryption` package, so archives and
 * custody keys open with the `age` command in twenty years. This module adds what the package
 * leaves to its callers: refusing to mix a passphrase with recipients, streaming over async
 * iterables, identity files, and errors mapped to AppError codes a user can act on.
 */
import { Decrypter, Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AppError, errorCode } from '../errors.ts';
import { fromUtf8, utf8 } from '../bytes.ts';
import { fromAsync, readAllChunks, toReadableStream } from './streams.ts';

// FORMAT: never change; add a version
export const AGE_VERSION_LINE = 'age-encryption.org/v1';
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

/** Encrypts an identity with a passphrase (age scrypt mode, armored): the escrow key file. */
export async function protectIdentity(identity: string, passphrase: string, scryptLogN = DEFAULT_SCRYPT_LOG_N): Promise<string> {
  const recipient = await recipientOf(identity);
  const text = identityFileText({ identity, recipient });
  return armor.encode(await encrypt(utf8(text), { passphrase, scryptLogN }));
}

/** Opens a passphrase-protected key file; returns the identities in it. WRONG_PASSPHRASE on a bad passphrase. */
export async function unprotectIdentity(armored: string, passphrase: string): Promise<string[]> {
  let bytes: Uint8Array;
  try {
    bytes = armor.decode(armored);
  } catch (cause) {
    throw new AppError('INVALID_INPUT', 'This is not a passphrase-protected key file (age armor).', { cause, details: { reason: 'armor' } });
  }
  return parseIdentityFile(fromUtf8(await decrypt(bytes, { passphrase })));
}

/** True when the text is an armored age file (a passphrase-protected key file). */
export function isArmored(text: string): boolean {
  return text.trimStart().startsWith('-----BEGIN AGE ENCRYPTED FILE-----');
}

/** An identity file as `age-keygen` writes it: comments, then the secret line; `age -i` reads it. */
export function identityFileText(k: AgeIdentity, createdAt?: string): string {
  return `${createdAt ? `# created: ${createdAt}\n` : ''}# public key: ${k.recipient}\n${k.identity}\n`;
}

/** The identities of an identity file (lines starting with `#` and blank lines ignored). */
export function parseIdentityFile(text: string): string[] {
  const ids: string[] = [];
  for (const [i, raw] of text.replace(/\r\n/g, '\n').split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(line)) {
      throw new AppError('INVALID_INPUT', `Line ${i + 1} of the key file is not an age identity (AGE-SECRET-KEY-1…).`, { details: { reason: 'identity-line', line: i + 1 } });
    }
    ids.push(line);
  }
  if (!ids.length) throw new AppError('INVALID_INPUT', 'The key file holds no age identity.', { details: { reason: 'no-identity' } });
  return ids;
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

interface PeekedHeader {
  /** Stanza types in order, e.g. ["X25519", "X25519"]. */
  stanzas: string[];
  /** Header length in bytes, MAC line included. */
  bytes: number;
}

/**
 * Reads the age header's lines before handing the file to the library, to tell a non-age file
 * from a newer age version and a passphrase file from a key file. Re-yields every byte read.
 */
async function peekHeader(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  const it = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()) as
    | AsyncIterator<Uint8Array>
    | Iterator<Uint8Array>;
  const seen: Uint8Array[] = [];
  let buf = new Uint8Array(0);
  let done = false;
  let headerEnd = -1;
  // Headers are small (a stanza per recipient); 64 KiB is ample and bounds a hostile file.
  while (headerEnd < 0 && !done && buf.length < 65536) {
    const r = await it.next();
    if (r.done) done = true;
    else {
      seen.push(r.value);
      const n = new Uint8Array(buf.length + r.value.length);
      n.set(buf);
      n.set(r.value, buf.length);
      buf = n;
    }
    headerEnd = findMacLineEnd(buf);
  }
  const firstNl = buf.indexOf(10);
  const first = new TextDecoder().decode(buf.subarray(0, firstNl < 0 ? Math.min(buf.length, 64) : firstNl));
  if (first !== AGE_VERSION_LINE) {
    if (buf.length === 0) throw new AppError('TRUNCATED', 'The encrypted file is empty.', { details: { reason: 'empty' } });
    if (/^age-encryption\.org\/v\d+$/.test(first) || first.startsWith('age-encryption.org/')) {
      throw new AppError('UNSUPPORTED_VERSION', `This file uses ${first}, which Closeout does not read. Use a newer version of age.`, { details: { reason: 'age-version' } });
    }
    if (firstNl < 0 && AGE_VERSION_LINE.startsWith(first)) throw new AppError('TRUNCATED', 'The encrypted file is truncated.', { details: { reason: 'header' } });
    throw new AppError('INVALID_INPUT', 'This is not an age-encrypted file.', { details: { reason: 'not-age' } });
  }
  if (headerEnd < 0) {
    if (done) throw new AppError('TRUNCATED', 'The encrypted file is truncated inside its header.', { details: { reason: 'header' } });
    throw new AppError('INVALID_INPUT', 'The age header is too long.', { details: { reason: 'header' } });
  }
  const stanzas = new TextDecoder()
    .decode(buf.subarray(0, headerEnd))
    .split('\n')
    .filter((l) => l.startsWith('-> '))
    .map((l) => l.slice(3).split(' ')[0]!);
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { header: { stanzas, bytes: headerEnd } as PeekedHeader, rest: toReadableStream(rest()) };
}

/** The end (after its LF) of the "--- MAC" line, or -1. */
function findMacLineEnd(b: Uint8Array): number {
  for (let i = 0; i + 4 <= b.length; i++) {
    if ((i === 0 || b[i - 1] === 10) && b[i] === 45 && b[i + 1] === 45 && b[i + 2] === 45 && b[i + 3] === 32) {
      const nl = b.indexOf(10, i);
      return nl < 0 ? -1 : nl + 1;
    }
  }
  return -1;
}

function mapDecryptError(cause: unknown, passphrase: boolean, headerBytes: number): AppError {
  const msg = cause instanceof Error ? cause.message : String(cause);
  if (/no identity matched/.test(msg)) {
    return passphrase
      ? new AppError('WRONG_PASSPHRASE', 'The passphrase is wrong. Check it and try again.', { cause })
      : new AppError('NO_MATCHING_KEY', 'None of the given keys can open this file. Use the custody key it was encrypted to.', { cause, details: { reason: 'no-match' } });
  }
  if (/header HMAC/.test(msg)) return new AppError('AUTH_FAILED', 'The encrypted file’s header was altered or damaged. Use another copy.', { cause, details: { reason: 'header-mac' } });
  if (/stream ended before/.test(msg)) return new AppError('TRUNCATED', 'The encrypted file is truncated. Use a complete copy.', { cause, details: { reason: 'nonce', headerBytes } });
  if (/work factor is too high/.test(msg)) return new AppError('UNSUPPORTED_VERSION', 'The passphrase file asks for more scrypt work than age allows.', { cause, details: { reason: 'scrypt-work' } });
  return new AppError('AUTH_FAILED', 'The encrypted file’s header is malformed: it was altered or damaged.', { cause, details: { reason: 'header' } });
}
