import { describe, expect, it } from 'vitest';
import { sampleRows } from '../../../src/engine/import/sample.ts';
import { buildXlsx, csv, fixture, unlockedVault, utf8 } from './support.ts';

const HEADER = ['客户编号', '姓名', '证件号码', '手机号码', '备注'];
const ROWS = [
  ['KH1', '王伟', '110101198402248759', '13812345678', '客户来电, 要求回电'],
  ['KH2', '李娜', '11010519491231002X', '139 1234 5678', '第一行\n第二行'],
];

async function stored(engine: Awaited<ReturnType<typeof unlockedVault>>['engine']) {
  const page = await engine.listRecords({ limit: 100 });
  return Promise.all(page.items.map((i) => engine.getRecord(i.id)));
}

describe('reading registers', () => {
  it.each([
    [',', 'comma'],
    ['\t', 'tab'],
    [';', 'semicolon'],
  ] as const)('detects the %j delimiter (%s) and keeps quoted delimiters and line breaks', async (d, _name) => {
    const { engine } = await unlockedVault();
    const p = await engine.importPrepare(utf8(csv([HEADER, ...ROWS], d)), 'r.csv');
    expect(p.delimiter).toBe(d);
    expect(p.report).toMatchObject({ rows: 2, valid: 2 });
    await engine.importCommit(p.importId, { duplicates: 'keep' });
    const notes = (await stored(engine)).map((r) => r.fields.notes).sort();
    expect(notes).toEqual(['客户来电, 要求回电', '第一行\n第二行']);
  });

  it('reads UTF-8 with a BOM, UTF-16 from Excel, and GB18030 by detection or choice', async () => {
    const { engine } = await unlockedVault();
    const text = csv([HEADER, ...ROWS], '\t');
    const bom = await engine.importPrepare(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'bom.csv');
    expect(bom.encoding).toBe('utf-8');
    expect(bom.mapping[0]).toEqual({ column: 0, field: 'customerNo' });
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
    const u16 = await engine.importPrepare(le, 'unicode.txt');
    expect(u16).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', report: { valid: 2 } });
    const gb = fixture('customers-200-gb18030.csv');
    expect((await engine.importPrepare(gb, 'gb.csv')).encoding).toBe('gb18030');
    const forced = await engine.importPrepare(gb, 'gb.csv', { encoding: 'gb18030' });
    expect(forced.encoding).toBe('gb18030');
    const wrong = await engine.importPrepare(fixture('customers-200.csv'), 'u.csv', { encoding: 'gb18030' });
    expect(wrong.columns[1]!.header).not.toBe('姓名');
  });

  it('skips title rows above the header, or takes the header row given', async () => {
    const { engine } = await unlockedVault();
    const grid = [['XX私募基金管理有限公司客户名册（2024年）'], ['导出日期：2024-06-30'], HEADER, ...ROWS];
    const p = await engine.importPrepare(utf8(csv(grid)), 'r.csv');
    expect(p.headerRow).toBe(3);
    expect(p.report.rows).toBe(2);
    const q = await engine.importPrepare(utf8(csv(grid)), 'r.csv', { headerRow: 3 });
    expect(q.report.issues).toEqual([]);
  });

  it('lists every sheet of a workbook and imports the chosen one', async () => {
    const { engine } = await unlockedVault();
    const book = buildXlsx([
      { name: '说明', rows: [['本表由系统导出'], ['仅供内部使用']] },
      { name: '个人客户', rows: [HEADER, ...ROWS] },
      { name: '2023', rows: [HEADER, ['KH9', '赵敏', '110101198402248759', '13812345678', '']] },
    ]);
    const p = await engine.importPrepare(book, 'book.xlsx');
    expect(p.sheets.map((s) => [s.name, s.rows, s.recognised > 0])).toEqual([
      ['说明', 2, false],
      ['个人客户', 3, true],
      ['2023', 2, true],
    ]);
    expect(p.sheet).toBe('个人客户');
    expect(p.report.rows).toBe(2);
    const q = await engine.importPrepare(book, 'book.xlsx', { sheet: '2023' });
    expect(q).toMatchObject({ sheet: '2023', report: { rows: 1 } });
  });

  it('flags ID numbers a spreadsheet stored as numbers, never repairing them', async () => {
    const { engine } = await unlockedVault();
    const book = buildXlsx([
      {
        name: 'S',
        rows: [
          ['姓名', '证件号码', '手机号码'],
          ['王伟', 110101198402248000, 13812345678],
          ['李娜', '1.10105194912310E+17', 13912345678],
          ['赵敏', '110101198402248759', '13712345678'],
        ],
      },
    ]);
    const p = await engine.importPrepare(book, 'damaged.xlsx');
    expect(p.report.issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [2, 'idNumber', 'ID_NUMBER_DAMAGED'],
      [3, 'idNumber', 'ID_NUMBER_DAMAGED'],
    ]);
    expect(p.report.valid).toBe(1);
  });

  it('reads a compressed workbook whose sheet inflates past fflate\'s 512 KB worker threshold', async () => {
    const { engine } = await unlockedVault();
    const rows = sampleRows(3000, 11);
    const book = buildXlsx([{ name: '客户', rows }], 6);
    expect(book.length).toBeLessThan(1024 * 1024);
    const p = await engine.importPrepare(book, 'big.xlsx');
    expect(p.report.rows).toBe(3000);
    expect(p.report.invalid).toBe(0);
  });
});
