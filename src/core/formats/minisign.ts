/**
 * minisign signatures made with libsodium, byte-compatible with the `minisign` command
 * (https://jedisct1.github.io/minisign/), so an auditor verifies our files with a tool that is
 * not ours.
 *
 * Public key file:  "untrusted comment: …" LF base64("Ed" ‖ keyId(8) ‖ pk(32)) LF
 * Signature file:   "untrusted comment: …" LF base64(alg(2) ‖ keyId(8) ‖ sig(64)) LF
 *                   "trusted comment: …"   LF base64(globalSig(64)) LF
 * alg "ED": sig = Ed25519(BLAKE2b-512(message)) (prehashed, streams over any size);
 * alg "Ed": sig = Ed25519(message) (legacy; verified, never written).
 * globalSig = Ed25519(sig ‖ trusted comment text), so the trusted comment cannot be altered.
 */
import { AppError } from '../errors.ts';
import { concat, fromBase64, fromUtf8, toBase64, toHex, utf8 } from '../bytes.ts';
import { blake2b, blake2bStream, ed25519 } from '../crypto/sodium.ts';

// FORMAT: never change; add a version
const KEY_ALG = utf8('Ed');
// FORMAT: never change; add a version
const SIG_PREHASHED = 'ED';
const SIG_LEGACY = 'Ed';
const UNTRUSTED = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';
// minisign's own limits (COMMENTMAXBYTES, TRUSTEDCOMMENTMAXBYTES), less the prefixes.
const MAX_UNTRUSTED = 1000;
const MAX_TRUSTED = 8000;

export interface MinisignPublicKey {
  /** 8 bytes, in the order they appear in the files. */
  keyId: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  publicKey: Uint8Array;
}

export interface MinisignKeyPair extends MinisignPublicKey {
  /** libsodium Ed25519 secret key (seed ‖ pk), 64 bytes. Wipe after use. */
  secretKey: Uint8Array;
}

export interface SignOptions {
  /** One line, signed (shown by `minisign -V`). */
  trustedComment: string;
  /** One line, not signed. Defaults to "signature from closeout key <KEYID>". */
  untrustedComment?: string;
}

export interface MinisignSignature {
  algorithm: 'ED' | 'Ed';
  keyId: Uint8Array;
  signature: Uint8Array;
  untrustedComment: string;
  trustedComment: string;
  globalSignature: Uint8Array;
}

const invalid = (what: string, reason: string) =>
  new AppError('INVALID_INPUT', `This is not a valid minisign ${what} (${reason}). Check that the whole file was copied.`, { details: { reason } });

/**
 * The key pair of a 32-byte Ed25519 seed (the vault's signing subkey). The key id is the first
 * 8 bytes of BLAKE2b-256(pk) rather than random, as minisign makes it, so the same seed always
 * gives the same public key file: a key restored from the vault is recognisably the same key.
 */
export function minisignKeyPair(seed: Uint8Array): MinisignKeyPair {
  if (seed.length !== 32) throw new AppError('INVALID_INPUT', 'A signing seed is 32 bytes.');
  const kp = ed25519.seedKeypair(seed);
  return { keyId: blake2b(32, kp.publicKey).slice(0, 8), publicKey: kp.publicKey, secretKey: kp.privateKey };
}

/** The key id as minisign prints it: 16 uppercase hex digits of the little-endian u64. */
export function keyIdHex(keyId: Uint8Array): string {
  return toHex(keyId.slice().reverse()).toUpperCase();
}

/** The base64 line of a public key, as `minisign -P` takes it. */
export function publicKeyBase64(pk: MinisignPublicKey): string {
  return toBase64(concat(KEY_ALG, pk.keyId, pk.publicKey));
}

/** The text of a public key file (`minisign.pub`), two lines each ending in LF. */
export function publicKeyFile(pk: MinisignPublicKey, comment = `minisign public key ${keyIdHex(pk.keyId)}`): string {
  return `${UNTRUSTED}${oneLine(comment, MAX_UNTRUSTED, 'untrusted comment')}\n${publicKeyBase64(pk)}\n`;
}

/**
 * Reads a public key from a key file's text or from its bare base64 line.
 * Throws INVALID_INPUT for anything else, UNSUPPORTED_VERSION for a non-Ed25519 key.
 */
export function parsePublicKey(text: string): MinisignPublicKey {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean);
  const b64 = lines.length === 2 && lines[0]!.startsWith(UNTRUSTED) ? lines[1]! : lines.length === 1 ? lines[0]! : '';
  const raw = strictBase64(b64, 'public key');
  if (raw.length !== 42) throw invalid('public key', 'length');
  if (raw[0] !== KEY_ALG[0] || raw[1] !== KEY_ALG[1]) {
    throw new AppError('UNSUPPORTED_VERSION', 'This minisign public key uses an algorithm Closeout does not know.', { details: { reason: 'algorithm' } });
  }
  return { keyId: raw.slice(2, 10), publicKey: raw.slice(10) };
}

/** Signs `message` (prehashed "ED") and returns the signature file text. */
export function sign(message: Uint8Array, kp: MinisignKeyPair, opts: SignOptions): string {
  const s = createSigner(kp);
  s.update(message);
  return s.finish(opts);
}

/** A streaming signer: feed the file's bytes in any chunks, then `finish` for the signature text. */
export function createSigner(kp: MinisignKeyPair) {
  const h = blake2bStream(64);
  return {
    update: (chunk: Uint8Array) => h.update(chunk),
    finish(opts: SignOptions): string {
      const trusted = oneLine(opts.trustedComment, MAX_TRUSTED, 'trusted comment');
      const untrusted = oneLine(opts.untrustedComment ?? `signature from closeout key ${keyIdHex(kp.keyId)}`, MAX_UNTRUSTED, 'untrusted comment');
      const sig = ed25519.sign(h.final(), kp.secretKey);
      const global = ed25519.sign(concat(sig, utf8(trusted)), kp.secretKey);
      return `${UNTRUSTED}${untrusted}\n${toBase64(concat(utf8(SIG_PREHASHED), kp.keyId, sig))}\n${TRUSTED}${trusted}\n${toBase64(global)}\n`;
    },
  };
}

/**
 * Parses a signature file. Throws INVALID_INPUT (malformed, with details.reason) or
 * UNSUPPORTED_VERSION (an algorithm other than "ED" or "Ed").
 */
export function parseSignature(text: string): MinisignSignature {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== 4) throw invalid('signature', 'line-count');
  const [l0, l1, l2, l3] = lines as [string, string, string, string];
  if (!l0.startsWith(UNTRUSTED)) throw invalid('signature', 'untrusted-comment');
  if (!l2.startsWith(TRUSTED)) throw invalid('signature', 'trusted-comment');
  const raw = strictBase64(l1, 'signature');
  if (raw.length !== 74) throw invalid('signature', 'length');
  const alg = String.fromCharCode(raw[0]!, raw[1]!);
  if (alg !== SIG_PREHASHED && alg !== SIG_LEGACY) {
    throw new AppError('UNSUPPORTED_VERSION', `This minisign signature uses algorithm "${alg}", which Closeout does not know.`, { details: { reason: 'algorithm' } });
  }
  const global = strictBase64(l3, 'signature');
  if (global.length !== 64) throw invalid('signature', 'global-length');
  return {
    algorithm: alg,
    keyId: raw.slice(2, 10),
    signature: raw.slice(10),
    untrustedComment: l0.slice(UNTRUSTED.length),
    trustedComment: l2.slice(TRUSTED.length),
    globalSignature: global,
  };
}

/**
 * Verifies `message` against signature text and a public key; returns the trusted comment.
 * Throws NO_MATCHING_KEY (signed by another key id), AUTH_FAILED (a bad signature over the
 * message or over the trusted comment), INVALID_INPUT or UNSUPPORTED_VERSION.
 */
export function verify(message: Uint8Array, sigText: string, pk: MinisignPublicKey): { trustedComment: string; keyId: string } {
  const v = createVerifier(sigText, pk);
  if (v.legacy) return v.finishLegacy(message);
  v.update(message);
  return v.finish();
}

/**
 * A streaming verifier for prehashed signatures. Parsing and the key id are checked at once,
 * so a wrong key is reported before a large file is read.
 */
export function createVerifier(sigText: string, pk: MinisignPublicKey) {
  const sig = parseSignature(sigText);
  if (toHex(sig.keyId) !== toHex(pk.keyId)) {
    throw new AppError(
      'NO_MATCHING_KEY',
      `This file was signed by key ${keyIdHex(sig.keyId)}, not by the given key ${keyIdHex(pk.keyId)}. Use the signer's public key.`,
      { details: { reason: 'key-id', signedBy: keyIdHex(sig.keyId), given: keyIdHex(pk.keyId) } },
    );
  }
  const h = blake2bStream(64);
  const check = (signed: Uint8Array) => {
    if (!ed25519.verify(sig.signature, signed, pk.publicKey)) {
      throw new AppError('AUTH_FAILED', 'The signature does not match the file: the file was altered or damaged.', { details: { reason: 'signature' } });
    }
    if (!ed25519.verify(sig.globalSignature, concat(sig.signature, utf8(sig.trustedComment)), pk.publicKey)) {
      throw new AppError('AUTH_FAILED', 'The trusted comment of the signature was altered.', { details: { reason: 'trusted-comment' } });
    }
    return { trustedComment: sig.trustedComment, keyId: keyIdHex(sig.keyId) };
  };
  return {
    /** True for a legacy (non-prehashed) signature: it needs the whole message at once. */
    legacy: sig.algorithm === SIG_LEGACY,
    update: (chunk: Uint8Array) => h.update(chunk),
    finish: () => check(h.final()),
    finishLegacy: (message: Uint8Array) => check(message),
  };
}

function oneLine(s: string, maxBytes: number, what: string): string {
  if (/[\r\n]/.test(s)) throw new AppError('INVALID_INPUT', `A minisign ${what} is one line.`, { details: { reason: 'newline' } });
  if (utf8(s).length > maxBytes) throw new AppError('INVALID_INPUT', `A minisign ${what} is at most ${maxBytes} bytes.`, { details: { reason: 'comment-length' } });
  return s;
}

/** Canonical base64 only: a flipped character can never decode to the same bytes. */
function strictBase64(s: string, what: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s) || s.length % 4) throw invalid(what, 'base64');
  const b = fromBase64(s);
  if (toBase64(b) !== s) throw invalid(what, 'base64');
  return b;
}

/** Decodes signature or key text given as bytes (strict UTF-8). */
export function textOf(bytes: Uint8Array, what = 'file'): string {
  try {
    return fromUtf8(bytes);
  } catch (cause) {
    throw new AppError('INVALID_INPUT', `The ${what} is not UTF-8 text.`, { cause, details: { reason: 'encoding' } });
  }
}
