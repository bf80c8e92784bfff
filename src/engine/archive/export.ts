/**
 * Exporting an archive bundle from an unlocked vault, as a stream: records (with fates) from
 * the record cache, audit events opened from their rows a page at a time, evidence attachments
 * opened chunk by chunk, and the checklist — pulled only as fast as the bundle is written, and
 * folded into Blobs every few MiB, so the worker's heap stays bounded whatever the vault's size.
 */
import { AppError } from '../../core/errors.ts';
import { fromUtf8, toHex } from '../../core/bytes.ts';
import { sha256Stream } from '../../core/crypto/sodium.ts';
import { buildBundle, type BundleResult } from '../../core/formats/bundle-build.ts';
import type { BundleAttachment, BundleRecord } from '../../core/formats/bundle-inner.ts';
import { bundleFate } from '../../core/domain/retention/bundle-fate.ts';
import type { CustomerRecord } from '../../core/domain/record.ts';
import type { VaultStore } from '../../store/vault-store.ts';
import { chunkObjectId, ATTACHMENT_TABLE } from '../checklist/chunks.ts';
import { loadChecklist, rules, snapshotOf, type AttachmentMeta } from '../checklist/doc.ts';
import type { Session } from '../session.ts';
import type { ExportProgress } from './types.ts';

/** Folds output into a Blob every 4 MiB: the browser keeps large Blobs outside the JS heap. */
const FOLD_BYTES = 4 * 1024 * 1024;
const EVENT_PAGE = 1000;
/** Records between yields to the event loop, so a cancel or lock message gets through. */
const YIELD_EVERY = 2000;

declare const __APP_VERSION__: string | undefined;
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.1.0';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export interface ExportInput {
  s: Session;
  store: VaultStore;
  number: string;
  createdAt: string;
  target: { recipients: string[] } | { passphrase: string; scryptLogN?: number };
  signal: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

export interface BuiltExport extends BundleResult {
  blob: Blob;
  damagedEvents: number;
}

function byCustomerNo(a: CustomerRecord, b: CustomerRecord): number {
  return a.customerNo < b.customerNo ? -1 : a.customerNo > b.customerNo ? 1 : a.id < b.id ? -1 : 1;
}

async function* records(list: CustomerRecord[], o: ExportInput): AsyncGenerator<BundleRecord> {
  for (let i = 0; i < list.length; i++) {
    if (i % YIELD_EVERY === 0) {
      o.onProgress?.({ phase: 'records', done: i, total: list.length });
      await tick();
    }
    const { fate: _f, hold: _h, ...r } = list[i]!;
    const out: BundleRecord = r;
    const fate = bundleFate(list[i]!);
    if (fate) out.fate = fate;
    yield out;
  }
  o.onProgress?.({ phase: 'records', done: list.length, total: list.length });
}

async function* auditLines(o: ExportInput, damaged: { n: number }): AsyncGenerator<string> {
  const last = o.s.head.seq;
  for (let from = 1; from <= last; from += EVENT_PAGE) {
    o.onProgress?.({ phase: 'audit', done: from - 1, total: last });
    await tick();
    for (const row of await o.store.events(o.s.vaultId, from, Math.min(last, from + EVENT_PAGE - 1))) {
      try {
        yield fromUtf8(o.s.open('events', 'events', String(row.seq), row.blob));
      } catch {
        damaged.n++;
      }
    }
  }
}

/** A name safe in a ZIP on every system: no separators, reserved or control characters, no trailing dot or space. */
function safeName(name: string): string {
  const s = name.replace(/[\u0000-\u001f\u007f<>:"|?*\\/]/g, '_').replace(/[. ]+$/, '').slice(0, 120);
  return s && s !== '.' && s !== '..' ? s : 'file';
}

/** An attachment's chunks, each opened as it is read; its size and SHA-256 are checked at the end. */
async function* attachmentBytes(o: ExportInput, m: AttachmentMeta): AsyncGenerator<Uint8Array> {
  const hash = sha256Stream();
  let size = 0;
  for (let i = 0; i < m.chunks; i++) {
    const [row] = await o.store.attachmentRows(o.s.vaultId, m.id, i, i);
    if (!row) throw new AppError('TRUNCATED', 'Part of an evidence file is missing from storage; the export was stopped. Attach the file again, then export.', { details: { attachmentId: m.id } });
    const part = o.s.open('attachments', ATTACHMENT_TABLE, chunkObjectId(m.id, i, m.chunks), row.blob);
    hash.update(part);
    size += part.length;
    yield part;
  }
  if (size !== m.size || toHex(hash.final()) !== m.sha256) {
    throw new AppError('AUTH_FAILED', 'An evidence file failed its integrity check; the export was stopped.', { details: { attachmentId: m.id } });
  }
}

async function* attachments(list: AttachmentMeta[], o: ExportInput): AsyncGenerator<BundleAttachment> {
  for (const [i, m] of list.entries()) {
    o.onProgress?.({ phase: 'attachments', done: i, total: list.length });
    await tick();
    yield { path: `${m.itemId}/${m.id}-${safeName(m.name)}`, bytes: attachmentBytes(o, m) };
  }
}

/** The checklist for checklist.json, and its evidence files; a damaged checklist is noted, never blocks the export. */
async function checklistPart(o: ExportInput): Promise<{ checklist: unknown; files: AttachmentMeta[] }> {
  try {
    const r = await rules();
    const l = await loadChecklist(r, (v, k) => o.store.getMeta(v, k), o.s);
    const files = Object.values(l.doc.attachments).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    return { checklist: { rulesReviewed: r.RULES_REVIEWED, ...snapshotOf(l), actions: l.doc.actions }, files };
  } catch (e) {
    return { checklist: { damaged: (e as { code?: string }).code ?? 'AUTH_FAILED' }, files: [] };
  }
}

/** Builds the bundle and assembles it into a Blob. Throws what buildBundle throws; AbortError on the signal. */
export async function buildExport(o: ExportInput): Promise<BuiltExport> {
  const list = [...o.s.records.all()].sort(byCustomerNo);
  const { checklist, files } = await checklistPart(o);
  const damaged = { n: 0 };
  const { chunks, result } = buildBundle({
    number: o.number,
    createdAt: o.createdAt,
    appVersion: APP_VERSION,
    signingSeed: o.s.keys.signing,
    ...('passphrase' in o.target ? { passphrase: o.target.passphrase, scryptLogN: o.target.scryptLogN } : { recipients: o.target.recipients }),
    records: records(list, o),
    auditLog: auditLines(o, damaged),
    attachments: attachments(files, o),
    checklist,
    signal: o.signal,
  });
  const folded: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const c of chunks) {
    pending.push(c);
    pendingBytes += c.length;
    if (pendingBytes >= FOLD_BYTES) {
      folded.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
      pending = [];
      pendingBytes = 0;
    }
  }
  o.onProgress?.({ phase: 'finishing', done: 1, total: 1 });
  const blob = new Blob([...folded, ...(pending as Uint8Array<ArrayBuffer>[])], { type: 'application/octet-stream' });
  return { ...(await result), blob, damagedEvents: damaged.n };
}
