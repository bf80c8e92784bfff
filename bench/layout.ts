/**
 * The storage layout alone, without the engine around it: sealing and storing prepared records
 * in packs, and reading and opening them, each against a plain row-per-record Dexie baseline of
 * the same objects. Rounds alternate and the median is reported, as the machine is shared.
 */
import Dexie from 'dexie';
import { CloseoutDb } from '../src/store/db.ts';
import { VaultStore } from '../src/store/vault-store.ts';
import { Session } from '../src/engine/session.ts';
import { randomBytes, randomId } from '../src/core/crypto/random.ts';
import { cleanFields, type CustomerRecord } from '../src/core/domain/record.ts';
import { ready } from '../src/core/crypto/sodium.ts';
import { synthetic } from './synthetic.ts';

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function prepared(n: number, from = 1): CustomerRecord[] {
  const t = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => {
    const r = synthetic(from + i);
    return { id: randomId(), kind: r.kind, customerNo: r.customerNo, fields: cleanFields(r.fields), createdAt: t, updatedAt: t };
  });
}

async function plainDb(): Promise<Dexie> {
  await Dexie.delete('bench-plain');
  const db = new Dexie('bench-plain');
  db.version(1).stores({ records: 'id' });
  await db.open();
  return db;
}

/** Median ms to store `records` plainly and sealed in packs. */
export async function storeRound(records: CustomerRecord[], rounds = 3): Promise<{ plain: number; sealed: number }> {
  await ready();
  const plain: number[] = [];
  const sealed: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const db = await plainDb();
    let t0 = now();
    await db.table('records').bulkPut(records);
    plain.push(now() - t0);
    db.close();
    await Dexie.delete('bench-plain');
    await Dexie.delete('bench-layout');
    const store = new VaultStore(new CloseoutDb('bench-layout'));
    const s = new Session(randomId(), 'bench', randomId(), 'bench', randomBytes(32));
    t0 = now();
    const staged = s.records.stage(records);
    await store.write({ packs: staged.rows });
    sealed.push(now() - t0);
    store.db.close();
  }
  return { plain: median(plain), sealed: median(sealed) };
}

/** Median ms to read `records` plainly (toArray) and to read and open their packs. */
export async function readRound(records: CustomerRecord[], rounds = 3): Promise<{ plain: number; sealed: number }> {
  await ready();
  const db = await plainDb();
  await db.table('records').bulkPut(records);
  await Dexie.delete('bench-layout');
  const store = new VaultStore(new CloseoutDb('bench-layout'));
  const s = new Session(randomId(), 'bench', randomId(), 'bench', randomBytes(32));
  for (let i = 0; i < records.length; i += 10_000) {
    const staged = s.records.stage(records.slice(i, i + 10_000));
    await store.write({ packs: staged.rows });
    staged.commit();
  }
  const plain: number[] = [];
  const sealed: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t0 = now();
    const rows = await db.table('records').toArray();
    plain.push(now() - t0);
    if (rows.length !== records.length) throw new Error('plain read lost rows');
    t0 = now();
    s.records.load(await store.packsOf(s.vaultId));
    sealed.push(now() - t0);
    if (s.records.size !== records.length) throw new Error('sealed read lost records');
  }
  db.close();
  await Dexie.delete('bench-plain');
  store.db.close();
  await Dexie.delete('bench-layout');
  return { plain: median(plain), sealed: median(sealed) };
}
