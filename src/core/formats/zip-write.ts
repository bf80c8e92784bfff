/**
 * Writing a ZIP as a stream with fflate's Zip class. Output accumulates in a queue that the
 * caller drains (`take`) between pushes, so a generator can yield it as it is made and memory
 * stays bounded. Members are written in the order added; fflate holds a later member's output
 * until the earlier ones end, so push members one after the other where size matters.
 *
 * Layout (what zip-safe.ts `canonical` checks): every member has a local header with version 20,
 * flag bit 3 (sizes in a data descriptor that carries its signature), no extra field, the
 * UTF-8 flag when the name is not ASCII; the central directory says "made by Unix, 2.0" with
 * mode 0644 and has no comments.
 * No Zip64: an archive or a member at or above 4 GiB is refused rather than written wrong.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { AppError } from '../errors.ts';
import { NameSet, checkEntryName } from './zip-names.ts';

const MAX_ZIP_BYTES = 0xffffffff;
const MAX_ENTRIES = 0xffff;
// FORMAT: never change; add a version
export const FILE_ATTRS = (0o100644 << 16) >>> 0;
export const MADE_BY = (3 << 8) | 20;

export interface ZipMemberSink {
  push(chunk: Uint8Array): void;
  end(): void;
}

export interface ZipWriter {
  /** Adds a member (name checked, duplicates refused, as zip-safe does on reading); deflate or store. */
  add(name: string, opts?: { deflate?: boolean }): ZipMemberSink;
  /** Writes the central directory; call after every member ended. */
  end(): void;
  /** Takes the output made so far. Throws an error raised while writing. */
  take(): Uint8Array[];
  /** Bytes waiting in the queue. */
  readonly pending: number;
}

/**
 * A ZIP writer whose members carry `mtime` (stored as its UTC date and time, so the bytes do
 * not depend on the writer's time zone).
 */
export function createZipWriter(opts: { mtime: Date }): ZipWriter {
  let queue: Uint8Array[] = [];
  let pending = 0;
  let written = 0;
  let failure: unknown;
  let entries = 0;
  const names = new NameSet();
  const zip = new Zip((err, chunk) => {
    if (err) {
      failure ??= err;
      return;
    }
    written += chunk.length;
    if (written > MAX_ZIP_BYTES) failure ??= tooLarge();
    queue.push(chunk);
    pending += chunk.length;
  });
  const m = opts.mtime;
  // fflate reads the local-time fields of the date; hand it a date whose local fields are UTC's.
  const mtime = new Date(m.getUTCFullYear(), m.getUTCMonth(), m.getUTCDate(), m.getUTCHours(), m.getUTCMinutes(), m.getUTCSeconds());
  const check = () => {
    if (failure !== undefined) throw failure;
  };
  return {
    add(name, o = {}) {
      check();
      names.add(checkEntryName(name));
      if (++entries > MAX_ENTRIES) throw new AppError('INVALID_INPUT', `A ZIP file holds at most ${MAX_ENTRIES} members.`, { details: { reason: 'too-many-entries' } });
      const f = o.deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      f.mtime = mtime;
      // Host Unix with mode 0644: Info-ZIP unzip applies a DOS code-page translation to the
      // names of DOS-made archives, garbling UTF-8 names (Chinese file names) even when flagged.
      f.os = 3;
      f.attrs = FILE_ATTRS;
      zip.add(f);
      let size = 0;
      return {
        push(chunk) {
          check();
          size += chunk.length;
          if (size > MAX_ZIP_BYTES) throw tooLarge();
          f.push(chunk);
        },
        end() {
          f.push(new Uint8Array(0), true);
          check();
        },
      };
    },
    end() {
      zip.end();
      check();
    },
    take() {
      check();
      const out = queue;
      queue = [];
      pending = 0;
      return out;
    },
    get pending() {
      return pending;
    },
  };
}

function tooLarge(): AppError {
  return new AppError('INVALID_INPUT', 'The archive would reach 4 GiB, beyond what a ZIP without Zip64 holds. Split it into several bundles.', {
    details: { reason: 'zip64' },
  });
}

/** A whole ZIP in memory from named parts (tests, small archives). */
export function zipSync(files: [string, Uint8Array][], opts: { mtime: Date; deflate?: boolean }): Uint8Array {
  const w = createZipWriter(opts);
  for (const [name, bytes] of files) {
    const m = w.add(name, { deflate: opts.deflate });
    m.push(bytes);
    m.end();
  }
  w.end();
  const parts = w.take();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
