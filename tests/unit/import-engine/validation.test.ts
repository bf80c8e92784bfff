import { describe, expect, it } from 'vitest';
import { prcIdCheckChar } from '../../../src/core/domain/pii/validators.ts';
import { csv, unlockedVault, utf8 } from './support.ts';

const withCheck = (first17: string): string => first17 + prcIdCheckChar(first17);
const GOOD_ID = '110101198402248759';
const CARD = '6222027724210867550';

const HEADER = ['姓名', '证件号码', '出生日期', '手机号码', '电子邮箱', '银行账号', '认购金额'];
const FIELDS = ['name', 'idNumber', 'birthDate', 'phone', 'email', 'bankAccount', 'amount'];
const ROWS: [string, string[], [string, string, string][]][] = [
  ['a clean row', ['王伟', GOOD_ID, '1984-02-24', '+86 138-1234-5678', 'wang@example.cn', '6222 0277 2421 0867 550', '1,000'], []],
  ['an empty name', ['', GOOD_ID, '', '', '', '', ''], [['name', 'REQUIRED', '']]],
  ['a broken ID checksum', ['李娜', GOOD_ID.slice(0, 17) + '1', '', '', '', '', ''], [['idNumber', 'ID_CHECKSUM', '1101**********8751']]],
  ['an impossible birth date inside the ID', ['赵敏', withCheck('11010119991399123'), '', '', '', '', ''], [['idNumber', 'ID_BIRTH_DATE', expect.stringMatching(/^1101\*{10}/)]]],
  ['a birth date in the future', ['钱进', '', '2999-01-01', '', '', '', ''], [['birthDate', 'BIRTH_DATE_IMPOSSIBLE', '2999-**-**']]],
  ['a date that does not exist', ['孙丽', '', '1990-02-30', '', '', '', ''], [['birthDate', 'DATE_INVALID', '1990-**-**']]],
  ['an ID a spreadsheet rounded', ['周杰', '1.10101198402248E+17', '', '', '', '', ''], [['idNumber', 'ID_NUMBER_DAMAGED', expect.stringMatching(/\*/)]]],
  ['a card failing Luhn', ['吴磊', '', '', '', '', CARD.slice(0, -1) + '1', ''], [['bankAccount', 'BANK_CARD', '6222***********7551']]],
  ['a malformed phone and e-mail', ['郑洋', '', '', '12345', 'wang@', '', ''], [['phone', 'MOBILE', '****5'], ['email', 'EMAIL', 'w***@']]],
  ['an amount in words', ['冯静', '', '', '', '', '', '一百万'], [['amount', 'AMOUNT_INVALID', '***']]],
];

describe('the report names each problem by row, column and code, with masked values', () => {
  it('flags every kind of problem and keeps those rows out', async () => {
    const { engine } = await unlockedVault();
    const p = await engine.importPrepare(utf8(csv([HEADER, ...ROWS.map(([, row]) => row)])), 'v.csv');
    const expected = ROWS.flatMap(([, , problems], i) => problems.map(([field, code, value]) => ({ row: i + 2, column: FIELDS.indexOf(field), field, code, value })));
    expect(p.report.issues).toEqual(expected);
    expect(p.report).toMatchObject({ rows: ROWS.length, valid: 1, invalid: ROWS.length - 1 });
    const r = await engine.importCommit(p.importId, { duplicates: 'skip' });
    expect(r).toMatchObject({ stored: 1, invalid: ROWS.length - 1 });
    const rec = await engine.getRecord((await engine.listRecords()).items[0]!.id);
    expect(rec.fields).toEqual({ name: '王伟', idNumber: GOOD_ID, birthDate: '1984-02-24', phone: '13812345678', email: 'wang@example.cn', bankAccount: CARD, amount: '1000' });
  });

  it('pages the problems', async () => {
    const { engine } = await unlockedVault();
    const rows = Array.from({ length: 250 }, (_, i) => [`客户${i}`, '12345']);
    const p = await engine.importPrepare(utf8(csv([['姓名', '手机号码'], ...rows])), 'p.csv');
    expect(p.report.issueCount).toBe(250);
    expect(p.report.issues).toHaveLength(200);
    const next = await engine.importReport(p.importId, 200, 100);
    expect(next.offset).toBe(200);
    expect(next.issues.map((i) => i.row)).toEqual(Array.from({ length: 50 }, (_, i) => 202 + i));
  });
});
