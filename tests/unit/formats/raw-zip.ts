/**
 * A deliberately naive ZIP writer for tests: it writes whatever it is told (unsafe names,
 * symlink attributes, lying sizes, duplicate names), which our own writer refuses to do.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../../../src/core/formats/crc32.ts';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  deflate?: boolean;
  /** External attributes (high 16 bits: Unix mode). */
  ext?: number;
  madeBy?: number;
  flags?: number;
  /** Overrides the declared uncompressed size. */
  size?: number;
}

const le16 = (n: number) => [n & 255, (n >> 8) & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

class Bytes {
  private parts: Uint8Array[] = [];
  length = 0;
  push(...xs: (number | Uint8Array)[]) {
    for (const x of xs) {
      const b = typeof x === 'number' ? Uint8Array.of(x) : x;
      this.parts.push(b);
      this.length += b.length;
    }
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) (out.set(p, o), (o += p.length));
    return out;
  }
}

export function rawZip(entries: RawEntry[], opts: { pointAllAt?: number } = {}): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  const offsets: number[] = [];
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const body = e.deflate ? deflateSync(e.data) : e.data;
    const flags = (e.flags ?? 0) | (/^[\x00-\x7f]*$/.test(e.name) ? 0 : 0x800);
    const crc = crc32(e.data);
    const size = e.size ?? e.data.length;
    offsets.push(out.length);
    const common = [...le16(flags), ...le16(e.deflate ? 8 : 0), ...le32(0x00210000), ...le32(crc), ...le32(body.length), ...le32(size), ...le16(name.length), ...le16(0)];
    out.push(...le32(0x04034b50), ...le16(20), ...common, name, body);
    central.push(...le32(0x02014b50), ...le16(e.madeBy ?? 20), ...le16(20), ...common, ...le16(0), ...le16(0), ...le16(0), ...le32(e.ext ?? 0));
    central.push(...le32(opts.pointAllAt ?? offsets[offsets.length - 1]!), name);
  }
  const cdOffset = out.length;
  out.push(central.bytes());
  out.push(...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(entries.length), ...le16(entries.length), ...le32(central.length), ...le32(cdOffset), ...le16(0));
  return out.bytes();
}
