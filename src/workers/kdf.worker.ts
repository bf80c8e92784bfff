/**
 * A short-lived worker for Argon2id: WASM memory never shrinks, so the 64–256 MiB the KDF needs
 * is given back when the engine terminates this worker after one answer.
 */
import { calibrate, passphraseMaterial } from '../core/crypto/kdf.ts';
import type { KdfParams } from '../core/formats/slot.ts';

type Request = { op: 'calibrate' } | { op: 'derive'; passphrase: string; salt: Uint8Array; params: KdfParams };

self.onmessage = async (ev: MessageEvent<Request>) => {
  try {
    const m = ev.data;
    if (m.op === 'calibrate') {
      self.postMessage({ ok: true, value: await calibrate() });
    } else {
      const value = await passphraseMaterial(m.passphrase, m.salt, m.params);
      self.postMessage({ ok: true, value }, { transfer: [value.buffer] });
    }
  } catch (e) {
    self.postMessage({ ok: false, message: String((e as Error)?.message ?? e) });
  }
};
