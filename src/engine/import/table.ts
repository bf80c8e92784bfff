/**
 * A grid of cells to a table: which row holds the column names, which rows hold data (empty
 * rows are skipped, but every data row keeps its spreadsheet row number for the report), and
 * the checks that refuse a grid rather than import it wrongly.
 */
import { matchHeader } from '../../core/domain/import/mapping-synonyms.ts';
import { trimAll } from '../../core/domain/import/normalise-text.ts';
import { badInput } from './bad-input.ts';

export interface Table {
  headers: string[];
  /** Data rows, in file order, each at most `headers.length` cells long. */
  rows: string[][];
  /** The 1-based spreadsheet row of each data row (the header row is counted). */
  rowNumbers: Uint32Array;
  /** The 1-based spreadsheet row of the column names. */
  headerRow: number;
}

// How many rows at the top may be titles or notes above the column names.
const HEADER_SEARCH = 10;
// How many offending row numbers an error lists.
const LISTED = 20;

function isBlank(row: readonly string[]): boolean {
  for (const c of row) if (c !== '' && trimAll(c) !== '') return false;
  return true;
}

/** The index of the header row: the first of the top non-empty rows naming two known columns, else the first non-empty row. */
function findHeader(grid: readonly string[][]): number {
  let first = -1;
  let seen = 0;
  for (let i = 0; i < grid.length && seen < HEADER_SEARCH; i++) {
    if (isBlank(grid[i]!)) continue;
    if (first < 0) first = i;
    seen++;
    if (grid[i]!.filter((c) => c !== '' && matchHeader(c) !== null).length >= 2) return i;
  }
  return first;
}

/**
 * Builds the table of a grid; `headerRow` (1-based) overrides the detected header. Throws
 * INVALID_INPUT: EMPTY (no non-empty row), HEADER_ONLY (no data row), ROW_TOO_LONG (a row with
 * a non-empty cell beyond the last column name; `details.rows` lists up to 20 row numbers and
 * `details.count` how many there are — nothing is cut off silently). Trailing empty cells are
 * dropped. The grid's row arrays are reused, not copied.
 */
export function toTable(grid: string[][], headerRow?: number): Table {
  const h = headerRow !== undefined ? headerRow - 1 : findHeader(grid);
  if (h < 0 || h >= grid.length || isBlank(grid[h]!)) {
    if (grid.every(isBlank)) throw badInput('EMPTY');
    throw badInput('HEADER_ONLY', {}, 'The chosen header row is empty. Choose the row that holds the column names.');
  }
  const headers = grid[h]!.map((c) => trimAll(c));
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const width = headers.length;
  const rows: string[][] = [];
  const numbers: number[] = [];
  const tooLong: number[] = [];
  for (let i = h + 1; i < grid.length; i++) {
    const row = grid[i]!;
    if (isBlank(row)) continue;
    if (row.length > width) {
      for (let c = width; c < row.length; c++) {
        if (row[c] !== '' && trimAll(row[c]!) !== '') {
          tooLong.push(i + 1);
          break;
        }
      }
      row.length = width;
    }
    rows.push(row);
    numbers.push(i + 1);
  }
  if (tooLong.length > 0) throw badInput('ROW_TOO_LONG', { rows: tooLong.slice(0, LISTED), count: tooLong.length, columns: width });
  if (rows.length === 0) throw badInput('HEADER_ONLY');
  return { headers, rows, rowNumbers: Uint32Array.from(numbers), headerRow: h + 1 };
}
