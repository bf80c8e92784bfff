/**
 * Exporting the bench vault's 100,000 records as an archive bundle through the engine in this
 * worker, as the app does (records from the cache, payload ZIP, age, SHA-256, minisign, folded
 * into a Blob). The baseline is the part no export can avoid, measured in the same run: reading
 * the same records' packs from IndexedDB and opening them (decrypt + parse) into a fresh cache.
 * `mark` lines bound the exports so the runner can sample this worker's heap meanwhile, and the
 * payload's size is posted so the runner can time the `age` command on as many bytes.
 */
import type { Engine } from '../src/engine/engine.ts';
import { RecordCache } from '../src/engine/record-cache.ts';
import type { Session } from '../src/engine/session.ts';
import { readBundleManifest } from '../src/core/formats/bundle.ts';
import { CloseoutDb } from '../src/store/db.ts';
import { VaultStore } from '../src/store/vault-store.ts';

declare const self: DedicatedWorkerGlobalScope;

export type Post = (name: string, value: number, unit: string) => void;

const now = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mark = (name: 'archive-start' | 'archive-end') => self.postMessage({ mark: name, at: performance.timeOrigin + now() });

/** Times three exports of the unlocked vault of `engine` (stored in database `dbName`) against reading its records alone. */
export async function benchArchive(engine: Engine, dbName: string, post: Post): Promise<void> {
  // The bench reaches into the engine for its session, to open the same packs without the engine around them.
  const s = (engine as unknown as { session: Session }).session;
  const store = new VaultStore(new CloseoutDb(dbName));
  const n = s.records.size;
  const reads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = now();
    const cache = new RecordCache(s);
    cache.load(await store.packsOf(s.vaultId));
    reads.push(now() - t0);
    if (cache.size !== n) throw new Error('the baseline read lost records');
  }
  store.db.close();
  const read = median(reads);
  post(`archive: read and decrypt the same ${n.toLocaleString('en')} records from their packs, alone (baseline, median of 3)`, read, 'ms');

  const key = await engine.custodyKeyCreate({ year: 2046 });
  const runs: number[] = [];
  let last: Awaited<ReturnType<Engine['archiveExport']>> | null = null;
  mark('archive-start');
  for (let i = 0; i < 3; i++) {
    last = null;
    const t0 = now();
    last = await engine.archiveExport({ keyIds: [key.id] });
    runs.push(now() - t0);
  }
  mark('archive-end');
  const ms = median(runs);
  const r = last!;
  post(`archive: export ${r.entry.counts.records.toLocaleString('en')} records to a bundle (payload ZIP, age, SHA-256, signature, Blob), median of 3`, ms, 'ms');
  post('archive: records exported per second', (r.entry.counts.records / ms) * 1000, 'records/s');
  post('archive: bundle size', r.entry.size / 1e6, 'MB');
  post('ratio: export / reading and decrypting the same records alone', ms / read, '×');
  const { manifest } = readBundleManifest(new Uint8Array(await r.blob.arrayBuffer()));
  self.postMessage({ quiet: true, archivePayload: { bytes: manifest.payload.size, exportMs: ms } });
}
