import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskId, maskName } from '../../../src/core/domain/pii/mask.ts';
import { isValidBankCard, isValidPrcId, isValidUscc, prcIdProblem } from '../../../src/core/domain/pii/validators.ts';

// Independent reference implementations, written from the standards, not from validators.ts.
const idCheck = (body: string): string => {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[s % 11]!;
};
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccCheck = (body: string): string => {
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC.indexOf(body[i]!) * (3 ** i % 31);
  return USCC[(31 - (s % 31)) % 31]!;
};
const luhnComplete = (partial: string): string => {
  let s = 0;
  Array.from(partial).reverse().forEach((c, i) => {
    let d = Number(c) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    s += d;
  });
  return partial + ((10 - (s % 10)) % 10);
};

const today = new Date(2026, 0, 15);
const digits = (min: number, max = min) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((a) => a.join(''));
const birth = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2026, 0, 14)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
const prcId = fc.tuple(fc.integer({ min: 110000, max: 829999 }), birth, digits(3)).map(([r, b, s]) => {
  const body = `${r}${b}${s}`;
  return body + idCheck(body);
});
const usccChars = (n: number) => fc.array(fc.constantFrom(...USCC), { minLength: n, maxLength: n }).map((a) => a.join(''));
// Registration authority and type, six-digit region code, nine-character organisation code.
const uscc = fc.tuple(usccChars(2), digits(6), usccChars(9)).map(([head, region, org]) => {
  const body = head + region + org;
  return body + usccCheck(body);
});
const card = digits(10, 17).map((p) => luhnComplete(`6${p}`));

/** Replaces the character at `i` with a different one from `alphabet`. */
const mutate = (s: string, i: number, k: number, alphabet: string): string => {
  const others = alphabet.replace(s[i]!, '');
  return s.slice(0, i) + others[k % others.length] + s.slice(i + 1);
};

describe('validator properties', () => {
  it('generated valid ID numbers always validate', () => {
    fc.assert(fc.property(prcId, (id) => prcIdProblem(id, today) === null));
  });
  it('changing one digit of a valid ID makes it invalid', () => {
    fc.assert(
      fc.property(prcId, fc.integer({ min: 0, max: 17 }), fc.nat(), (id, i, k) => {
        const changed = mutate(id, i, k, i === 17 ? '0123456789X' : '0123456789');
        expect(isValidPrcId(changed, today)).toBe(false);
      }),
    );
  });
  it('swapping two different adjacent digits of a valid ID makes it invalid', () => {
    fc.assert(
      fc.property(prcId, fc.integer({ min: 0, max: 15 }), (id, i) => {
        fc.pre(id[i] !== id[i + 1]);
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(isValidPrcId(swapped, today)).toBe(false);
      }),
    );
  });
  it('generated USCCs validate and any one-character change fails', () => {
    fc.assert(
      fc.property(uscc, fc.integer({ min: 0, max: 17 }), fc.nat(), (code, i, k) => {
        expect(isValidUscc(code)).toBe(true);
        expect(isValidUscc(mutate(code, i, k, USCC))).toBe(false);
      }),
    );
  });
  it('Luhn-completed cards validate and any one-digit change fails', () => {
    fc.assert(
      fc.property(card, fc.nat(), fc.nat(), (c, i, k) => {
        expect(isValidBankCard(c)).toBe(true);
        expect(isValidBankCard(mutate(c, i % c.length, k, '0123456789'))).toBe(false);
      }),
    );
  });
});

describe('masking properties', () => {
  it('an ID keeps its length and never shows its birth date', () => {
    fc.assert(
      fc.property(prcId, (id) => {
        const m = maskId(id);
        expect(m).toHaveLength(18);
        expect(m.slice(4, 14)).toBe('*'.repeat(10));
      }),
    );
  });
  it('a name keeps only its first character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)), minLength: 2, maxLength: 6 }), (name) => {
        const m = maskName(name);
        expect(m[0]).toBe(name[0]);
        expect(m.slice(1)).toBe('*'.repeat(name.length - 1));
      }),
    );
  });
});
