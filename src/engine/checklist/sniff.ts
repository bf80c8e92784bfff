/**
 * Deciding whether a file may be evidence: its size, and its type from its first bytes. The
 * name and the browser's declared type are not trusted (a renamed file, a phone camera that
 * reports nothing).
 */
import { AppError } from '../../core/errors.ts';
import { MAX_ATTACHMENT_BYTES, type AttachmentFailure, type AttachmentType } from './types.ts';

const ascii = (b: Uint8Array, at: number, s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'];

/** The type of a file from its magic bytes, or null when it is none of the accepted ones. */
export function sniffType(b: Uint8Array): AttachmentType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (b.length >= 6 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) return 'image/gif';
  if (b.length >= 12 && ascii(b, 4, 'ftyp') && HEIF_BRANDS.some((x) => ascii(b, 8, x))) return 'image/heic';
  // A PDF header may follow up to 1 KiB of junk (PDF 1.7 §7.5.2 tolerance in common readers).
  const head = Math.min(b.length, 1024);
  for (let i = 0; i + 5 <= head; i++) if (b[i] === 0x25 && ascii(b, i, '%PDF-')) return 'application/pdf';
  return null;
}

function refused(reason: AttachmentFailure, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: { field: 'file', reason, limitBytes: MAX_ATTACHMENT_BYTES } });
}

/** Throws INVALID_INPUT (reason EMPTY or TOO_LARGE) before a file is read. */
export function checkSize(size: number): void {
  if (size === 0) throw refused('EMPTY', 'The file is empty. Choose the photo or PDF again.');
  if (size > MAX_ATTACHMENT_BYTES) {
    throw refused('TOO_LARGE', 'The file is larger than 20 MB. Take the photo at a lower resolution, or split or compress the PDF, then attach it again.');
  }
}

/** The accepted type of `bytes`; throws INVALID_INPUT (reason WRONG_TYPE, EMPTY or TOO_LARGE) otherwise. */
export function checkFile(bytes: Uint8Array): AttachmentType {
  checkSize(bytes.length);
  const type = sniffType(bytes);
  if (!type) throw refused('WRONG_TYPE', 'Only photos (JPEG, PNG, WebP, GIF, HEIC) and PDF files can be attached. Save the document as a PDF or photograph it, then attach it again.');
  return type;
}

/** A file name to keep: no path, no control characters, at most 120 characters; `fallback` when empty. */
export function cleanName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...(clean || fallback)].slice(0, 120).join('');
}
