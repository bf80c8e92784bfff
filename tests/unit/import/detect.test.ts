import { describe, expect, it } from 'vitest';
import { classifyValue, isAddress, isChineseName, profileColumn } from '../../../src/core/domain/import/detect.ts';

describe('classifyValue', () => {
  it.each([
    ['110101198402248759', 'prcId'],
    [' 11010519491231002x ', 'prcId'],
    ['１１０１０１１９５５１１２１６６５６', 'prcId'],
    ['1.10101E+17', 'prcIdDamaged'],
    ['110101198402248000', 'prcIdDamaged'],
    ['110101840224875', 'prcIdDamaged'],
    ['91350100M000100Y43', 'uscc'],
    ['6222027724210867550', 'bankCard'],
    ['6222 6278 4963 6785 278', 'bankCard'],
    ['6214836870402167', 'bankCard'],
    ['13812345678', 'mobile'],
    ['+86 18737406217', 'mobile'],
    ['138-1234-5678', 'mobile'],
    ['u339838@example.cn', 'email'],
    ['2022/04/14', 'date'],
    ['2024年1月5日', 'date'],
    ['20240105', 'date'],
    ['11,080,000', 'amount'],
    ['1108万元', 'amount'],
    ['3', 'amount'],
    ['田怡东', 'chineseName'],
    ['欧阳娜娜', 'chineseName'],
    ['北京市东城区湖滨北路352号20栋1859室', 'address'],
    ['', null],
    ['居民身份证', null],
    ['中国工商银行', null],
    ['银行代销', null],
    ['开放式', null],
    ['男', null],
    ['C4', null],
    ['KH000001', null],
    ['客户询问清算分配方案', null],
  ] as const)('%s → %s', (value, kind) => expect(classifyValue(value)).toBe(kind));

  it('calls an 18-digit value passing the ID check an ID even when it also passes Luhn', () => {
    const both = ['110101198402248759', '11010519491231002X', '440106197903040714', '440106198306129862', '110105195804071193'];
    expect(both.map(classifyValue)).toEqual(['prcId', 'prcId', 'prcId', 'prcId', 'prcId']);
  });
  it('does not call a 16-digit card a damaged ID', () => {
    expect(classifyValue('6217004178961338')).toBe('bankCard');
  });
});

describe('names and addresses', () => {
  it('knows Chinese names by length, script and surname', () => {
    expect(isChineseName('王伟')).toBe(true);
    expect(isChineseName('王　伟')).toBe(true);
    expect(isChineseName('诸葛亮')).toBe(true);
    expect(isChineseName('王')).toBe(false);
    expect(isChineseName('王小明明明')).toBe(false);
    expect(isChineseName('招商银行')).toBe(false);
    expect(isChineseName('华夏银行')).toBe(false);
    expect(isChineseName('John Smith')).toBe(false);
    expect(isChineseName('哈')).toBe(false);
  });
  it('knows addresses by their parts', () => {
    expect(isAddress('上海市浦东新区世纪大道100号')).toBe(true);
    expect(isAddress('广州市天河区')).toBe(true);
    expect(isAddress('北京市')).toBe(false);
    expect(isAddress('客户要求寄送纸质对账单')).toBe(false);
    expect(isAddress('12 Main Street, Springfield')).toBe(false);
  });
});

describe('profileColumn', () => {
  it('gives fractions over non-empty samples', () => {
    const p = profileColumn(['13812345678', '', '19203068330', '010-65123456', '  ']);
    expect(p.sampled).toBe(3);
    expect(p.fractions.mobile).toBeCloseTo(2 / 3);
    expect(p.fractions.prcId).toBe(0);
  });
  it('gives zeros for an empty column', () => {
    const p = profileColumn(['', '']);
    expect(p.sampled).toBe(0);
    expect(Object.values(p.fractions).every((f) => f === 0)).toBe(true);
  });
});
