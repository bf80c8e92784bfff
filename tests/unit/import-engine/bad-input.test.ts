import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/engine/import/types.ts';
import { buildXlsx, csv, failure, fixture, snapshot, unlockedVault, utf8 } from './support.ts';

const HEADER = ['客户编号', '姓名', '证件号码', '手机号码'];
const ROW = ['KH1', '王伟', '110101198402248759', '13812345678'];

/** A CFB (OLE2) header followed by directory names written in UTF-16LE, as Office writes them. */
function cfb(...names: string[]): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const dir = names.flatMap((n) => [...Array.from(n, (c) => [c.charCodeAt(0), 0]).flat(), 0, 0]);
  return new Uint8Array([...head, ...dir]);
}

const CASES: [string, () => Uint8Array | Blob, string, Record<string, unknown>?][] = [
  ['a 0-byte file', () => new Uint8Array(0), 'EMPTY'],
  ['a file of blank lines', () => utf8('\r\n  \r\n\t\r\n'), 'EMPTY'],
  ['a UTF-8 BOM and nothing else', () => new Uint8Array([0xef, 0xbb, 0xbf]), 'EMPTY'],
  ['a PNG renamed .csv', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'BINARY'],
  ['random bytes with NULs', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'BINARY'],
  ['a CSV with only a header', () => utf8(csv([HEADER])), 'HEADER_ONLY'],
  ['a header and empty rows', () => utf8(csv([HEADER, ['', '', '', ''], [' ', '', '', '']])), 'HEADER_ONLY'],
  ['a password-protected workbook', () => cfb('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), 'XLSX_ENCRYPTED'],
  ['a bare OLE container', () => cfb('Root Entry'), 'XLSX_ENCRYPTED'],
  ['an old .xls workbook', () => cfb('Root Entry', 'Workbook'), 'XLS_LEGACY'],
  ['a truncated workbook', () => fixture('customers-200.xlsx').slice(0, 50_000), 'XLSX_CORRUPT'],
  ['a ZIP that is not a workbook', () => zipWithout(), 'XLSX_CORRUPT'],
  ['a sheet with no recognisable column', () => utf8(csv([['甲', '乙', '丙'], ['x', 'y', 'z'], ['foo', 'bar', 'baz']])), 'NO_COLUMNS'],
  ['a workbook whose only sheet has no recognisable column', () => buildXlsx([{ name: 'Sheet1', rows: [['a', 'b'], ['x', 'y']] }]), 'NO_COLUMNS'],
  ['rows longer than the header', () => utf8(`${HEADER.join(',')}\r\n${ROW.join(',')}\r\nKH2,李娜,11010519491231002X,13912345678,北京市,朝阳区\r\n${ROW.join(',')},,\r\n`), 'ROW_TOO_LONG', { rows: [3], count: 1 }],
  ['an unclosed quote', () => utf8(`${HEADER.join(',')}\r\n${ROW.join(',')}\r\nKH2,"李娜,110,139\r\nKH3,x,y,z\r\n`), 'CSV_QUOTES', { row: 3 }],
];

function zipWithout(): Uint8Array {
  const book = buildXlsx([{ name: 'S', rows: [['姓名'], ['王伟']] }]);
  // Rename the workbook part inside the archive, keeping the ZIP itself valid.
  const text = new TextDecoder('latin1').decode(book).replace(/xl\/workbook\.xml/g, 'xl/notebook.xml');
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

describe('bad input is refused with a reason, and the vault is unchanged', () => {
  it.each(CASES.map(([label, make, reason, extra]) => ({ label, make, reason, extra })))('$label → $reason', async ({ make, reason, extra }) => {
    const { engine, db } = await unlockedVault();
    const before = await snapshot(engine, db);
    const f = await failure(engine.importPrepare(make(), 'register.csv'));
    expect(f.code).toBe('INVALID_INPUT');
    expect(f.reason).toBe(reason);
    if (extra) expect(f.details).toMatchObject(extra);
    expect(f.message).toMatch(/\.$/);
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('a file over the limit is refused before it is read', async () => {
    const { engine, db } = await unlockedVault();
    const before = await snapshot(engine, db);
    let read = false;
    const huge = { size: MAX_IMPORT_BYTES + 1, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) } as unknown as Blob;
    const f = await failure(engine.importPrepare(huge, 'huge.csv'));
    expect(f).toMatchObject({ code: 'INVALID_INPUT', reason: 'TOO_LARGE', details: { limitBytes: MAX_IMPORT_BYTES } });
    expect(f.message).toContain('200 MB');
    expect(read).toBe(false);
    expect(await engine.importLimits()).toEqual({ maxBytes: MAX_IMPORT_BYTES });
    expect(await snapshot(engine, db)).toEqual(before);
  });

  it('a workbook sheet that does not exist is named as such', async () => {
    const { engine } = await unlockedVault();
    const f = await failure(engine.importPrepare(fixture('customers-200.xlsx'), 'r.xlsx', { sheet: 'Nope' }));
    expect(f).toMatchObject({ reason: 'SHEET_NOT_FOUND', details: { sheets: ['客户名册'] } });
  });

  it('rows too long are all counted, and at most 20 listed', async () => {
    const { engine } = await unlockedVault();
    const rows = Array.from({ length: 30 }, (_, i) => [...ROW.slice(0, 3), '13812345678', `extra${i}`]);
    const f = await failure(engine.importPrepare(utf8(csv([HEADER, ...rows])), 'r.csv'));
    expect(f.details).toMatchObject({ reason: 'ROW_TOO_LONG', count: 30, columns: 4 });
    expect(f.details!.rows).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('a locked vault imports nothing', async () => {
    const { engine } = await unlockedVault();
    await engine.lock();
    expect((await failure(engine.importPrepare(utf8(csv([HEADER, ROW])), 'r.csv'))).code).toBe('LOCKED');
  });
});
