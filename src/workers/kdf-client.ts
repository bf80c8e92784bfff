/** KdfProvider for the browser: each derivation runs in a fresh kdf.worker and ends it. */
import type { KdfProvider } from '../engine/kdf-provider.ts';
import type { KdfParams } from '../core/formats/slot.ts';

function once<T>(msg: unknown): Promise<T> {
  const w = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
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

export const workerKdf: KdfProvider = {
  calibrate: () => once<KdfParams>({ op: 'calibrate' }),
  derive: (passphrase, salt, params) => once<Uint8Array>({ op: 'derive', passphrase, salt, params }),
};
