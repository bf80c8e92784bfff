/**
 * CRC-32 (IEEE 802.3, as ZIP uses it), slicing-by-8 so checking a 200 MB member stays well under
 * a second. Incremental: pass the previous value to continue.
 */
const T = (() => {
  const t = new Uint32Array(256 * 8);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let s = 1; s < 8; s++) t[s * 256 + i] = (t[(s - 1) * 256 + i]! >>> 8) ^ t[t[(s - 1) * 256 + i]! & 255]!;
  }
  return t;
})();

/** CRC-32 of `b`, continuing from `crc` (0 to start). Returns an unsigned 32-bit number. */
export function crc32(b: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  let i = 0;
  const n8 = b.length - (b.length % 8);
  for (; i < n8; i += 8) {
    const lo = (c ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24))) >>> 0;
    c =
      T[7 * 256 + (lo & 255)]! ^
      T[6 * 256 + ((lo >>> 8) & 255)]! ^
      T[5 * 256 + ((lo >>> 16) & 255)]! ^
      T[4 * 256 + (lo >>> 24)]! ^
      T[3 * 256 + b[i + 4]!]! ^
      T[2 * 256 + b[i + 5]!]! ^
      T[256 + b[i + 6]!]! ^
      T[b[i + 7]!]!;
  }
  for (; i < b.length; i++) c = T[(c ^ b[i]!) & 255]! ^ (c >>> 8);
  return ~c >>> 0;
}
