import { describe, expect, it } from 'vitest';
import {
  normaliseBankCard,
  normaliseEmail,
  normaliseField,
  normaliseFreeText,
  normaliseIdNumber,
  normaliseName,
  normalisePhone,
  normaliseText,
  normaliseUscc,
  toHalfWidth,
  type NormaliseResult,
} from '../../../src/core/domain/import/normalise.ts';
import { prcIdCheckChar } from '../../../src/core/domain/pii/validators.ts';

const ok = (value: string, changed = true): NormaliseResult => ({ ok: true, value, changed });
const fail = (problem: string): NormaliseResult => ({ ok: false, problem } as NormaliseResult);

describe('text', () => {
  it('folds full-width digits, letters and punctuation, and the ideographic space', () => {
    expect(toHalfWidth('１２３ＡＢＣａｂｃ（），：－＠')).toBe('123ABCabc(),:-@');
    expect(toHalfWidth('甲\u3000乙')).toBe('甲 乙');
    expect(toHalfWidth('。、“”')).toBe('。、“”');
  });
  it('trims and collapses structured text, reporting whether it changed', () => {
    expect(normaliseText('  银行代销 ')).toEqual(ok('银行代销'));
    expect(normaliseText('C4')).toEqual(ok('C4', false));
    expect(normaliseText('\ufeff开放式\u200b')).toEqual(ok('开放式'));
    expect(normaliseText('12 \t 个月')).toEqual(ok('12 个月'));
  });
  it('closes padding inside Chinese names but keeps spaces in Latin names', () => {
    expect(normaliseName('王\u3000\u3000伟')).toEqual(ok('王伟'));
    expect(normaliseName(' 欧阳 娜娜 ')).toEqual(ok('欧阳娜娜'));
    expect(normaliseName('John  Smith')).toEqual(ok('John Smith'));
    expect(normaliseName('赵伟芬')).toEqual(ok('赵伟芬', false));
  });
  it('only trims free text and folds CRLF', () => {
    expect(normaliseFreeText(' 客户来电:"请勿再打扰",\r\n已登记 ')).toEqual(ok('客户来电:"请勿再打扰",\n已登记'));
    expect(normaliseFreeText('（全角）')).toEqual(ok('（全角）', false));
  });
});

describe('ID numbers', () => {
  it('removes spaces, folds full width, upper-cases x', () => {
    expect(normaliseIdNumber(' 320102196908139302 ')).toEqual(ok('320102196908139302'));
    expect(normaliseIdNumber('１１０１０１１９５５１１２１６６５６')).toEqual(ok('110101195511216656'));
    expect(normaliseIdNumber('11010519491231002x')).toEqual(ok('11010519491231002X'));
    expect(normaliseIdNumber('110101 19840224 8759')).toEqual(ok('110101198402248759'));
    expect(normaliseIdNumber("'110101198402248759")).toEqual(ok('110101198402248759'));
    expect(normaliseIdNumber('110101198402248759')).toEqual(ok('110101198402248759', false));
    expect(normaliseIdNumber('')).toEqual(ok('', false));
  });
  it('flags numbers a spreadsheet rewrote, never repairing them', () => {
    expect(normaliseIdNumber('1.10101E+17')).toEqual(fail('ID_NUMBER_DAMAGED'));
    expect(normaliseIdNumber('1.10101198402249e17')).toEqual(fail('ID_NUMBER_DAMAGED'));
    expect(normaliseIdNumber('110101198402248759.0')).toEqual(fail('ID_NUMBER_DAMAGED'));
    expect(normaliseIdNumber('1101011984022487')).toEqual(fail('ID_NUMBER_DAMAGED'));
    expect(normaliseIdNumber('11010119840224875')).toEqual(fail('ID_NUMBER_DAMAGED'));
    // Excel keeps 15 significant digits; JavaScript prints the nearest double.
    expect(prcIdCheckChar('11010119840224800')).not.toBe('0');
    expect(normaliseIdNumber('110101198402248000')).toEqual(fail('ID_NUMBER_DAMAGED'));
    expect(String(Number('110101198402248759'))).toBe('110101198402248750');
    expect(normaliseIdNumber('110101198402248750')).toEqual(fail('ID_NUMBER_DAMAGED'));
  });
  it('leaves an ID ending in 000 alone when its check holds, and a bad check to the validator', () => {
    const body = '11010119840224800';
    const valid = body + prcIdCheckChar(body);
    expect(normaliseIdNumber(valid)).toEqual(ok(valid, false));
    expect(normaliseIdNumber('110101198402248758')).toEqual(ok('110101198402248758', false));
  });
  it('recognises first-generation 15-digit IDs with a separate code', () => {
    expect(normaliseIdNumber('110101840224875')).toEqual(fail('ID_NUMBER_FIRST_GENERATION'));
    expect(normaliseIdNumber('110101841324875')).toEqual(ok('110101841324875', false));
  });
  it('keeps other document numbers, upper-cased', () => {
    expect(normaliseIdNumber('e12345678')).toEqual(ok('E12345678'));
  });
});

describe('phones', () => {
  it.each([
    ['13812345678', '13812345678', false],
    ['+86 138 1234 5678', '13812345678', true],
    ['+8613812345678', '13812345678', true],
    ['0086-13812345678', '13812345678', true],
    ['8613812345678', '13812345678', true],
    ['138-1234-5678', '13812345678', true],
    ['(+86)13812345678', '13812345678', true],
    ['１３８１２３４５６７８', '13812345678', true],
    ['010-6512 3456', '01065123456', true],
    ['(0755)86001234', '075586001234', true],
    ['', '', false],
  ])('%s → %s', (raw, value, changed) => expect(normalisePhone(raw)).toEqual(ok(value, changed)));
  it('flags phone numbers stored as floats', () => {
    expect(normalisePhone('1.38123E+10')).toEqual(fail('PHONE_DAMAGED'));
    expect(normalisePhone('13812345678.0')).toEqual(fail('PHONE_DAMAGED'));
  });
});

describe('bank cards, e-mail, USCC', () => {
  it('strips spaces and dashes from cards', () => {
    expect(normaliseBankCard('6222 6278 4963 6785 278')).toEqual(ok('6222627849636785278'));
    expect(normaliseBankCard('6222-0277-2421-0867-550')).toEqual(ok('6222027724210867550'));
    expect(normaliseBankCard('6214836870402167')).toEqual(ok('6214836870402167', false));
  });
  it('flags cards stored as floats', () => {
    expect(normaliseBankCard('6.22203E+18')).toEqual(fail('BANK_CARD_DAMAGED'));
    expect(normaliseBankCard('6222027724210860000')).toEqual(fail('BANK_CARD_DAMAGED'));
    expect(normaliseBankCard('6222027724210867550.00')).toEqual(fail('BANK_CARD_DAMAGED'));
  });
  it('cleans e-mail and USCC', () => {
    expect(normaliseEmail(' U339838@Example.CN ')).toEqual(ok('U339838@example.cn'));
    expect(normaliseEmail('ｕ１＠ｅｘａｍｐｌｅ．ｃｎ')).toEqual(ok('u1@example.cn'));
    expect(normaliseEmail('mailto:a@b.cn')).toEqual(ok('a@b.cn'));
    expect(normaliseUscc('91350100m000100y43')).toEqual(ok('91350100M000100Y43'));
    expect(normaliseUscc('9135 0100-M000 100Y43')).toEqual(ok('91350100M000100Y43'));
  });
});

describe('normaliseField dispatch', () => {
  it('routes each field to its normaliser', () => {
    expect(normaliseField('idNumber', '1.10101E+17')).toEqual(fail('ID_NUMBER_DAMAGED'));
    expect(normaliseField('phone', '+86 18737406217')).toEqual(ok('18737406217'));
    expect(normaliseField('bankAccount', '6222 6278')).toEqual(ok('62226278'));
    expect(normaliseField('amount', '1,108', 'wan')).toEqual(ok('11080000'));
    expect(normaliseField('subscriptionDate', '2022/04/14')).toEqual(ok('2022-04-14'));
    expect(normaliseField('birthDate', '19840224')).toEqual(ok('1984-02-24'));
    expect(normaliseField('name', '王　伟')).toEqual(ok('王伟'));
    expect(normaliseField('notes', ' （保留） ')).toEqual(ok('（保留）'));
    expect(normaliseField('address', '北京市东城区湖滨北路３５２号')).toEqual(ok('北京市东城区湖滨北路352号'));
    expect(normaliseField('customerNo', ' KH 000001 ')).toEqual(ok('KH000001'));
    expect(normaliseField('riskLevel', 'Ｃ４')).toEqual(ok('C4'));
    expect(normaliseField('email', 'a@B.cn')).toEqual(ok('a@b.cn'));
    expect(normaliseField('uscc', '91350100m000100y43')).toEqual(ok('91350100M000100Y43'));
  });
});
