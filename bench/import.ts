/**
 * Import of a 100,000-row register end to end through the engine in this worker, as the app
 * does it: importPrepare (read, parse, check) → importSetMapping with the suggested mapping →
 * importCommit. The baseline is a plain, unencrypted row-per-record Dexie bulkPut of the same
 * parsed record objects, measured in the same run. Progress goes to the page as the app's
 * would, and `mark` lines bound the import so the page can time its long tasks and the runner
 * can sample this worker's heap meanwhile.
 */
import Dexie from 'dexie';
import { Engine } from '../src/engine/engine.ts';
import { checkRows } from '../src/engine/import/check.ts';
import { Meter } from '../src/engine/import/progress.ts';
import { openRegister } from '../src/engine/import/read-file.ts';
import type { ColumnMapping, ImportProgress } from '../src/engine/import/types.ts';
import { randomId } from '../src/core/crypto/random.ts';
import type { CustomerRecord } from '../src/core/domain/record.ts';
import { CloseoutDb } from '../src/store/db.ts';
import { VaultStore } from '../src/store/vault-store.ts';
import { workerKdf } from '../src/workers/kdf-client.ts';

declare const self: DedicatedWorkerGlobalScope;

export type Post = (name: string, value: number, unit: string) => void;

const DB = 'closeout-bench-import';
const now = () => performance.now();
const mark = (name: 'import-start' | 'import-end') => self.postMessage({ mark: name, at: performance.timeOrigin + now() });

/** The same record objects the commit builds from the parsed rows, for the plain baseline. */
async function parsedRecords(bytes: Uint8Array, mapping: ColumnMapping[]): Promise<CustomerRecord[]> {
  const reg = await openRegister(bytes);
  const checked = await checkRows(reg.table, mapping, { today: new Date(), customerNoPrefix: 'IMP-', sample: false, meter: new Meter('baseline', []) });
  const t = new Date().toISOString();
  return checked.inputs.flatMap((input) => (input ? [{ id: randomId(), kind: input.kind, customerNo: input.customerNo, fields: input.fields, createdAt: t, updatedAt: t }] : []));
}

async function plainBulkPut(records: CustomerRecord[]): Promise<number> {
  await Dexie.delete('bench-plain-import');
  const db = new Dexie('bench-plain-import');
  db.version(1).stores({ records: 'id' });
  await db.open();
  const t0 = now();
  await db.table('records').bulkPut(records);
  const ms = now() - t0;
  db.close();
  await Dexie.delete('bench-plain-import');
  return ms;
}

/** Imports `url` (a CSV served next to the bench page) into a fresh vault and posts the figures. */
export async function benchImport(url: string, kdfUrl: string, post: Post): Promise<void> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`no register at ${url} (bench/run.mjs generates it)`);
  const file = await res.blob();
  await Dexie.delete(DB);
  const engine = new Engine({ store: new VaultStore(new CloseoutDb(DB)), kdf: workerKdf(kdfUrl) });
  await engine.createVault({ label: 'Import bench', operator: 'Bench', passphrase: 'benchmark passphrase' });

  const phaseAt = new Map<ImportProgress['phase'], number>();
  const onProgress = (p: ImportProgress) => {
    if (!phaseAt.has(p.phase)) phaseAt.set(p.phase, now());
    self.postMessage({ quiet: true, progress: p });
  };
  mark('import-start');
  const t0 = now();
  const preview = await engine.importPrepare(file, 'customers-100k.csv', {}, onProgress);
  const t1 = now();
  const suggested: ColumnMapping[] = preview.suggested.map((s) => ({ column: s.column, field: s.field, ...(s.unit ? { unit: s.unit } : {}) }));
  const report = await engine.importSetMapping(preview.importId, suggested, onProgress);
  const t2 = now();
  const result = await engine.importCommit(preview.importId, { duplicates: 'skip' }, onProgress);
  const t3 = now();
  mark('import-end');
  const sealed = phaseAt.get('sealing') ?? t2;

  const rows = report.rows;
  post(`import: ${rows.toLocaleString('en')} rows, ${result.stored.toLocaleString('en')} stored, end to end (prepare + mapping + commit)`, t3 - t0, 'ms');
  post('import: rows per second, end to end', (rows / (t3 - t0)) * 1000, 'rows/s');
  post('import: read, parse and check (importPrepare)', t1 - t0, 'ms');
  post('import: check again with the suggested mapping (importSetMapping)', t2 - t1, 'ms');
  post('import: commit (build records, seal packs, one transaction)', t3 - t2, 'ms');
  post('import: store step (seal packs + write the transaction)', t3 - sealed, 'ms');
  await engine.lock();
  await Dexie.delete(DB);

  const plain = await plainBulkPut(await parsedRecords(new Uint8Array(await file.arrayBuffer()), suggested));
  post(`import: plain unencrypted bulkPut of the same ${result.stored.toLocaleString('en')} parsed records, row per record (baseline)`, plain, 'ms');
  post('ratio: plain bulkPut / import store step (aim ≥ 6)', plain / (t3 - sealed), '×');
  post('ratio: plain bulkPut / whole import end to end', plain / (t3 - t0), '×');
}
