import { describe, expect, it } from 'vitest';
import { cleanName, sniffType } from '../../../src/engine/checklist/sniff.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('attachment type from the first bytes', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe1]), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG\r\n\x1a\n'), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['GIF', bytes('GIF89a', [0, 0]), 'image/gif'],
    ['HEIC from an iPhone', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    ['HEIF (mif1)', bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0]), 'image/heic'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['PDF after a byte-order mark', bytes([0xef, 0xbb, 0xbf], '%PDF-1.4'), 'application/pdf'],
  ])('%s', (_, b, type) => {
    expect(sniffType(b)).toBe(type);
  });

  it.each([
    ['CSV', bytes('name,id\n')],
    ['ZIP (xlsx)', bytes('PK', [3, 4])],
    ['MP4 video', bytes([0, 0, 0, 24], 'ftypisom')],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['nothing', bytes()],
  ])('refuses %s', (_, b) => {
    expect(sniffType(b)).toBeNull();
  });
});

describe('attachment file names', () => {
  it('keeps the last path part, drops control characters, caps at 120 characters', () => {
    expect(cleanName('C:\\Users\\li\\扫描件.pdf', 'x')).toBe('扫描件.pdf');
    expect(cleanName('/tmp/a\u0000b\u001f.png', 'x')).toBe('ab.png');
    expect(cleanName('   ', 'photo')).toBe('photo');
    expect([...cleanName('甲'.repeat(300), 'x')]).toHaveLength(120);
  });
});
