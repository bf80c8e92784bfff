import { describe, expect, it } from 'vitest';
import vectors from '../../vectors/pii-vectors.json';
import {
  isValidBankCard,
  isValidEmail,
  isValidIsoDate,
  isValidMobile,
  isValidPrcId,
  isValidUscc,
  luhnOk,
  prcIdCheckChar,
  prcIdProblem,
  usccCheckChar,
  type PrcIdProblem,
} from '../../../src/core/domain/pii/validators.ts';

const today = new Date(`${vectors.today}T12:00:00`);

describe('PRC resident ID (GB 11643)', () => {
  it.each(vectors.prcId.valid)('accepts %s', (id) => {
    expect(prcIdProblem(id, today)).toBeNull();
    expect(isValidPrcId(id, today)).toBe(true);
  });
  it.each(vectors.prcId.invalid)('rejects $id ($why) with $problem', ({ id, problem }) => {
    expect(prcIdProblem(id, today)).toBe(problem as PrcIdProblem);
    expect(isValidPrcId(id, today)).toBe(false);
  });
  it('computes the standard example check character', () => {
    expect(prcIdCheckChar('11010519491231002')).toBe('X');
    expect(prcIdCheckChar('11010119840224875')).toBe('9');
  });
  it('accepts a birth date of today and refuses tomorrow', () => {
    const body = '11010120260115001';
    const id = body + prcIdCheckChar(body);
    expect(prcIdProblem(id, new Date(2026, 0, 15))).toBeNull();
    expect(prcIdProblem(id, new Date(2026, 0, 14))).toBe('BIRTH_DATE');
  });
  it('accepts 1900-01-01, the earliest birth date', () => {
    const body = '11010119000101001';
    expect(prcIdProblem(body + prcIdCheckChar(body), today)).toBeNull();
  });
  it('defaults today to the clock', () => {
    expect(isValidPrcId('110101198402248759')).toBe(true);
    const body = '11010130000101001';
    expect(prcIdProblem(body + prcIdCheckChar(body))).toBe('BIRTH_DATE');
  });
  it('checks length before characters, characters before the date', () => {
    expect(prcIdProblem('')).toBe('LENGTH');
    expect(prcIdProblem('１１０１０１１９８４０２２４８７５９')).toBe('CHARS');
    expect(prcIdProblem('11010119840230875X')).toBe('BIRTH_DATE');
  });
});

describe('unified social credit code (GB 32100)', () => {
  it.each(vectors.uscc.valid)('accepts %s', (code) => expect(isValidUscc(code)).toBe(true));
  it.each(vectors.uscc.invalid)('rejects $code ($why)', ({ code }) => expect(isValidUscc(code)).toBe(false));
  it('computes check characters, including the wrap-around to 0', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('911100007109339999')).toBe('C');
    expect(usccCheckChar('91350100M000I00Y4')).toBeNull();
  });
});

describe('bank card (Luhn)', () => {
  it.each(vectors.bankCard.valid)('accepts %s', (card) => expect(isValidBankCard(card)).toBe(true));
  it.each(vectors.bankCard.invalid)('rejects $card ($why)', ({ card }) => expect(isValidBankCard(card)).toBe(false));
  it('accepts 12 digits when Luhn holds and refuses non-digits in luhnOk', () => {
    expect(isValidBankCard('000000000000')).toBe(true);
    expect(luhnOk('79927398713')).toBe(true);
    expect(luhnOk('79927398710')).toBe(false);
    expect(luhnOk('')).toBe(false);
    expect(luhnOk('4111-1111')).toBe(false);
  });
});

describe('mobile, e-mail, ISO date', () => {
  it.each(vectors.mobile.valid)('mobile %s is valid', (p) => expect(isValidMobile(p)).toBe(true));
  it.each(vectors.mobile.invalid)('mobile %s is invalid', (p) => expect(isValidMobile(p)).toBe(false));
  it.each(vectors.email.valid)('email %s is valid', (e) => expect(isValidEmail(e)).toBe(true));
  it.each(vectors.email.invalid)('email %s is invalid', (e) => expect(isValidEmail(e)).toBe(false));
  it.each(vectors.isoDate.valid)('date %s is valid', (d) => expect(isValidIsoDate(d)).toBe(true));
  it.each(vectors.isoDate.invalid)('date %s is invalid', (d) => expect(isValidIsoDate(d)).toBe(false));
});
