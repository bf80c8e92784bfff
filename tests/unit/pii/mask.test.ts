import { describe, expect, it } from 'vitest';
import vectors from '../../vectors/pii-vectors.json';
import type { FieldKey } from '../../../src/core/domain/fields.ts';
import { maskAddress, maskCard, maskDate, maskEmail, maskId, maskName, maskPhone, maskValue } from '../../../src/core/domain/pii/mask.ts';

describe('masking', () => {
  it.each(vectors.mask)('maskValue($field, $value) → $masked', ({ field, value, masked }) => {
    expect(maskValue(field as FieldKey, value)).toBe(masked);
  });
  it('masks names by code point', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('*');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('')).toBe('');
  });
  it('masks ID numbers keeping region and check part', () => {
    expect(maskId('110101198402248759')).toBe('1101**********8759');
    expect(maskId('110101840224875')).toBe('110*********875');
    expect(maskId('E12345678')).toBe('E1*****78');
    expect(maskId('123')).toBe('***');
  });
  it('masks phones, cards, e-mail, addresses and dates', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('65123456')).toBe('******56');
    expect(maskCard('6214836870402167')).toBe('6214********2167');
    expect(maskCard('12345678')).toBe('******78');
    expect(maskEmail('u339838@example.cn')).toBe('u******@example.cn');
    expect(maskEmail('not-an-email')).toBe('n***********');
    expect(maskAddress('北京市东城区湖滨北路352号20栋1859室')).toBe('北京市东城区' + '*'.repeat(16));
    expect(maskDate('1984-02-24')).toBe('1984-**-**');
    expect(maskDate('1984年')).toBe('*****');
  });
  it('shows C1 fields and the customer number as they are, hides other C2 values entirely', () => {
    expect(maskValue('customerNo', 'KH000001')).toBe('KH000001');
    expect(maskValue('product', '红利优选私募证券投资基金')).toBe('红利优选私募证券投资基金');
    expect(maskValue('notes', '客户要求寄送纸质对账单')).toBe('***');
    expect(maskValue('gender', '男')).toBe('***');
    expect(maskValue('uscc', '91350100M000100Y43')).toBe('9135**********0Y43');
    expect(maskValue('notes', '')).toBe('');
  });
  it('never leaves the middle of an 18-digit ID visible', () => {
    const masked = maskValue('idNumber', '44030519650509686X');
    expect(masked).not.toContain('19650509');
    expect(masked).toHaveLength(18);
  });
});
