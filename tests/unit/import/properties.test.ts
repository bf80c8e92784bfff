import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerSignature, suggestMapping } from '../../../src/core/domain/import/mapping.ts';
import {
  excelSerialToIso,
  normaliseAmount,
  normaliseBankCard,
  normaliseDate,
  normaliseEmail,
  normaliseFreeText,
  normaliseIdNumber,
  normaliseName,
  normalisePhone,
  normaliseText,
  normaliseUscc,
  toHalfWidth,
  type NormaliseResult,
} from '../../../src/core/domain/import/normalise.ts';

// Cells as registers hold them: ASCII, full-width forms, CJK, spaces of several kinds, separators.
const cellChar = fc.oneof(
  fc.constantFrom(...'0123456789xX+-()./,:年月日号万元¥￥@ \t\u3000\u200b\ufeff\'eE'),
  fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x4e00, max: 0x4e50 }).map((c) => String.fromCharCode(c)),
  fc.string({ maxLength: 1 }),
);
const cell = fc.string({ unit: cellChar, maxLength: 24 });

const NORMALISERS: [string, (s: string) => NormaliseResult][] = [
  ['text', normaliseText],
  ['name', normaliseName],
  ['freeText', normaliseFreeText],
  ['idNumber', normaliseIdNumber],
  ['phone', normalisePhone],
  ['bankCard', normaliseBankCard],
  ['email', normaliseEmail],
  ['uscc', normaliseUscc],
  ['date', normaliseDate],
  ['amount (yuan)', (s) => normaliseAmount(s)],
];

describe('normaliser properties', () => {
  it.each(NORMALISERS)('%s is idempotent and reports change truthfully', (_, f) => {
    fc.assert(
      fc.property(cell, (raw) => {
        const once = f(raw);
        if (!once.ok) return;
        expect(once.changed).toBe(once.value !== raw);
        expect(f(once.value)).toEqual({ ok: true, value: once.value, changed: false });
      }),
      { numRuns: 500 },
    );
  });
  it('half-width folding is idempotent and leaves no full-width form', () => {
    fc.assert(
      fc.property(cell, (raw) => {
        const once = toHalfWidth(raw);
        expect(toHalfWidth(once)).toBe(once);
        expect(/[\uff01-\uff5e\u3000]/.test(once)).toBe(false);
      }),
    );
  });
  it('万元 scaling equals exact integer arithmetic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }), (n, scale) => {
        const s = n.toString().padStart(scale + 1, '0');
        const decimal = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
        const r = normaliseAmount(decimal, 'wan');
        expect(r.ok && BigInt(r.value)).toBe((n * 10n ** 4n) / 10n ** BigInt(scale));
      }),
    );
  });
  it('every calendar date survives each written form and its Excel serial', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
        for (const form of [iso, `${y}/${m}/${day}`, `${y}.${m}.${day}`, iso.replaceAll('-', ''), `${y}年${m}月${day}日`]) {
          expect(normaliseDate(form)).toMatchObject({ ok: true, value: iso });
        }
        const serial = Math.round((Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
        expect(excelSerialToIso(serial)).toBe(iso);
      }),
    );
  });
});

describe('mapping properties', () => {
  it('suggests one entry per column, in order, with confidence in [0, 1], and no field twice', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { maxLength: 12 }), fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 5 }), (headers, rows) => {
        const s = suggestMapping(headers, rows);
        expect(s.map((x) => x.column)).toEqual(headers.map((_, i) => i));
        expect(s.every((x) => x.confidence >= 0 && x.confidence <= 1)).toBe(true);
        const fields = s.flatMap((x) => (x.field === null ? [] : [x.field]));
        expect(new Set(fields).size).toBe(fields.length);
      }),
    );
  });
  it('header signatures ignore surrounding whitespace', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 8 })), (headers) => {
      expect(headerSignature(headers.map((h) => ` ${h}\t`))).toBe(headerSignature(headers));
    }));
  });
});
