/**
 * The byte structure of a ZIP file (PKWARE APPNOTE 6.3): the end record, local headers, data
 * descriptors and member spans, checked strictly enough that no member can hide, overlap or
 * disagree with the central directory. In canonical mode, the layout zip-write.ts produces.
 */
import { AppError } from '../errors.ts';
import { refuse } from './zip-names.ts';

export const malformed = (what: string, name?: string) =>
  refuse('structure', `The ZIP file is malformed (${what}${name ? ` in ${name}` : ''}). Use another copy.`, name ? { name } : {});

export const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
export const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
export const SIG_ZIP64_LOCATOR = 0x07064b50;

/** AUTH_FAILED reason "container": the container differs from how Closeout writes one. */
export function noncanonical(name: string, what: string): AppError {
  return new AppError('AUTH_FAILED', `The ZIP container was altered (${what} of ${name} differ from how Closeout writes them).`, {
    details: { reason: 'container', name },
  });
}

/**
 * Offset of the end-of-central-directory record, which must end the file exactly. Throws TRUNCATED
 * (a ZIP without its end), INVALID_INPUT "not-zip", or AUTH_FAILED for a comment in canonical mode.
 */
export function findEocd(b: Uint8Array, canonical: boolean): number {
  const looksZip = b.length >= 4 && u32(b, 0) === SIG_LOCAL;
  const lowest = Math.max(0, b.length - 22 - 65535);
  for (let i = b.length - 22; i >= lowest; i--) {
    if (u32(b, i) !== SIG_EOCD) continue;
    // The comment must run exactly to the end: trailing bytes mean damage or a smuggled payload.
    if (i + 22 + u16(b, i + 20) !== b.length) continue;
    if (canonical && u16(b, i + 20) !== 0) throw noncanonical('the archive', 'comment');
    return i;
  }
  if (looksZip) throw new AppError('TRUNCATED', 'The ZIP file is truncated (its directory at the end is missing). Use a complete copy.', { details: { reason: 'no-directory' } });
  throw refuse('not-zip', 'This is not a ZIP file.');
}

/** A member name: UTF-8 when flag bit 11 says so, else ASCII only (INVALID_INPUT "name-encoding"). */
export function decodeName(raw: Uint8Array, flags: number): string {
  if (flags & 0x800) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw refuse('name-encoding', 'A ZIP member name is not valid UTF-8.');
    }
  }
  if (raw.some((c) => c > 0x7e)) throw refuse('name-encoding', 'A ZIP member name is neither ASCII nor marked as UTF-8.');
  return String.fromCharCode(...raw);
}

export interface Central {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  size: number;
  time: number;
}

/**
 * Checks a member's local header and data descriptor against its central directory entry;
 * returns where its data starts and where the member ends. Throws INVALID_INPUT "structure",
 * TRUNCATED, or AUTH_FAILED "container" in canonical mode.
 */
export function checkLocal(b: Uint8Array, at: number, c: Central, limit: number, canonical: boolean) {
  if (at + 30 > limit || u32(b, at) !== SIG_LOCAL) throw malformed('local header', c.name);
  const flags = u16(b, at + 6);
  const nameLen = u16(b, at + 26);
  const extraLen = u16(b, at + 28);
  const dataStart = at + 30 + nameLen + extraLen;
  if (flags !== c.flags || u16(b, at + 8) !== c.method) throw malformed('local header differs', c.name);
  if (nameLen !== c.nameBytes.length || !b.subarray(at + 30, at + 30 + nameLen).every((x, i) => x === c.nameBytes[i])) throw malformed('local name differs', c.name);
  const dataEnd = dataStart + c.csize;
  if (dataEnd > limit) throw new AppError('TRUNCATED', `The ZIP member ${c.name} runs past the end of the data.`, { details: { reason: 'member', name: c.name } });
  const lcrc = u32(b, at + 14);
  const lcs = u32(b, at + 18);
  const lus = u32(b, at + 22);
  let spanEnd = dataEnd;
  if (flags & 8) {
    const zero = lcrc === 0 && lcs === 0 && lus === 0;
    if (!zero && (lcrc !== c.crc || lcs !== c.csize || lus !== c.size)) throw malformed('local sizes differ', c.name);
    const sig = dataEnd + 16 <= limit && u32(b, dataEnd) === SIG_DESCRIPTOR ? 4 : 0;
    if (dataEnd + sig + 12 > limit) throw malformed('data descriptor', c.name);
    if (u32(b, dataEnd + sig) !== c.crc || u32(b, dataEnd + sig + 4) !== c.csize || u32(b, dataEnd + sig + 8) !== c.size) throw malformed('data descriptor differs', c.name);
    spanEnd = dataEnd + sig + 12;
    if (canonical && (!zero || !sig)) throw noncanonical(c.name, 'local header');
  } else if (lcrc !== c.crc || lcs !== c.csize || lus !== c.size) throw malformed('local sizes differ', c.name);
  if (canonical && (u16(b, at + 4) !== 20 || extraLen || u32(b, at + 10) !== c.time)) throw noncanonical(c.name, 'local header');
  return { dataStart, spanEnd };
}

/** Members may not overlap (the "overlapping files" bomb); canonical ones are back to back. */
export function checkSpans(spans: [number, number, string][], cdOffset: number, canonical: boolean) {
  const order = canonical ? spans : [...spans].sort((a, b) => a[0] - b[0]);
  let end = 0;
  for (const [start, stop, name] of order) {
    if (start < end) throw refuse('overlap', `The ZIP member ${name} overlaps another member.`, { name });
    if (canonical && start !== end) throw noncanonical(name, 'position');
    end = stop;
  }
  if (end > cdOffset || (canonical && end !== cdOffset)) throw canonical ? noncanonical('the archive', 'layout') : malformed('layout');
}
