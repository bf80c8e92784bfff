/**
 * The only module that imports libsodium. It re-exports exactly what the project uses, so the
 * cryptographic surface is visible in one place. Call `ready()` once before anything else.
 * The sumo build is required: the standard build lacks crypto_pwhash (Argon2id).
 */
import sodium from 'libsodium-wrappers-sumo';

let loaded: Promise<void> | undefined;

/** Resolves once the WASM module is initialised. Idempotent. */
export function ready(): Promise<void> {
  loaded ??= sodium.ready.then(() => undefined);
  return loaded;
}

const s = () => sodium;

export const aead = {
  keyBytes: 32,
  nonceBytes: 24,
  tagBytes: 16,
  /** XChaCha20-Poly1305 (IETF). */
  encrypt: (msg: Uint8Array, ad: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array =>
    s().crypto_aead_xchacha20poly1305_ietf_encrypt(msg, ad, null, nonce, key),
  /** Throws on authentication failure; callers map that to AUTH_FAILED. */
  decrypt: (ct: Uint8Array, ad: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array =>
    s().crypto_aead_xchacha20poly1305_ietf_decrypt(null, ct, ad, nonce, key),
};

/** Argon2id v1.3. `memBytes` in bytes; returns `outLen` bytes. */
export function argon2id(outLen: number, password: Uint8Array, salt: Uint8Array, ops: number, memBytes: number): Uint8Array {
  return s().crypto_pwhash(outLen, password, salt, ops, memBytes, s().crypto_pwhash_ALG_ARGON2ID13);
}
export const ARGON2_SALT_BYTES = 16;

/** crypto_kdf (BLAKE2b): subkey `id` of `key` under an 8-character context. */
export function kdf(len: number, id: number, context: string, key: Uint8Array): Uint8Array {
  return s().crypto_kdf_derive_from_key(len, id, context, key);
}

/** BLAKE2b with an optional key. */
export function blake2b(len: number, msg: Uint8Array, key: Uint8Array | null = null): Uint8Array {
  return s().crypto_generichash(len, msg, key);
}

/** Streaming BLAKE2b-512, as minisign's prehashed mode needs. */
export function blake2bStream(len = 64) {
  const st = s().crypto_generichash_init(null, len);
  return {
    update: (chunk: Uint8Array) => s().crypto_generichash_update(st, chunk),
    final: (): Uint8Array => s().crypto_generichash_final(st, len),
  };
}

export const ed25519 = {
  seedKeypair: (seed: Uint8Array) => s().crypto_sign_seed_keypair(seed),
  sign: (msg: Uint8Array, secretKey: Uint8Array): Uint8Array => s().crypto_sign_detached(msg, secretKey),
  verify: (sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean =>
    s().crypto_sign_verify_detached(sig, msg, publicKey),
};

/** Overwrites a buffer with zeros (best effort in a garbage-collected heap). */
export function memzero(b: Uint8Array): void {
  s().memzero(b);
}

/** Constant-time comparison of equal-length buffers. */
export function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && s().memcmp(a, b);
}

export function sha256(msg: Uint8Array): Uint8Array {
  return s().crypto_hash_sha256(msg);
}

/** Streaming SHA-256 (payload hashes of archive bundles are taken chunk by chunk). */
export function sha256Stream() {
  const st = s().crypto_hash_sha256_init();
  return {
    update: (chunk: Uint8Array) => s().crypto_hash_sha256_update(st, chunk),
    final: (): Uint8Array => s().crypto_hash_sha256_final(st),
  };
}
