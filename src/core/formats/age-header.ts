/**
 * The age header, read before the file is handed to age-encryption: it tells a non-age file
 * from a newer age version and a passphrase file from a key file, so each gets its own error.
 * Also the mapping of the library's plain Errors to AppError codes.
 */
import { AppError } from '../errors.ts';
import { toReadableStream, type ByteSource } from './streams.ts';

// FORMAT: never change; add a version
export const AGE_VERSION_LINE = 'age-encryption.org/v1';

export interface PeekedHeader {
  /** Stanza types in order, e.g. ["X25519", "X25519"]. */
  stanzas: string[];
  /** Header length in bytes, MAC line included. */
  bytes: number;
}

/**
 * Reads the header's lines (at most 64 KiB) and returns them parsed, with a stream that yields
 * every byte again from the start. Throws TRUNCATED, UNSUPPORTED_VERSION or INVALID_INPUT.
 */
export async function peekHeader(source: ByteSource) {
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

/** The AppError for an error age-encryption threw while reading the header. */
export function mapDecryptError(cause: unknown, passphrase: boolean, headerBytes: number): AppError {
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
