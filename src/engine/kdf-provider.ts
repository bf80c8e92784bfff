/**
 * How the engine stretches passphrases. Injectable: unit tests pass cheap parameters, the
 * browser runs Argon2id in a short-lived worker (WASM memory never shrinks, so the engine
 * worker's heap should not grow to 128 MiB for the session), Node runs it inline.
 */
import { calibrate, passphraseMaterial } from '../core/crypto/kdf.ts';
import type { KdfParams } from '../core/formats/slot.ts';

export interface KdfProvider {
  /** Parameters that take about a second on this device. */
  calibrate(): Promise<KdfParams>;
  /** 64 bytes of KEK material. */
  derive(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array>;
}

export const inlineKdf: KdfProvider = {
  calibrate: () => calibrate(),
  derive: (passphrase, salt, params) => passphraseMaterial(passphrase, salt, params),
};

/** Fixed parameters, for tests and benchmarks of everything but the KDF. */
export function fixedKdf(params: KdfParams): KdfProvider {
  return { calibrate: async () => params, derive: inlineKdf.derive };
}
