import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { checkEntryName, extractEntry, readZip, readZipFiles } from '../../../src/core/formats/zip-safe.ts';
import { createZipWriter, zipSync } from '../../../src/core/formats/zip-write.ts';
import { utf8 } from '../../../src/core/bytes.ts';
import { rawZip } from './raw-zip.ts';
import { hasTool, runOk, tempDir } from './tools.ts';

const MTIME = new Date('2026-11-22T08:30:00Z');
const fail = (f: () => unknown): { code?: string; reason?: unknown } => {
  try {
    f();
  } catch (e) {
    const x = e as { code?: string; details?: { reason?: unknown } };
    return { code: x.code, reason: x.details?.reason };
  }
  return { code: 'no error' };
};

describe('zip-safe: names', () => {
  it.each([
    ['../evil.txt', 'traversal'],
    ['a/../../evil.txt', 'traversal'],
    ['./a.txt', 'traversal'],
    ['/etc/passwd', 'absolute'],
    ['a\\..\\b.txt', 'backslash'],
    ['C:/Windows/x', 'drive'],
    ['c:x', 'drive'],
    ['a//b', 'empty-segment'],
    ['', 'empty-name'],
    ['a\u0000b', 'bad-char'],
    ['file.txt:stream', 'bad-char'],
    ['name. /x', 'bad-char'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(fail(() => checkEntryName(name))).toEqual({ code: 'INVALID_INPUT', reason });
    expect(fail(() => readZip(rawZip([{ name, data: utf8('x') }])))).toEqual({ code: 'INVALID_INPUT', reason });
  });

  it('accepts ordinary relative names, Chinese included', () => {
    for (const n of ['records.jsonl', 'attachments/KH000001/身份证正面.jpg', 'a/b/', 'a.b.c']) expect(checkEntryName(n)).toBe(n);
  });
});

describe('zip-safe: refusals', () => {
  it('duplicates, by case, by Unicode form, and a file where a folder is', () => {
    const x = utf8('x');
    expect(fail(() => readZip(rawZip([{ name: 'a.txt', data: x }, { name: 'a.txt', data: x }])))).toEqual({ code: 'INVALID_INPUT', reason: 'duplicate' });
    expect(fail(() => readZip(rawZip([{ name: 'A.txt', data: x }, { name: 'a.TXT', data: x }])))).toEqual({ code: 'INVALID_INPUT', reason: 'duplicate' });
    expect(fail(() => readZip(rawZip([{ name: 'caf\u00e9', data: x }, { name: 'cafe\u0301', data: x }])))).toEqual({ code: 'INVALID_INPUT', reason: 'duplicate' });
    expect(fail(() => readZip(rawZip([{ name: 'a', data: x }, { name: 'a/b', data: x }])))).toEqual({ code: 'INVALID_INPUT', reason: 'duplicate' });
    expect(fail(() => readZip(rawZip([{ name: 'a/b', data: x }, { name: 'a', data: x }])))).toEqual({ code: 'INVALID_INPUT', reason: 'duplicate' });
    expect(readZip(rawZip([{ name: 'a/', data: new Uint8Array(0) }, { name: 'a/b', data: x }])).length).toBe(2);
  });

  it('symlinks and special files, encrypted members, unknown methods', () => {
    const x = utf8('/etc/passwd');
    expect(fail(() => readZip(rawZip([{ name: 'link', data: x, ext: (0o120777 << 16) >>> 0, madeBy: 0x0314 }])))).toEqual({ code: 'INVALID_INPUT', reason: 'symlink' });
    expect(fail(() => readZip(rawZip([{ name: 'fifo', data: x, ext: (0o010644 << 16) >>> 0, madeBy: 0x0314 }])))).toEqual({ code: 'INVALID_INPUT', reason: 'special-file' });
    expect(fail(() => readZip(rawZip([{ name: 'e', data: x, flags: 1 }])))).toEqual({ code: 'INVALID_INPUT', reason: 'encrypted' });
    expect(readZip(rawZip([{ name: 'f', data: x, ext: (0o100644 << 16) >>> 0, madeBy: 0x0314 }]))[0]!.name).toBe('f');
  });

  it('bombs: ratio, total size, entry count, a lying declared size, overlapping members', () => {
    const zeros = new Uint8Array(20 << 20);
    expect(fail(() => readZip(rawZip([{ name: 'bomb', data: zeros, deflate: true }])))).toEqual({ code: 'INVALID_INPUT', reason: 'ratio' });
    const small = new Uint8Array(600_000).map((_, i) => (i * 2654435761) >>> 24);
    const two = rawZip([{ name: 'a', data: small, deflate: true }, { name: 'b', data: small, deflate: true }]);
    expect(fail(() => readZip(two, { limits: { maxTotalBytes: 1_000_000 } }))).toEqual({ code: 'INVALID_INPUT', reason: 'too-large' });
    expect(fail(() => readZip(two, { limits: { maxEntryBytes: 500_000 } }))).toEqual({ code: 'INVALID_INPUT', reason: 'entry-too-large' });
    expect(fail(() => readZip(two, { limits: { maxEntries: 1 } }))).toEqual({ code: 'INVALID_INPUT', reason: 'too-many-entries' });
    // Declares 10 bytes but inflates to 600,000: stopped at the declared size.
    const liar = rawZip([{ name: 'a', data: small, deflate: true, size: 10 }]);
    const [e] = readZip(liar);
    expect(fail(() => extractEntry(liar, e!))).toEqual({ code: 'INVALID_INPUT', reason: 'size-mismatch' });
    const overlapping = rawZip([{ name: 'a', data: small }, { name: 'b', data: small }], { pointAllAt: 0 });
    expect(fail(() => readZip(overlapping)).code).toBe('INVALID_INPUT');
  });

  it('not a ZIP, truncated, damaged', () => {
    const z = zipSync([['a.txt', utf8('hello '.repeat(100))]], { mtime: MTIME, deflate: true });
    expect(fail(() => readZip(utf8('hello, not a zip at all, long enough to search')))).toEqual({ code: 'INVALID_INPUT', reason: 'not-zip' });
    expect(fail(() => readZip(new Uint8Array(0)))).toEqual({ code: 'INVALID_INPUT', reason: 'not-zip' });
    expect(fail(() => readZip(z.subarray(0, z.length - 30))).code).toBe('TRUNCATED');
    expect(fail(() => readZip(new Uint8Array([...z, 0])))).toEqual({ code: 'TRUNCATED', reason: 'no-directory' });
    const flipped = z.slice();
    flipped[40] ^= 0x10;
    expect(fail(() => readZipFiles(flipped)).code).toBe('AUTH_FAILED');
  });
});

describe('zip-write', () => {
  it('round-trips stored and deflated members, streaming', () => {
    const w = createZipWriter({ mtime: MTIME });
    const a = w.add('records.jsonl', { deflate: true });
    for (let i = 0; i < 1000; i++) a.push(utf8(`{"n":${i}}\n`));
    a.end();
    const b = w.add('attachments/照片.jpg');
    b.push(new Uint8Array([1, 2, 3]));
    b.end();
    w.end();
    const parts = w.take();
    const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((o, p) => (zip.set(p, o), o + p.length), 0);
    const files = readZipFiles(zip);
    expect([...files.keys()]).toEqual(['records.jsonl', 'attachments/照片.jpg']);
    expect(new TextDecoder().decode(files.get('records.jsonl')!).split('\n').length).toBe(1001);
    expect(files.get('attachments/照片.jpg')).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('the bytes do not depend on the time zone', () => {
    const z = zipSync([['a', utf8('a')]], { mtime: MTIME });
    // DOS date and time at offset 10 of the local header: 2026-11-22 08:30:00 (UTC fields).
    const time = z[10]! | (z[11]! << 8);
    const date = z[12]! | (z[13]! << 8);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([2026, 11, 22, 8, 30]);
  });

  it('refuses to write a name it would refuse to read', () => {
    expect(fail(() => createZipWriter({ mtime: MTIME }).add('../x'))).toEqual({ code: 'INVALID_INPUT', reason: 'traversal' });
  });

  it('property: canonical reading detects every single-byte flip of a small stored archive', () => {
    const z = zipSync(
      [
        ['a.txt', utf8('alpha '.repeat(20))],
        ['b/客户.txt', utf8('beta')],
      ],
      { mtime: MTIME },
    );
    expect(fail(() => readZip(zipSync([['a', utf8('a')]], { mtime: MTIME, deflate: true }), { canonical: true }))).toEqual({ code: 'AUTH_FAILED', reason: 'container' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: z.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const f = z.slice();
        f[at] ^= x;
        expect(fail(() => readZipFiles(f, { canonical: true })).code).not.toBe('no error');
      }),
      { numRuns: 400 },
    );
  });
});

describe.runIf(hasTool('unzip'))('zip interop with Info-ZIP unzip', () => {
  it('unzip -t accepts our archive and extracts the same bytes', () => {
    const dir = tempDir();
    const z = zipSync(
      [
        ['records.csv', utf8('\uFEFFa,b\r\n1,2\r\n')],
        ['attachments/KH1/照片.bin', new Uint8Array(70_000).map((_, i) => i & 255)],
      ],
      { mtime: MTIME, deflate: true },
    );
    fs.writeFileSync(path.join(dir, 't.zip'), z);
    expect(runOk('unzip', ['-t', 't.zip'], { cwd: dir })).toContain('No errors detected');
    runOk('unzip', ['-q', 't.zip', '-d', 'out'], { cwd: dir });
    expect(new Uint8Array(fs.readFileSync(path.join(dir, 'out/attachments/KH1/照片.bin')))).toEqual(new Uint8Array(70_000).map((_, i) => i & 255));
  });
});
