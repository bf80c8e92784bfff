/**
 * What a chosen file is, from its bytes rather than its name: a workbook (ZIP), an OLE/CFB
 * container (a password-protected workbook or an old .xls), binary data, or text — and, for
 * text, which encoding. Registers from Chinese back-office systems are UTF-8 (with or without
 * BOM), GB18030/GBK, or UTF-16 from Excel's "Unicode text"; nothing in a CSV says which.
 */
import { badInput } from './bad-input.ts';
import type { TextEncodingName } from './types.ts';

export type FileKind = 'xlsx' | 'text';

const startsWith = (b: Uint8Array, magic: readonly number[]): boolean => magic.every((x, i) => b[i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Formats people rename by mistake: PDF, PNG, JPEG, GIF, gzip, 7z, RAR, ELF, PE.
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b], [0x37, 0x7a, 0xbc, 0xaf], [0x52, 0x61, 0x72, 0x21], [0x7f, 0x45, 0x4c, 0x46], [0x4d, 0x5a],
];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** True when `b` holds the UTF-16LE bytes of `name` (a CFB directory entry name). */
function hasUtf16Name(b: Uint8Array, name: string): boolean {
  const pat = Array.from(name, (c) => [c.charCodeAt(0), 0]).flat();
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Classifies the bytes. Throws INVALID_INPUT with reason EMPTY (0 bytes), XLSX_ENCRYPTED (a CFB
 * container holding an EncryptedPackage stream, or one we cannot tell apart), XLS_LEGACY (a CFB
 * holding a Workbook stream) or BINARY (a known binary format, or NUL bytes in text without a
 * UTF-16 BOM).
 */
export function sniff(b: Uint8Array): FileKind {
  if (b.length === 0) throw badInput('EMPTY');
  if (startsWith(b, ZIP) || startsWith(b, ZIP_EMPTY)) return 'xlsx';
  if (startsWith(b, CFB)) {
    if (!hasUtf16Name(b, 'EncryptedPackage') && (hasUtf16Name(b, 'Workbook') || hasUtf16Name(b, 'Book'))) throw badInput('XLS_LEGACY');
    throw badInput('XLSX_ENCRYPTED');
  }
  if (startsWith(b, UTF16LE_BOM) || startsWith(b, UTF16BE_BOM) || startsWith(b, UTF8_BOM)) return 'text';
  if (BINARY_MAGIC.some((m) => startsWith(b, m))) throw badInput('BINARY');
  const head = b.subarray(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === 0) throw badInput('BINARY');
    // Control characters other than tab, LF, FF, CR and ESC do not occur in registers.
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) control++;
  }
  if (control > head.length / 100) throw badInput('BINARY');
  return 'text';
}

/**
 * Decodes text. With `override`, that encoding (invalid bytes become U+FFFD). Otherwise a BOM
 * decides; without one, strict UTF-8 is tried first and GB18030 (a superset of GBK and GB2312)
 * is used when it fails — valid UTF-8 is almost never meaningful GB18030, while Chinese
 * GB18030 text is almost never valid UTF-8. The BOM is not part of the returned text.
 */
export function decodeText(b: Uint8Array, override?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  if (override) return { text: new TextDecoder(override).decode(b), encoding: override };
  if (startsWith(b, UTF16LE_BOM)) return { text: new TextDecoder('utf-16le').decode(b), encoding: 'utf-16le' };
  if (startsWith(b, UTF16BE_BOM)) return { text: new TextDecoder('utf-16be').decode(b), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' };
  }
}
