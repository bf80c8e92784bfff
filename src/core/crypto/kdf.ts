/**
 * Key derivation for key slots. Argon2id for passphrases, calibrated on the device; crypto_kdf
 * for the recovery key (it already has 256 bits of entropy, so no stretching is needed).
 */
import { ARGON2_SALT_BYTES, argon2id, kdf, ready } from './sodium.ts';
import { utf8 } from '../bytes.ts';
import type { KdfParams } from '../formats/slot.ts';
import { KEK_MATERIAL_BYTES } from '../formats/slot.ts';
import { randomBytes } from './random.ts';

/** Never below 64 MiB (DESIGN §4). */
export const MIN_MEM_BYTES = 64 * 1024 * 1024;
export const MIN_OPS = 2;
export const MAX_OPS = 12;

/** Passphrases are compared as NFC so the same words typed on a phone and a laptop match. */
export function passphraseBytes(p: string): Uint8Array {
  return utf8(p.normalize('NFC'));
}

/** 64 bytes of KEK material from a passphrase (Argon2id). Synchronous and slow by design. */
export async function passphraseMaterial(passphrase: string, salt: Uint8Array, p: KdfParams): Promise<Uint8Array> {
  await ready();
  return argon2id(KEK_MATERIAL_BYTES, passphraseBytes(passphrase), salt, p.ops, p.memBytes);
}

/** 64 bytes of KEK material from a 32-byte recovery key. */
export async function recoveryMaterial(recoveryKey: Uint8Array): Promise<Uint8Array> {
  await ready();
  return kdf(KEK_MATERIAL_BYTES, 1, 'COrecov1', recoveryKey);
}

export function newSalt(): Uint8Array {
  return randomBytes(ARGON2_SALT_BYTES);
}

/**
 * Chooses Argon2id parameters that take about `targetMs` on this device: one timed pass at
 * 64 MiB (after an untimed one), then 128 MiB on a fast device, and as many passes as fit.
 */
export async function calibrate(targetMs = 1000, now: () => number = () => performance.now()): Promise<KdfParams> {
  await ready();
  const salt = newSalt();
  // The first pass grows WASM memory to 64 MiB and would overstate the cost of every pass.
  argon2id(32, utf8('warm-up'), salt, 1, MIN_MEM_BYTES);
  const t0 = now();
  argon2id(32, utf8('calibration'), salt, 1, MIN_MEM_BYTES);
  const perPass64 = Math.max(1, now() - t0);
  const memBytes = perPass64 * 2 * 4 <= targetMs ? 2 * MIN_MEM_BYTES : MIN_MEM_BYTES;
  const perPass = perPass64 * (memBytes / MIN_MEM_BYTES);
  const ops = Math.min(MAX_OPS, Math.max(MIN_OPS, Math.round(targetMs / perPass)));
  return { ops, memBytes };
}
