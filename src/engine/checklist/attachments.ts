/**
 * Evidence files on an item: checked (size first, then type from the bytes), sealed in chunks
 * with an optional sealed thumbnail, described in the sealed state document and listed on the
 * item as an EvidenceRef. The audit event names the item, the attachment id, type and size —
 * never the file name, which may name a customer.
 */
import { AppError } from '../../core/errors.ts';
import { randomId } from '../../core/crypto/random.ts';
import type { AttachmentRow } from '../../store/db.ts';
import type { EventDraft } from '../audit.ts';
import type { Session } from '../session.ts';
import { chunkCount, digestHex, sealChunks, sealThumb } from './chunks.ts';
import type { AttachmentMeta, StateDoc } from './doc.ts';
import { checkFile, checkSize, cleanName } from './sniff.ts';
import type { Thumbnailer } from './thumbnail.ts';

export interface AttachPlan {
  doc: StateDoc;
  rows: AttachmentRow[];
  drafts: EventDraft[];
  meta: AttachmentMeta;
}

export function notOnChecklist(): AppError {
  return new AppError('NOT_FOUND', 'That item is not on this vault’s checklist. Save the firm profile first, or reload the checklist.', { details: { field: 'itemId' } });
}

/** The attachment's description, or NOT_FOUND. */
export function attachmentOf(doc: StateDoc, id: string): AttachmentMeta {
  const m = Object.hasOwn(doc.attachments, id) ? doc.attachments[id] : undefined;
  if (!m) throw new AppError('NOT_FOUND', 'That attachment no longer exists; reload the checklist.', { details: { field: 'attachmentId' } });
  return m;
}

/** Reads a Blob or takes bytes; the size is checked before anything is read. */
async function readFile(file: Blob | Uint8Array): Promise<{ bytes: Uint8Array; owned: boolean }> {
  if (file instanceof Uint8Array) return { bytes: file, owned: false };
  if (!file || typeof (file as Blob).arrayBuffer !== 'function') throw new AppError('INVALID_INPUT', 'Choose a file to attach.', { details: { field: 'file', reason: 'EMPTY' } });
  checkSize(file.size);
  return { bytes: new Uint8Array(await file.arrayBuffer()), owned: true };
}

/**
 * Seals a file as evidence on item `itemId`. Throws NOT_FOUND for an item not on the checklist,
 * INVALID_INPUT (details.reason EMPTY, TOO_LARGE or WRONG_TYPE) for a refused file.
 */
export async function planAttach(s: Session, doc: StateDoc, itemId: string, file: Blob | Uint8Array, name: string, at: string, thumbnail: Thumbnailer): Promise<AttachPlan> {
  const prev = Object.hasOwn(doc.states, itemId) ? doc.states[itemId] : undefined;
  if (!prev) throw notOnChecklist();
  const { bytes, owned } = await readFile(file);
  try {
    const type = checkFile(bytes);
    const id = randomId();
    const rows = sealChunks(s, id, bytes);
    const thumb = await thumbnail(bytes, type);
    if (thumb) rows.push(sealThumb(s, id, thumb));
    const meta: AttachmentMeta = {
      id,
      itemId,
      name: cleanName(typeof name === 'string' ? name : '', type === 'application/pdf' ? 'document.pdf' : 'photo'),
      type,
      size: bytes.length,
      at,
      by: s.actor,
      thumb: !!thumb,
      chunks: chunkCount(bytes.length),
      sha256: await digestHex(bytes),
    };
    const state = { ...prev, evidence: [...prev.evidence, { kind: 'attachment' as const, ref: id, label: meta.name, at }] };
    const next: StateDoc = { ...doc, states: { ...doc.states, [itemId]: state }, attachments: { ...doc.attachments, [id]: meta } };
    const drafts: EventDraft[] = [{ action: 'checklist.evidence-attached', subjects: [itemId, id], data: { type, size: bytes.length } }];
    return { doc: next, rows, drafts, meta };
  } finally {
    // Our copy of the plaintext; the caller's own bytes are left alone.
    if (owned) bytes.fill(0);
  }
}

/** The state document without attachment `id` (description and EvidenceRef), with the event to log. */
export function planDetach(doc: StateDoc, id: string): { doc: StateDoc; drafts: EventDraft[]; meta: AttachmentMeta } {
  const meta = attachmentOf(doc, id);
  const { [id]: _gone, ...attachments } = doc.attachments;
  const states = { ...doc.states };
  const st = states[meta.itemId];
  if (st) states[meta.itemId] = { ...st, evidence: st.evidence.filter((e) => !(e.kind === 'attachment' && e.ref === id)) };
  return { doc: { ...doc, states, attachments }, drafts: [{ action: 'checklist.evidence-deleted', subjects: [meta.itemId, id] }], meta };
}
