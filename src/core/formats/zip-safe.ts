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
import { NameSet, checkEntryName, refuse } from './zip-names.ts';
import { SIG_CENTRAL, SIG_ZIP64_LOCATOR, checkLocal, checkSpans, decodeName, findEocd, malformed, noncanonical, u16, u32 } from './zip-structure.ts';

export { NameSet, checkEntryName } from './zip-names.ts';

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
