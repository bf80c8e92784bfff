/** Synthetic, structurally valid customer records for benchmarks (fake identifiers). */
import type { RecordInput } from '../src/core/domain/record.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞';
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idNumber(i: number): string {
  const body = `110101${1950 + (i % 50)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  let s = 0;
  for (let k = 0; k < 17; k++) s += Number(body[k]) * W[k]!;
  return body + '10X98765432'[s % 11];
}

function card(i: number): string {
  const body = `622202${String(i).padStart(12, '0')}`;
  let sum = 0;
  for (let k = 0; k < body.length; k++) {
    let d = Number(body[body.length - 1 - k]);
    if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

export function synthetic(i: number): RecordInput {
  return {
    kind: 'person',
    customerNo: `KH${String(i).padStart(7, '0')}`,
    fields: {
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + GIVEN[(i * 13) % GIVEN.length]!,
      idType: '居民身份证',
      idNumber: idNumber(i),
      gender: i % 2 ? '男' : '女',
      phone: `13${String(100000000 + ((i * 7919) % 899999999)).slice(0, 9)}`,
      email: `u${i}@example.cn`,
      address: `北京市东城区建国路${i % 900}号${i % 30}栋${i % 2000}室`,
      bankName: '中国工商银行',
      bankAccount: card(i),
      product: '稳健增长1号私募证券投资基金',
      amount: String(1_000_000 + (i % 50) * 10_000),
      subscriptionDate: '2021-07-08',
      term: '12个月',
      riskLevel: 'C4',
      channel: '直销',
      qualifiedInvestor: '是',
      feedback: i % 5 ? '' : '客户咨询赎回进度',
    },
  };
}
