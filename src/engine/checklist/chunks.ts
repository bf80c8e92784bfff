/**
 * Attachment chunks: a file cut into pieces of at most 1 MiB, each sealed as a storage envelope
 * under the attachments key with objectId `<attachment id>/<chunk>/<count>`. Binding the number
 * and the count means a chunk moved to another attachment or position, or a missing last chunk,
 * fails to open; the SHA-256 in the sealed description is checked over the joined file too.
 * Chunks keep each IndexedDB value small and let a large photo be sealed piece by piece.
 */
import { concat, toHex } from '../../core/bytes.ts';
import { AppError } from '../../core/errors.ts';
import type { AttachmentRow } from '../../store/db.ts';
import type { Session } from '../session.ts';
import type { AttachmentMeta } from './doc.ts';
import { ATTACHMENT_CHUNK_BYTES } from './types.ts';

export const ATTACHMENT_TABLE = 'attachments';
/** The `chunk` of an attachment's thumbnail row. */
export const THUMB_CHUNK = -1;

// FORMAT: never change; add a version
export const chunkObjectId = (id: string, chunk: number, count: number): string => `${id}/${chunk}/${count}`;
// FORMAT: never change; add a version
export const thumbObjectId = (id: string): string => `${id}/thumb`;

/** SHA-256 (lowercase hex) with the platform's WebCrypto: no copy into libsodium's WebAssembly heap, which never shrinks. */
export async function digestHex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** The number of chunks a file of `size` bytes takes (at least one). */
export function chunkCount(size: number): number {
  return Math.max(1, Math.ceil(size / ATTACHMENT_CHUNK_BYTES));
}

/** Seals `bytes` as the chunk rows of attachment `id`. Each row's blob is a fresh array. */
export function sealChunks(s: Session, id: string, bytes: Uint8Array): AttachmentRow[] {
  const count = chunkCount(bytes.length);
  const rows: AttachmentRow[] = [];
  for (let i = 0; i < count; i++) {
    const part = bytes.subarray(i * ATTACHMENT_CHUNK_BYTES, (i + 1) * ATTACHMENT_CHUNK_BYTES);
    rows.push({ vaultId: s.vaultId, id, chunk: i, blob: s.seal('attachments', ATTACHMENT_TABLE, chunkObjectId(id, i, count), part) });
  }
  return rows;
}

export function sealThumb(s: Session, id: string, bytes: Uint8Array): AttachmentRow {
  return { vaultId: s.vaultId, id, chunk: THUMB_CHUNK, blob: s.seal('attachments', ATTACHMENT_TABLE, thumbObjectId(id), bytes) };
}

function truncated(id: string): AppError {
  return new AppError('TRUNCATED', 'Part of this attachment is missing from storage. Restore it from an archive bundle, or attach the file again.', { details: { attachmentId: id } });
}

/**
 * Opens and joins the chunks of an attachment. Throws TRUNCATED when a chunk is missing,
 * AUTH_FAILED when one was altered, moved or reordered, or the joined file differs from its digest.
 */
export async function openChunks(s: Session, meta: AttachmentMeta, rows: readonly AttachmentRow[]): Promise<Uint8Array> {
  const chunks = rows.filter((r) => r.chunk >= 0).sort((a, b) => a.chunk - b.chunk);
  if (chunks.length < meta.chunks) throw truncated(meta.id);
  const parts = chunks.map((r, i) => {
    if (r.chunk !== i || r.id !== meta.id) throw truncated(meta.id);
    return s.open('attachments', ATTACHMENT_TABLE, chunkObjectId(meta.id, i, meta.chunks), r.blob);
  });
  const bytes = concat(...parts);
  if (bytes.length !== meta.size || (await digestHex(bytes)) !== meta.sha256) {
    throw new AppError('AUTH_FAILED', 'This attachment failed its integrity check: it was altered or damaged. Restore it from an archive bundle.', { details: { attachmentId: meta.id } });
  }
  return bytes;
}

/** Opens a thumbnail row; AUTH_FAILED when it was altered or moved. */
export function openThumb(s: Session, id: string, row: AttachmentRow): Uint8Array {
  return s.open('attachments', ATTACHMENT_TABLE, thumbObjectId(id), row.blob);
}
