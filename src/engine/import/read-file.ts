/**
 * Reading a chosen register: bytes → CSV text or workbook sheets → the table of one sheet,
 * with a mapping suggestion for its columns. Every refusal is INVALID_INPUT with a reason
 * (see bad-input.ts) and happens before anything is kept.
 */
import Papa from 'papaparse';
import { suggestMapping, type MappingSuggestion } from '../../core/domain/import/mapping.ts';
import { badInput } from './bad-input.ts';
import { decodeText, sniff } from './sniff.ts';
import { toTable, type Table } from './table.ts';
import { MAX_IMPORT_BYTES, type Delimiter, type ImportOptions, type SheetInfo, type TextEncodingName } from './types.ts';

export interface Register {
  format: 'csv' | 'xlsx';
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  sheets: SheetInfo[];
  sheet?: string;
  table: Table;
  suggested: MappingSuggestion[];
}

const DELIMITERS: Delimiter[] = [',', '\t', ';'];
// Rows the mapping suggestion looks at.
export const SAMPLE_ROWS = 50;

/**
 * CSV text to rows with papaparse: the delimiter is detected among comma, tab and semicolon
 * (papaparse tries each on the first ten rows and keeps the most consistent cell count, ties
 * going to more cells); quoted values may hold delimiters, "" and line breaks. Throws
 * CSV_QUOTES with `details.row` when a quoted value is never closed.
 */
export function readCsv(text: string): { rows: string[][]; delimiter: Delimiter } {
  const result = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, skipEmptyLines: false });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) throw badInput('CSV_QUOTES', { row: (unclosed.row ?? 0) + 1 });
  const d = result.meta.delimiter as Delimiter;
  return { rows: result.data, delimiter: DELIMITERS.includes(d) ? d : ',' };
}

/** A table and its suggestion, or the error that refuses the sheet. */
function tableOf(grid: string[][], headerRow?: number): { table: Table; suggested: MappingSuggestion[]; recognised: number } | { error: unknown } {
  try {
    const table = toTable(grid, headerRow);
    const suggested = suggestMapping(table.headers, table.rows.slice(0, SAMPLE_ROWS));
    return { table, suggested, recognised: suggested.filter((s) => s.field !== null).length };
  } catch (error) {
    return { error };
  }
}

/** Reads the bytes of a file or Blob; throws TOO_LARGE (with `details.limitBytes`) before reading an oversized one. */
export async function fileBytes(file: Blob | Uint8Array): Promise<Uint8Array> {
  const size = file instanceof Uint8Array ? file.byteLength : file.size;
  if (size > MAX_IMPORT_BYTES) throw badInput('TOO_LARGE', { limitBytes: MAX_IMPORT_BYTES, sizeBytes: size });
  return file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer());
}

/**
 * Opens a register from its bytes: detects workbook or text (and the text's encoding), lists a
 * workbook's sheets and picks `opts.sheet` or the first with a recognisable column. Throws
 * INVALID_INPUT with reason EMPTY, BINARY, XLSX_ENCRYPTED, XLS_LEGACY, XLSX_CORRUPT, CSV_QUOTES,
 * HEADER_ONLY, ROW_TOO_LONG, SHEET_NOT_FOUND or NO_COLUMNS.
 */
export async function openRegister(bytes: Uint8Array, opts: ImportOptions = {}): Promise<Register> {
  if (sniff(bytes) === 'text') {
    const { text, encoding } = decodeText(bytes, opts.encoding);
    if (text.trim() === '') throw badInput('EMPTY');
    const csv = readCsv(text);
    const t = tableOf(csv.rows, opts.headerRow);
    if ('error' in t) throw t.error;
    if (t.recognised === 0) throw badInput('NO_COLUMNS');
    return { format: 'csv', encoding, delimiter: csv.delimiter, sheets: [{ name: '', rows: t.table.rows.length + 1, recognised: t.recognised }], table: t.table, suggested: t.suggested };
  }
  const { readXlsx } = await import('./read-xlsx.ts');
  const books = await readXlsx(bytes);
  if (opts.sheet !== undefined && !books.some((b) => b.name === opts.sheet)) throw badInput('SHEET_NOT_FOUND', { sheets: books.map((b) => b.name) });
  const sheets: SheetInfo[] = [];
  let chosen: { name: string; table: Table; suggested: MappingSuggestion[] } | null = null;
  let firstError: unknown = null;
  for (const book of books) {
    const wanted = opts.sheet === undefined ? chosen === null : book.name === opts.sheet;
    const t = tableOf(book.rows, wanted ? opts.headerRow : undefined);
    const rows = 'error' in t ? book.rows.filter((r) => r.some((c) => c.trim() !== '')).length : t.table.rows.length + 1;
    sheets.push({ name: book.name, rows, recognised: 'error' in t ? 0 : t.recognised });
    if (!wanted) continue;
    if ('error' in t) firstError ??= t.error;
    else if (t.recognised === 0) firstError ??= badInput('NO_COLUMNS', { sheet: book.name });
    else chosen = { name: book.name, table: t.table, suggested: t.suggested };
  }
  if (chosen === null) throw firstError ?? badInput('EMPTY');
  return { format: 'xlsx', sheets, sheet: chosen.name, table: chosen.table, suggested: chosen.suggested };
}
