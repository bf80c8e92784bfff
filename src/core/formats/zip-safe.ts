/**
 * Reading a ZIP defensively. We parse the central directory ourselves (fflate does not expose
 * entry attributes, so it cannot see symlinks) and inflate with fflate under a byte budget,
 * never trusting a declared size. Refused, each with INVALID_INPUT and `details.reason`:
 * unsafe names (traversal, absolute, backslash, drive letter, control or reserved characters),
 * duplicates (also by case and Unicode form, and a file named like a folder), symlinks and
 * special files, encryption, Zip64, overlapping members, and bombs (entry count, total and
 * per-entry size, compression ratio). Damage (a CRC or deflate error) is AUTH_FAILED; a cut
 * file is TRUNCATED. `canonical` additionally demands the exact layout zip-write.ts produces,
 * with stored members only, so that every byte of the container is checked (used for the
 * outer bundle). Stored, because the unused padding bits of a deflate stream's last byte can
 * flip without changing the output or the CRC.
 */
import { Inflate } from 'fflate';
import { AppError } from '../errors.ts';
import { crc32 } from './crc32.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of every member's inflated size, in bytes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Inflated ÷ compressed, checked for members above 1 MiB (small files may compress far). */
  maxRatio: number;
}

/** Deflate can reach ~1032:1; real records compress 5–20:1. JS arrays stop near 2 GiB anyway. */
export const DEFAULT_LIMITS: ZipLimits = { maxEntries: 65_535, maxTotalBytes: 2 ** 31 - 1, maxEntryBytes: 2 ** 30, maxRatio: 200 };
const RATIO_FLOOR = 1 << 20;

export interface ZipEntry {
  /** Checked, relative, '/'-separated; folders end in '/'. */
  name: string;
  dir: boolean;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  /** Byte range of the member's data in the archive. */
  dataStart: number;
  dataEnd: number;
}

export interface ZipReadOptions {
  limits?: Partial<ZipLimits>;
  canonical?: boolean;
}

const refuse = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('INVALID_INPUT', message, { details: { reason, ...details } });
const malformed = (what: string, name?: string) =>
  refuse('structure', `The ZIP file is malformed (${what}${name ? ` in ${name}` : ''}). Use another copy.`, name ? { name } : {});

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

/**
 * Checks a member name; returns it unchanged or throws INVALID_INPUT with the reason. Used on
 * reading and writing, so we never write what we would refuse to read.
 */
export function checkEntryName(name: string): string {
  const bare = name.endsWith('/') ? name.slice(0, -1) : name;
  const d = { name };
  if (!bare) throw refuse('empty-name', 'A ZIP member has an empty name.', d);
  if (name.length > 1024) throw refuse('name-too-long', 'A ZIP member name is too long.', d);
  if (name.includes('\\')) throw refuse('backslash', `A ZIP member name contains a backslash: ${name}`, d);
  if (name.startsWith('/')) throw refuse('absolute', `A ZIP member has an absolute path: ${name}`, d);
  if (/^[A-Za-z]:/.test(name)) throw refuse('drive', `A ZIP member names a drive: ${name}`, d);
  // Control characters, and characters Windows forbids or reads specially (":" opens a data stream).
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(name)) throw refuse('bad-char', `A ZIP member name has a forbidden character: ${JSON.stringify(name)}`, d);
  for (const seg of bare.split('/')) {
    if (seg === '..' || seg === '.') throw refuse('traversal', `A ZIP member tries to leave its folder: ${name}`, d);
    if (seg === '') throw refuse('empty-segment', `A ZIP member name has an empty folder: ${name}`, d);
    if (/[. ]$/.test(seg)) throw refuse('bad-char', `A ZIP member name ends a part in a dot or space: ${name}`, d);
  }
  return name;
}

/** Parses and checks the archive's structure, names and limits; inflates nothing. */
export function readZip(bytes: Uint8Array, opts: ZipReadOptions = {}): ZipEntry[] {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const canonical = !!opts.canonical;
  const eocd = findEocd(bytes, canonical);
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) throw refuse('multi-disk', 'Split (multi-disk) ZIP files are not supported.');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || (eocd >= 20 && u32(bytes, eocd - 20) === SIG_ZIP64_LOCATOR)) {
    throw refuse('zip64', 'Zip64 archives are not supported.');
  }
  if (u16(bytes, eocd + 8) !== count) throw malformed('entry counts');
  if (count > limits.maxEntries) throw refuse('too-many-entries', `The ZIP file has ${count} members; at most ${limits.maxEntries} are allowed.`, { count });
  if (cdOffset + cdSize !== eocd) throw malformed('central directory bounds');

  const entries: ZipEntry[] = [];
  const spans: [number, number, string][] = [];
  const names = new NameSet();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(bytes, p) !== SIG_CENTRAL) throw malformed('central directory entry');
    const made = u16(bytes, p + 4);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const csize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const ext = u32(bytes, p + 38);
    const local = u32(bytes, p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > eocd) throw malformed('central directory entry');
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = checkEntryName(decodeName(nameBytes, flags));
    if (canonical) {
      if (made !== 0x0314 || u16(bytes, p + 6) !== 20 || extraLen || commentLen || u16(bytes, p + 34) || u16(bytes, p + 36) || ext !== 0x81a40000 || !(flags & 8) || method !== 0) {
        throw noncanonical(name, 'central directory fields');
      }
    }
    if (flags & 0x41) throw refuse('encrypted', `The ZIP member ${name} is encrypted.`, { name });
    if (flags & ~0x80e) throw malformed('unknown flags', name);
    if (method !== 0 && method !== 8) throw refuse('method', `The ZIP member ${name} uses an unsupported compression method (${method}).`, { name });
    const mode = ext >>> 16;
    const type = mode & 0o170000;
    if (type === 0o120000) throw refuse('symlink', `The ZIP member ${name} is a symbolic link.`, { name });
    if (type && type !== 0o100000 && type !== 0o040000) throw refuse('special-file', `The ZIP member ${name} is not a regular file.`, { name });
    const dir = name.endsWith('/');
    if (dir && size) throw malformed('folder with data', name);
    if (method === 0 && csize !== size) throw malformed('stored sizes differ', name);
    if (size > limits.maxEntryBytes) throw refuse('entry-too-large', `The ZIP member ${name} would inflate to ${size} bytes, over the limit.`, { name, size });
    if (size > RATIO_FLOOR && size / Math.max(csize, 1) > limits.maxRatio) {
      throw refuse('ratio', `The ZIP member ${name} is compressed ${Math.round(size / Math.max(csize, 1))}:1, like a ZIP bomb.`, { name });
    }
    total += size;
    if (total > limits.maxTotalBytes) throw refuse('too-large', `The ZIP file would inflate to more than ${limits.maxTotalBytes} bytes.`, { total });
    names.add(name);

    const { dataStart, spanEnd } = checkLocal(bytes, local, { name, nameBytes, flags, method, crc, csize, size, time: u32(bytes, p + 12) }, cdOffset, canonical);
    spans.push([local, spanEnd, name]);
    entries.push({ name, dir, method, crc, compressedSize: csize, size, dataStart, dataEnd: dataStart + csize });
    p = next;
  }
  if (p !== eocd) throw malformed('central directory size');
  checkSpans(spans, cdOffset, canonical);
  return entries;
}

/**
 * The member's bytes, inflated under its declared size and checked against its CRC-32. A stored
 * member is returned as a view into `bytes` (no copy). Throws AUTH_FAILED for damage.
 */
export function extractEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const data = bytes.subarray(e.dataStart, e.dataEnd);
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else {
    out = new Uint8Array(e.size);
    let n = 0;
    const inf = new Inflate((chunk) => {
      if (n + chunk.length > e.size) throw refuse('size-mismatch', `The ZIP member ${e.name} inflates to more than its declared size.`, { name: e.name });
      out.set(chunk, n);
      n += chunk.length;
    });
    try {
      for (let i = 0; i < data.length; i += 65536) inf.push(data.subarray(i, i + 65536), i + 65536 >= data.length);
      if (!data.length) inf.push(data, true);
    } catch (cause) {
      if (cause instanceof AppError) throw cause;
      throw damaged(e.name, 'deflate', cause);
    }
    if (n !== e.size) throw damaged(e.name, 'size');
  }
  if (crc32(out) !== e.crc) throw damaged(e.name, 'crc');
  return out;
}

/** Every file member (folders skipped), by name, checked and extracted. */
export function readZipFiles(bytes: Uint8Array, opts: ZipReadOptions = {}): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const e of readZip(bytes, opts)) if (!e.dir) out.set(e.name, extractEntry(bytes, e));
  return out;
}

function damaged(name: string, reason: string, cause?: unknown): AppError {
  return new AppError('AUTH_FAILED', `The ZIP member ${name} is damaged (${reason} check failed). Use another copy.`, { cause, details: { reason, name } });
}

function noncanonical(name: string, what: string): AppError {
  return new AppError('AUTH_FAILED', `The ZIP container was altered (${what} of ${name} differ from how Closeout writes them).`, {
    details: { reason: 'container', name },
  });
}

function findEocd(b: Uint8Array, canonical: boolean): number {
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

function decodeName(raw: Uint8Array, flags: number): string {
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

/**
 * Names already in an archive. The same name by case or Unicode form, or a file where a folder
 * is, would collide on disk (Windows and macOS file systems ignore case), so both count.
 */
export class NameSet {
  private seen = new Map<string, string>();
  private folders = new Set<string>();

  /** Adds a checked name; throws INVALID_INPUT reason "duplicate" on a collision. */
  add(name: string): void {
    const key = name.normalize('NFC').toLowerCase().replace(/\/$/, '');
    const dup = (other: string) => refuse('duplicate', `The ZIP file holds ${name} twice (or a file and a folder of that name: ${other}).`, { name, other });
    const prior = this.seen.get(key);
    if (prior !== undefined && !(prior.endsWith('/') && name.endsWith('/'))) throw dup(prior);
    if (!name.endsWith('/') && this.folders.has(key)) throw dup(key + '/');
    this.seen.set(key, name);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const f = this.seen.get(folder);
      if (f !== undefined && !f.endsWith('/')) throw dup(f);
      this.folders.add(folder);
    }
  }
}

interface Central {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  size: number;
  time: number;
}

function checkLocal(b: Uint8Array, at: number, c: Central, limit: number, canonical: boolean) {
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
function checkSpans(spans: [number, number, string][], cdOffset: number, canonical: boolean) {
  const order = canonical ? spans : [...spans].sort((a, b) => a[0] - b[0]);
  let end = 0;
  for (const [start, stop, name] of order) {
    if (start < end) throw refuse('overlap', `The ZIP member ${name} overlaps another member.`, { name });
    if (canonical && start !== end) throw noncanonical(name, 'position');
    end = stop;
  }
  if (end > cdOffset || (canonical && end !== cdOffset)) throw canonical ? noncanonical('the archive', 'layout') : malformed('layout');
}
