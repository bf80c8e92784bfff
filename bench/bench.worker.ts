/**
 * Runs the engine in a worker, as the app does, and times it against plain Dexie baselines
 * measured in the same run. Posts { name, value, unit } lines and finally { done: true }.
 */
import Dexie from 'dexie';
import { Engine } from '../src/engine/engine.ts';
import { CloseoutDb } from '../src/store/db.ts';
import { VaultStore } from '../src/store/vault-store.ts';
import { workerKdf } from '../src/workers/kdf-client.ts';
import { KDF_ROLE, runKdfRole } from '../src/workers/kdf-role.ts';

declare const self: DedicatedWorkerGlobalScope;
import { synthetic } from './synthetic.ts';
import { prepared, readRound, storeRound } from './layout.ts';
import { benchImport } from './import.ts';
import { benchArchive } from './archive.ts';

const post = (name: string, value: number, unit: string) => self.postMessage({ name, value: Math.round(value * 100) / 100, unit });
const t = () => performance.now();
const PASS = 'benchmark passphrase';

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = t();
  const v = await fn();
  return [t() - t0, v];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function run(): Promise<void> {
  const w10k = await storeRound(prepared(10_000));
  post('layout: store 10,000 prepared records, plain Dexie bulkPut row per record (baseline, median of 3)', w10k.plain, 'ms');
  post('layout: seal and store the same records in packs (median of 3)', w10k.sealed, 'ms');
  post('ratio: plain bulkPut / sealed packs (aim ≥ 6)', w10k.plain / w10k.sealed, '×');
  const r100k = await readRound(prepared(100_000));
  post('layout: read 100,000 records, plain Dexie toArray (baseline, median of 3)', r100k.plain, 'ms');
  post('layout: read and open the same records from packs (median of 3)', r100k.sealed, 'ms');
  post('ratio: plain toArray / read and open packs (aim ≥ 1.2)', r100k.plain / r100k.sealed, '×');

  await Dexie.delete('closeout-bench');
  const engine = new Engine({ store: new VaultStore(new CloseoutDb('closeout-bench')), kdf: workerKdf(import.meta.url) });

  const [createMs, created] = await time(() => engine.createVault({ label: 'Bench', operator: 'Bench', passphrase: PASS }));
  post('create vault (calibrate + Argon2id + slots)', createMs, 'ms');
  await engine.lock();
  const [unlockMs] = await time(() => engine.unlockWithPassphrase(created.vaultId, PASS));
  post('unlock, empty vault (Argon2id as calibrated)', unlockMs, 'ms');

  const inputs10k = Array.from({ length: 10_000 }, (_, i) => synthetic(i + 1));
  const [total10k] = await time(() => engine.createRecords(inputs10k));
  post('engine: create 10,000 records (validate + seal + store + audit event)', total10k, 'ms');
  post('ratio: plain bulkPut (layout baseline) / whole engine create', w10k.plain / total10k, '×');

  for (let start = 10_000; start < 100_000; start += 10_000) {
    await engine.createRecords(Array.from({ length: 10_000 }, (_, i) => synthetic(start + i + 1)));
  }
  await engine.lock();
  const [unlock100k] = await time(() => engine.unlockWithPassphrase(created.vaultId, PASS));
  const [firstPage] = await time(() => engine.listRecords({ limit: 50 }));
  post('engine: unlock with 100,000 records (Argon2id + read + open all)', unlock100k, 'ms');
  post('engine: time to first page after unlock, 100,000 records', unlock100k + firstPage, 'ms');

  for (const q of ['王', 'KH00999', '8759', '不存在的名字']) {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push((await time(() => engine.listRecords({ search: q, limit: 50 })))[0]);
    post(`search "${q}" over 100,000 records (median of 7)`, median(runs), 'ms');
  }
  await benchArchive(engine, 'closeout-bench', post);
  await engine.lock();
  await Dexie.delete('closeout-bench');
  await benchImport(new URL('/import-100k.csv', self.location.href).href, import.meta.url, post);
  self.postMessage({ done: true });
}

if (self.name === KDF_ROLE) runKdfRole(self);
else run().catch((e) => self.postMessage({ error: String(e?.message ?? e), code: e?.code }));
