/**
 * KdfProvider for the browser: each derivation runs in a fresh copy of `scriptUrl` (a worker
 * script that calls runKdfRole when its name is "kdf") and ends it.
 */
import type { KdfProvider } from '../engine/kdf-provider.ts';
import type { KdfParams } from '../core/formats/slot.ts';
import { KDF_ROLE } from './kdf-role.ts';

export function workerKdf(scriptUrl: string | URL): KdfProvider {
  function once<T>(msg: unknown): Promise<T> {
    const w = new Worker(scriptUrl, { type: 'module', name: KDF_ROLE });
    return new Promise<T>((resolve, reject) => {
      w.onmessage = (ev: MessageEvent<{ ok: boolean; value?: T; message?: string }>) => {
        w.terminate();
        if (ev.data.ok) resolve(ev.data.value as T);
        else reject(new Error(ev.data.message));
      };
      w.onerror = (ev) => {
        w.terminate();
        reject(new Error(ev.message || 'The key derivation worker failed to start.'));
      };
      w.postMessage(msg);
    });
  }
  return {
    calibrate: () => once<KdfParams>({ op: 'calibrate' }),
    derive: (passphrase, salt, params) => once<Uint8Array>({ op: 'derive', passphrase, salt, params }),
  };
}
