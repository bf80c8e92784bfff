/**
 * Crypto-erasure of a custody key (NIST SP 800-88 cryptographic erase): once its retention has
 * ended and every registered copy of it (key sheets, key files, other copies) has an entry that
 * records its destruction, the key is deleted from the vault in the transaction that appends
 * the entry naming the bundles it made unreadable. Each key gets a custody-key batch that
 * gathers its copies' entries and the erasure.
 */
import { AppError } from '../../core/errors.ts';
import { randomId } from '../../core/crypto/random.ts';
import type { DestructionEntryInput } from '../../core/formats/destruction-log.ts';
import type { MetaRow } from '../../store/db.ts';
import type { EventDraft } from '../audit.ts';
import type { Session } from '../session.ts';
import { APP_VERSION } from '../archive/export.ts';
import { bundles, custodyKeys, keysWithout, type StoredKey } from './archive-access.ts';
import { batchesRow, nextBatchNumber, readBatches, readHead, type BatchesDoc, type StoredBatch } from './docs.ts';
import { append } from './log.ts';
import { text } from './plan.ts';
import type { EraseInput, ErasureView } from './types.ts';

type GetMeta = (vaultId: string, key: string) => Promise<Uint8Array | undefined>;

/** The key as stored in the vault; NOT_FOUND when it is not (or no longer) there. */
export async function liveKey(get: GetMeta, s: Session, keyId: string | undefined): Promise<StoredKey> {
  const k = (await custodyKeys(get, s)).keys.find((x) => x.id === keyId);
  if (!k) throw new AppError('NOT_FOUND', 'That custody key is not in this vault (it may have been erased).', { details: { field: 'keyId' } });
  return k;
}

/** Bundles of the register encrypted to the key. */
export async function keyBundles(get: GetMeta, s: Session, keyId: string): Promise<string[]> {
  return (await bundles(get, s)).filter((b) => b.recipients.some((r) => r.kind === 'custody' && r.keyId === keyId)).map((b) => b.number);
}

/** The key's custody-key batch, or a new one (in the returned doc, not yet stored). */
export async function keyBatch(get: GetMeta, s: Session, keyId: string | undefined, year: number, at: string): Promise<{ doc: BatchesDoc; batch: StoredBatch }> {
  const doc = await readBatches(get, s);
  const found = doc.batches.find((b) => b.kind === 'custody-key' && b.key?.id === keyId);
  if (found) {
    if (found.key?.erasedAt) throw new AppError('CONFLICT', `That custody key was erased on ${found.key.erasedAt.slice(0, 10)}.`, { details: { reason: 'ERASED' } });
    return { doc, batch: found };
  }
  const key = await liveKey(get, s, keyId);
  const { number, last } = nextBatchNumber(doc, year);
  const batch: StoredBatch = {
    id: randomId(),
    number,
    kind: 'custody-key',
    createdAt: at,
    createdBy: s.actor,
    scope: {},
    records: [],
    copies: [],
    state: 'approved',
    entries: [],
    key: { id: key.id, label: key.label, recipient: key.recipient, confirmed: {}, ...(key.year !== undefined ? { year: key.year } : {}) },
  };
  return { doc: { ...doc, last }, batch };
}

/** The day a key's retention ends: 31 December of its year; null for a key named by class. */
export function retentionEnds(year: number | undefined): string | null {
  return year === undefined ? null : `${year}-12-31`;
}

/** The key, its copies with their entries, the bundles it opens, and whether it may be erased now. */
export async function erasureView(get: GetMeta, s: Session, keyId: string, today: string): Promise<ErasureView> {
  const doc = await readBatches(get, s);
  const b = doc.batches.find((x) => x.kind === 'custody-key' && x.key?.id === keyId);
  if (b?.key?.erasedAt) {
    const k = b.key;
    const view: ErasureView = {
      keyId, label: k.label, recipient: k.recipient, retentionEnds: retentionEnds(k.year), retentionEnded: true, copies: [], bundles: k.bundles ?? [], ready: false,
      batchId: b.id, batchNumber: b.number, erasedAt: k.erasedAt, erasedEntry: b.entries[b.entries.length - 1],
    };
    if (k.year !== undefined) view.year = k.year;
    return view;
  }
  const key = await liveKey(get, s, keyId);
  const ends = retentionEnds(key.year);
  const copies: ErasureView['copies'] = key.copies.map((c) => {
    const seq = b?.key?.confirmed[c.id];
    return seq === undefined ? { ...c } : { ...c, entrySeq: seq };
  });
  const view: ErasureView = {
    keyId, label: key.label, recipient: key.recipient, retentionEnds: ends, retentionEnded: ends === null || today > ends,
    copies, bundles: await keyBundles(get, s, keyId), ready: copies.every((c) => c.entrySeq !== undefined),
  };
  if (key.year !== undefined) view.year = key.year;
  if (b) {
    view.batchId = b.id;
    view.batchNumber = b.number;
  }
  return view;
}

/**
 * The rows that erase key `keyId`: the entry, the batch marked erased, the keys document without
 * the key. CONFLICT (reason UNDER_RETENTION) before its retention ends, (reason COPIES_PENDING,
 * details.copies) while a registered copy has no destruction entry.
 */
export async function planErase(
  get: GetMeta,
  s: Session,
  keyId: string,
  input: EraseInput,
  now: Date,
  today: string,
  year: number,
): Promise<{ meta: MetaRow[]; drafts: EventDraft[]; seq: number; number: string; line: string; batchId: string }> {
  const view = await erasureView(get, s, keyId, today);
  if (view.erasedAt) throw new AppError('CONFLICT', `That custody key was erased on ${view.erasedAt.slice(0, 10)}.`, { details: { reason: 'ERASED' } });
  if (!view.retentionEnded) {
    throw new AppError('CONFLICT', `The custody key ${view.label} keeps archives until ${view.retentionEnds}; it may be erased after that day.`, { details: { reason: 'UNDER_RETENTION', until: view.retentionEnds } });
  }
  const pending = view.copies.filter((c) => c.entrySeq === undefined);
  if (pending.length) {
    throw new AppError('CONFLICT', `${pending.length} registered copies of the key have no destruction entry yet; record each one's destruction first.`, { details: { reason: 'COPIES_PENDING', copies: pending.map((c) => c.id) } });
  }
  const performer = text(input?.performer, 'performer', 'Name who erases the key');
  const place = text(input?.place, 'place', 'Say where the key is erased');
  const witnesses = (Array.isArray(input?.witnesses) ? input.witnesses : []).map((w) => (typeof w === 'string' ? w.trim() : '')).filter(Boolean);
  const verification = text(input?.verification, 'verification', 'Keep the verification to 200 characters', true);
  const at = now.toISOString();
  const { doc, batch } = await keyBatch(get, s, keyId, year, at);
  const keysDoc = await custodyKeys(get, s);
  const seqs = view.copies.map((c) => c.entrySeq!);
  const entry: DestructionEntryInput = {
    time: at,
    batch: batch.number,
    kind: 'custody-key',
    counts: { copies: view.copies.length, bundles: view.bundles.length },
    items: [{ description: `custody key ${view.label} (age recipient ${view.recipient})`, count: 1, serial: keyId }],
    bundles: view.bundles,
    method: {
      category: 'purge',
      technique: `cryptographic erase: every registered copy of the custody key destroyed${seqs.length ? ` (entries ${seqs.join(', ')})` : ''}, then its copy in the vault deleted`,
      tool: `Closeout ${APP_VERSION}`,
    },
    performer,
    witnesses,
    place,
    verification:
      verification ||
      `${view.copies.length} registered copies recorded destroyed; the key removed from the vault's sealed custody-keys entry in the transaction of this entry`,
    note: 'The bundles named can no longer be decrypted wherever their copies are, unless a copy of the key exists that was never registered.',
  };
  const appended = append(s, await readHead(get, s), [{ input: entry, details: { batchId: batch.id, photos: [] } }]);
  const seq = appended.seqs[0]!;
  const next: StoredBatch = { ...batch, state: 'executed', entries: [...batch.entries, seq], key: { ...batch.key!, erasedAt: at, bundles: view.bundles } };
  const batches = doc.batches.some((b) => b.id === next.id) ? doc.batches.map((b) => (b.id === next.id ? next : b)) : [...doc.batches, next];
  return {
    meta: [batchesRow(s, { ...doc, batches }), ...appended.rows, keysWithout(s, keysDoc, keyId)],
    drafts: [{ action: 'custody-key.erased', subjects: [keyId, batch.id], data: { number: batch.number, entry: seq, copies: view.copies.length, bundles: view.bundles.length } }],
    seq,
    number: batch.number,
    line: appended.lines[0]!,
    batchId: batch.id,
  };
}
