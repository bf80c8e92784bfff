/**
 * The engine worker: the only place in the browser where vault keys and decrypted records live.
 * Errors cross to the page as plain { code, message, details } objects (classes do not survive
 * structured clone); the page decides on `code`.
 */
import * as Comlink from 'comlink';
import { Engine } from '../engine/engine.ts';
import { CloseoutDb } from '../store/db.ts';
import { VaultStore } from '../store/vault-store.ts';
import { workerKdf } from './kdf-client.ts';
import { KDF_ROLE, runKdfRole } from './kdf-role.ts';

declare const self: DedicatedWorkerGlobalScope;

function plainError(e: unknown): { code: string; message: string; details?: unknown } {
  const o = (e ?? {}) as { code?: unknown; name?: unknown; message?: unknown; details?: unknown };
  const code = typeof o.code === 'string' ? o.code : o.name === 'AbortError' ? 'AbortError' : 'INTERNAL';
  // Messages of our own errors never hold personal data; others are replaced, as they might.
  const message = typeof o.code === 'string' && typeof o.message === 'string' ? o.message : 'Something went wrong inside the app.';
  let details: unknown;
  try {
    details = structuredClone(o.details);
  } catch {
    details = undefined;
  }
  return { code, message, details };
}

function exposeEngine(): void {
  const engine = new Engine({ store: new VaultStore(new CloseoutDb()), kdf: workerKdf(import.meta.url) });
  Comlink.expose(guard(engine));
}

/** The engine, with every method's errors turned into plain objects. */
function guard(engine: Engine): Engine {
  return new Proxy(engine, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return async (...args: unknown[]) => {
        try {
          return await v.apply(target, args);
        } catch (e) {
          throw plainError(e);
        }
      };
    },
  });
}

if (self.name === KDF_ROLE) runKdfRole(self);
else exposeEngine();
