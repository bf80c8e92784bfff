/**
 * The engine worker: the only place in the browser where vault keys and decrypted records live.
 * The page reaches it only through guardEngine (guard.ts): public methods, plain errors.
 */
import * as Comlink from 'comlink';
import { Engine } from '../engine/engine.ts';
import { CloseoutDb } from '../store/db.ts';
import { VaultStore } from '../store/vault-store.ts';
import { workerKdf } from './kdf-client.ts';
import { KDF_ROLE, runKdfRole } from './kdf-role.ts';
import { guardEngine } from './guard.ts';

declare const self: DedicatedWorkerGlobalScope;

function exposeEngine(): void {
  const engine = new Engine({ store: new VaultStore(new CloseoutDb()), kdf: workerKdf(import.meta.url) });
  Comlink.expose(guardEngine(engine));
}

if (self.name === KDF_ROLE) runKdfRole(self);
else exposeEngine();
