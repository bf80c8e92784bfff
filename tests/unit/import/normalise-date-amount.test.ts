import { describe, expect, it } from 'vitest';
import { amountUnitOfHeader, excelSerialToIso, normaliseAmount, normaliseDate, type NormaliseResult } from '../../../src/core/domain/import/normalise.ts';

const ok = (value: string, changed = true): NormaliseResult => ({ ok: true, value, changed });
const fail = (problem: string): NormaliseResult => ({ ok: false, problem } as NormaliseResult);

describe('dates', () => {
  it.each([
    ['2024-01-05', '2024-01-05', false],
    ['2024-1-5', '2024-01-05', true],
    ['2024/1/5', '2024-01-05', true],
    ['2022/04/14', '2022-04-14', true],
    ['2024.1.5', '2024-01-05', true],
    ['20240105', '2024-01-05', true],
    ['2024年1月5日', '2024-01-05', true],
    ['2024年01月05号', '2024-01-05', true],
    ['２０２４年１月５日', '2024-01-05', true],
    [' 2024 年 1 月 5 日 ', '2024-01-05', true],
    ['2024/04/14 00:00:00', '2024-04-14', true],
    ['2024-01-05T08:30', '2024-01-05', true],
    ['45296', '2024-01-05', true],
    ['45296.75', '2024-01-05', true],
    ['', '', false],
  ])('%s → %s', (raw, value, changed) => expect(normaliseDate(raw)).toEqual(ok(value, changed)));
  it.each(['2023-02-29', '2024/2/30', '2024.13.1', '20241301', '2024年', '2024', '1999', '2024.1', '0', '60', '5/1/2024', '24-01-05', 'yesterday', '3000000'])(
    '%s is DATE_INVALID',
    (raw) => expect(normaliseDate(raw)).toEqual(fail('DATE_INVALID')),
  );
  it('follows the Excel 1900 system with its phantom 29 February', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(25569)).toBe('1970-01-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });
});

describe('amounts', () => {
  it.each([
    ['22910000', 'yuan', '22910000', false],
    ['11,080,000', 'yuan', '11080000', true],
    ['1,108.50', 'yuan', '1108.5', true],
    ['9,850,000元', 'yuan', '9850000', true],
    ['¥1,000', 'yuan', '1000', true],
    ['￥ 1,000.00', 'yuan', '1000', true],
    ['RMB 500', 'yuan', '500', true],
    ['人民币500元', 'yuan', '500', true],
    ['１，０００', 'yuan', '1000', true],
    ['1108万', 'yuan', '11080000', true],
    ['1,108万元', 'yuan', '11080000', true],
    ['0.1万元', 'yuan', '1000', true],
    ['1.5亿元', 'yuan', '150000000', true],
    ['1108', 'wan', '11080000', true],
    ['1,234.5678', 'wan', '12345678', true],
    ['0.00001', 'wan', '0.1', true],
    ['300', 'wan', '3000000', true],
    ['300元', 'wan', '300', true],
    ['300万元', 'wan', '3000000', true],
    ['-300', 'yuan', '-300', false],
    ['-0', 'yuan', '0', true],
    ['007', 'yuan', '7', true],
    ['.5', 'yuan', '0.5', true],
    ['', 'wan', '', false],
  ] as const)('%s (%s) → %s', (raw, unit, value, changed) => expect(normaliseAmount(raw, unit)).toEqual(ok(value, changed)));
  it('does decimal arithmetic without float error', () => {
    expect(0.1 * 3 * 10000).not.toBe(3000);
    expect(normaliseAmount('0.3', 'wan')).toEqual(ok('3000'));
    expect(normaliseAmount('1.1', 'wan')).toEqual(ok('11000'));
    expect(normaliseAmount('12345678901234567.89', 'wan')).toEqual(ok('123456789012345678900'));
  });
  it.each(['1,2,3', '12,34', '1.2.3', 'abc', '1.10101E+17', '五百', '500美元', '1,000,00', '--5'])('%s is AMOUNT_INVALID', (raw) =>
    expect(normaliseAmount(raw)).toEqual(fail('AMOUNT_INVALID')),
  );
  it('reads the unit from a header', () => {
    expect(amountUnitOfHeader('投资金额(万元)')).toBe('wan');
    expect(amountUnitOfHeader('投资金额（万元）')).toBe('wan');
    expect(amountUnitOfHeader('认购金额万元')).toBe('wan');
    expect(amountUnitOfHeader('金额/万')).toBe('wan');
    expect(amountUnitOfHeader('Amount (10k yuan)')).toBe('wan');
    expect(amountUnitOfHeader('认购金额(元)')).toBe('yuan');
    expect(amountUnitOfHeader('认购金额')).toBe('yuan');
    expect(amountUnitOfHeader('amount')).toBe('yuan');
  });
});
