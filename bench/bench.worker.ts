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
import { cleanFields, validateRecord, type CustomerRecord } from '../src/core/domain/record.ts';
import { synthetic } from './synthetic.ts';

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

async function plainBaseline(records: CustomerRecord[]): Promise<{ write: number; read: number }> {
  const db = new Dexie('bench-plain');
  db.version(1).stores({ records: 'id' });
  await db.open();
  await db.table('records').clear();
  const [write] = await time(() => db.table('records').bulkPut(records));
  const [read] = await time(() => db.table('records').toArray());
  await db.delete();
  return { write, read };
}

async function run(): Promise<void> {
  await Dexie.delete('closeout-bench');
  const engine = new Engine({ store: new VaultStore(new CloseoutDb('closeout-bench')), kdf: workerKdf(import.meta.url) });

  const [createMs, created] = await time(() => engine.createVault({ label: 'Bench', operator: 'Bench', passphrase: PASS }));
  post('create vault (calibrate + Argon2id + slots)', createMs, 'ms');
  await engine.lock();
  const [unlockMs] = await time(() => engine.unlockWithPassphrase(created.vaultId, PASS));
  post('unlock, empty vault (Argon2id as calibrated)', unlockMs, 'ms');

  const inputs10k = Array.from({ length: 10_000 }, (_, i) => synthetic(i + 1));
  const [check10k] = await time(async () => inputs10k.map((r) => validateRecord({ ...r, fields: cleanFields(r.fields) })));
  const [total10k] = await time(() => engine.createRecords(inputs10k));
  const store10k = total10k - check10k;
  post('create 10,000 records (check + seal + store), engine', total10k, 'ms');
  post('  of which checking the records (validators, same run)', check10k, 'ms');
  post('  of which sealing and storing (the difference)', store10k, 'ms');
  const now = new Date().toISOString();
  const plain10k = inputs10k.map((r, i) => ({ ...r, fields: cleanFields(r.fields), id: `r${i}`, createdAt: now, updatedAt: now }));
  const base10k = await plainBaseline(plain10k);
  post('store 10,000 records, plain Dexie bulkPut row per record (baseline)', base10k.write, 'ms');
  post('ratio: plain bulkPut / encrypted seal + store (aim ≥ 6)', base10k.write / store10k, '×');
  post('ratio: plain bulkPut / whole create including checks', base10k.write / total10k, '×');

  for (let start = 10_000; start < 100_000; start += 10_000) {
    await engine.createRecords(Array.from({ length: 10_000 }, (_, i) => synthetic(start + i + 1)));
  }
  await engine.lock();
  const [unlock100k] = await time(() => engine.unlockWithPassphrase(created.vaultId, PASS));
  const [firstPage] = await time(() => engine.listRecords({ limit: 50 }));
  post('unlock with 100,000 records (Argon2id + read + decrypt all)', unlock100k, 'ms');
  post('time to first page after unlock, 100,000 records', unlock100k + firstPage, 'ms');

  // Read and decrypt alone, without the KDF: lock and unlock cost minus a bare unlock.
  const plain100k = Array.from({ length: 100_000 }, (_, i) => ({ ...synthetic(i + 1), id: `r${i}`, createdAt: now, updatedAt: now }));
  const base100k = await plainBaseline(plain100k);
  post('read 100,000 records, plain Dexie toArray (baseline)', base100k.read, 'ms');
  const [bareUnlock] = await time(async () => {
    await engine.lock();
    await engine.unlockWithRecoveryKey(created.vaultId, created.recoveryKey);
  });
  post('lock + unlock by recovery key with 100,000 records (read + decrypt all, no Argon2)', bareUnlock, 'ms');
  post('ratio: plain toArray / encrypted read + decrypt (aim ≥ 1.2)', base100k.read / bareUnlock, '×');

  for (const q of ['王', 'KH00999', '8759', '不存在的名字']) {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) runs.push((await time(() => engine.listRecords({ search: q, limit: 50 })))[0]);
    post(`search "${q}" over 100,000 records (median of 7)`, median(runs), 'ms');
  }
  await engine.lock();
  await Dexie.delete('closeout-bench');
  self.postMessage({ done: true });
}

if (self.name === KDF_ROLE) runKdfRole(self);
else run().catch((e) => self.postMessage({ error: String(e?.message ?? e), code: e?.code }));
