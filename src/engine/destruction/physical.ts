/**
 * Physical destruction entries: paper, media, a bundle copy or a custody key's copy, destroyed
 * outside the app and recorded with what, how (NIST SP 800-88 category and technique), tool,
 * who, witnesses, where and when, and photos sealed as attachments (the checklist's chunked
 * attachment rows: same table, same sealing). The log line carries each photo's SHA-256.
 */
import { AppError } from '../../core/errors.ts';
import { randomId } from '../../core/crypto/random.ts';
import { MEDIA_KINDS, PHYSICAL_KINDS, TECHNIQUES, type Technique } from '../../core/domain/destruction/index.ts';
import type { DestructionEntryInput, DestructionKind } from '../../core/formats/destruction-log.ts';
import type { AttachmentRow } from '../../store/db.ts';
import type { Session } from '../session.ts';
import { chunkCount, digestHex, sealChunks, sealThumb } from '../checklist/chunks.ts';
import { checkFile, checkSize, cleanName } from '../checklist/sniff.ts';
import type { Thumbnailer } from '../checklist/thumbnail.ts';
import type { PhotoMeta } from './docs.ts';
import { invalid, text } from './plan.ts';
import type { PhotoInput, PhysicalInput } from './types.ts';

export const MAX_PHOTOS = 10;
const MAX_WITNESSES = 10;
/** An entry's time may be at most this far ahead of the device's clock (a phone's clock drifts). */
const FUTURE_SLACK_MS = 10 * 60 * 1000;

/** The fields of a physical entry, checked; INVALID_INPUT names the field. */
export function checkPhysical(input: PhysicalInput, now: Date): { kind: DestructionKind; technique: Technique; time: string; witnesses: string[] } {
  if (!input || typeof input !== 'object') throw invalid('kind', 'Say what was destroyed.');
  if (!PHYSICAL_KINDS.includes(input.kind)) throw invalid('kind', 'Choose what was destroyed: paper, media, a bundle copy or a key copy.');
  if (!MEDIA_KINDS.includes(input.medium)) throw invalid('medium', 'Choose the medium.');
  if (!Object.hasOwn(TECHNIQUES, input.technique)) throw invalid('technique', 'Choose the method of destruction.');
  text(input.description, 'description', 'Describe what was destroyed');
  if (!Number.isSafeInteger(input.count) || input.count < 1 || input.count > 1_000_000) throw invalid('count', 'Give how many items were destroyed (a whole number from 1).');
  text(input.performer, 'performer', 'Name who destroyed it');
  text(input.place, 'place', 'Say where it was destroyed');
  const witnesses = (Array.isArray(input.witnesses) ? input.witnesses : []).map((w) => (typeof w === 'string' ? w.trim() : '')).filter(Boolean);
  if (witnesses.length > MAX_WITNESSES || witnesses.some((w) => w.length > 200)) throw invalid('witnesses', 'Name at most 10 witnesses, each in 1–200 characters.');
  for (const f of ['serial', 'tool', 'verification', 'note'] as const) if (input[f] !== undefined) text(input[f], f, `Keep the ${f} to 200 characters`, true);
  let time = now.toISOString();
  if (input.time !== undefined && input.time !== '') {
    const t = new Date(input.time);
    if (typeof input.time !== 'string' || Number.isNaN(t.getTime())) throw invalid('time', 'Enter when it was destroyed as a date and time.');
    if (t.getTime() > now.getTime() + FUTURE_SLACK_MS) throw invalid('time', 'The time of destruction is in the future; check the date and time.');
    time = t.toISOString();
  }
  const kind: DestructionKind = input.kind === 'key-copy' ? 'custody-key' : input.kind;
  return { kind, technique: input.technique, time, witnesses };
}

/** The log entry of a physical destruction. */
export function physicalEntry(input: PhysicalInput, checked: ReturnType<typeof checkPhysical>, batchNumber: string, bundles: string[], evidence: string[]): DestructionEntryInput {
  const t = TECHNIQUES[checked.technique];
  const item: { description: string; count: number; serial?: string } = { description: input.description.trim(), count: input.count };
  const serial = input.serial?.trim() || input.copy?.copyId || input.keyCopy?.copyId;
  if (serial) item.serial = serial;
  const e: DestructionEntryInput = {
    time: checked.time,
    batch: batchNumber,
    kind: checked.kind,
    counts: { items: input.count, photos: evidence.length },
    items: [item],
    method: input.tool?.trim() ? { category: t.category, technique: t.words, tool: input.tool.trim() } : { category: t.category, technique: t.words },
    performer: input.performer.trim(),
    witnesses: checked.witnesses,
    place: input.place.trim(),
  };
  if (bundles.length) e.bundles = bundles;
  if (input.verification?.trim()) e.verification = input.verification.trim();
  if (evidence.length) e.evidence = evidence;
  if (input.note?.trim()) e.note = input.note.trim();
  return e;
}

/** Seals photos as attachment rows; INVALID_INPUT (details.reason EMPTY, TOO_LARGE, WRONG_TYPE, TOO_MANY) for a refused one. */
export async function sealPhotos(s: Session, photos: PhotoInput[] | undefined, at: string, thumbnail: Thumbnailer): Promise<{ rows: AttachmentRow[]; metas: PhotoMeta[] }> {
  const list = Array.isArray(photos) ? photos : [];
  if (list.length > MAX_PHOTOS) throw new AppError('INVALID_INPUT', `Attach at most ${MAX_PHOTOS} photos to one entry.`, { details: { field: 'photos', reason: 'TOO_MANY' } });
  const rows: AttachmentRow[] = [];
  const metas: PhotoMeta[] = [];
  for (const p of list) {
    const file = p?.file;
    let bytes: Uint8Array;
    let owned = false;
    if (file instanceof Uint8Array) bytes = file;
    else if (file && typeof (file as Blob).arrayBuffer === 'function') {
      checkSize((file as Blob).size);
      bytes = new Uint8Array(await (file as Blob).arrayBuffer());
      owned = true;
    } else throw new AppError('INVALID_INPUT', 'Choose a photo.', { details: { field: 'photos', reason: 'EMPTY' } });
    try {
      const type = checkFile(bytes);
      const id = randomId();
      rows.push(...sealChunks(s, id, bytes));
      const thumb = await thumbnail(bytes, type);
      if (thumb) rows.push(sealThumb(s, id, thumb));
      metas.push({ id, name: cleanName(typeof p.name === 'string' ? p.name : '', 'photo'), type, size: bytes.length, sha256: await digestHex(bytes), chunks: chunkCount(bytes.length), thumb: !!thumb, at, by: s.actor });
    } finally {
      if (owned) bytes.fill(0);
    }
  }
  return { rows, metas };
}
