/**
 * The key-derivation role of a worker script. The engine worker starts a second copy of its own
 * script named "kdf" for each Argon2id run and terminates it after one answer: WASM memory never
 * shrinks, so the 64–256 MiB the KDF needs are given back, and the page downloads libsodium
 * once instead of twice (one script, two roles).
 */
import { calibrate, passphraseMaterial } from '../core/crypto/kdf.ts';
import type { KdfParams } from '../core/formats/slot.ts';

export const KDF_ROLE = 'kdf';

type Request = { op: 'calibrate' } | { op: 'derive'; passphrase: string; salt: Uint8Array; params: KdfParams };

/** Answers one request per message; the parent terminates the worker after the first. */
export function runKdfRole(scope: DedicatedWorkerGlobalScope): void {
  scope.onmessage = async (ev: MessageEvent<Request>) => {
    try {
      const m = ev.data;
      if (m.op === 'calibrate') {
        scope.postMessage({ ok: true, value: await calibrate() });
      } else {
        const value = await passphraseMaterial(m.passphrase, m.salt, m.params);
        scope.postMessage({ ok: true, value }, [value.buffer]);
      }
    } catch (e) {
      scope.postMessage({ ok: false, message: String((e as Error)?.message ?? e) });
    }
  };
}
