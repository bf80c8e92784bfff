/**
 * What the import use cases offer the UI, as plain data that crosses the worker boundary. Every
 * value a person could be recognised by arrives masked (`maskValue`); counts and codes do not.
 */
import type { Category, Sensitivity } from '../../core/domain/fields.ts';
import type { AmountUnit } from '../../core/domain/import/normalise-amount.ts';
import type { MappedField } from '../../core/domain/import/mapping-synonyms.ts';
import type { NormaliseProblem } from '../../core/domain/import/normalise-text.ts';
import type { FieldProblemCode } from '../../core/domain/record.ts';

export type { AmountUnit, MappedField };

/** Files larger than this are refused before they are read (reason TOO_LARGE): 200 MiB. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** `details.reason` of an INVALID_INPUT error from reading a file; the UI words each one. */
export type ImportFailure =
  | 'EMPTY' // 0 bytes, or nothing but whitespace
  | 'BINARY' // not text and not a workbook (an image, a PDF, a program renamed .csv)
  | 'HEADER_ONLY' // a header row and no data rows
  | 'XLSX_ENCRYPTED' // an OLE/CFB container: what a password-protected workbook is
  | 'XLS_LEGACY' // an old binary .xls workbook
  | 'XLSX_CORRUPT' // a damaged or incomplete .xlsx (ZIP) file
  | 'TOO_LARGE' // over MAX_IMPORT_BYTES (details.limitBytes)
  | 'NO_COLUMNS' // no column holds a recognisable field
  | 'ROW_TOO_LONG' // rows with more cells than the header (details.rows, details.count)
  | 'CSV_QUOTES' // a quoted value that is never closed (details.row)
  | 'SHEET_NOT_FOUND' // the chosen sheet is not in the workbook
  | 'MAPPING'; // the confirmed mapping is unusable (details.problem)

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type Delimiter = ',' | '\t' | ';';

export interface ImportOptions {
  /** Overrides the detected text encoding of a CSV file. */
  encoding?: TextEncodingName;
  /** The sheet of a workbook to import, by name; default: the first with recognisable columns. */
  sheet?: string;
  /** The 1-based row holding the column names; default: detected among the first ten rows. */
  headerRow?: number;
}

export interface ImportLimits {
  maxBytes: number;
}

export interface SheetInfo {
  name: string;
  /** Non-empty rows, the header included. */
  rows: number;
  /** Columns whose header or content a field was suggested for. */
  recognised: number;
}

/** The confirmed meaning of one column. `unit` scales amounts ('wan': the column is in 万元). */
export interface ColumnMapping {
  column: number;
  field: MappedField | null;
  unit?: AmountUnit;
}

export interface ColumnSuggestion extends ColumnMapping {
  /** 0–1. */
  confidence: number;
  reason: 'header' | 'content' | 'both';
}

export interface ColumnInfo {
  column: number;
  header: string;
  /** Up to five non-empty values, masked for the suggested field (first character only when unmapped). */
  samples: string[];
  /** Category and sensitivity of the field the column is mapped to. */
  category?: Category;
  sensitivity?: Sensitivity;
}

export type RowProblem = NormaliseProblem | FieldProblemCode | 'BIRTH_DATE_IMPOSSIBLE' | 'DUPLICATE_IN_FILE' | 'DUPLICATE_IN_VAULT';

/** One problem of one cell. `row` is the spreadsheet row (the header row counted); `value` is masked. */
export interface RowIssue {
  row: number;
  column: number | null;
  field: MappedField | 'kind' | null;
  code: RowProblem;
  value: string;
  /** For duplicates: the row (or 0 for the vault) of the record it duplicates. */
  of?: number;
}

/** Rows that share an ID number (masked key), and whether the vault already holds it. */
export interface DuplicateGroup {
  key: string;
  rows: number[];
  inVault: boolean;
}

export interface FieldCount {
  field: MappedField;
  category?: Category;
  sensitivity?: Sensitivity;
  /** Valid rows with a value in this field. */
  count: number;
}

export interface ImportReport {
  importId: string;
  /** Data rows read (empty rows not counted). */
  rows: number;
  valid: number;
  invalid: number;
  /** Valid rows repeating an ID number met earlier in the file. */
  duplicatesInFile: number;
  /** Valid rows whose ID number the vault already holds. */
  duplicatesInVault: number;
  /** Problems per code, over the whole file. */
  byCode: Partial<Record<RowProblem, number>>;
  issueCount: number;
  /** A page of the problems, in row order (see `offset`). */
  issues: RowIssue[];
  offset: number;
  duplicates: DuplicateGroup[];
  /** What a commit would store, counted over valid rows that duplicate nothing. */
  fields: FieldCount[];
  byCategory: Record<Category, number>;
  bySensitivity: Record<Sensitivity, number>;
}

export interface ImportPreview {
  importId: string;
  format: 'csv' | 'xlsx' | 'sample';
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  sheets: SheetInfo[];
  sheet?: string;
  headerRow: number;
  columns: ColumnInfo[];
  suggested: ColumnSuggestion[];
  /** The mapping the report was made with: remembered for these headers, else the suggestion. */
  mapping: ColumnMapping[];
  mappingSource: 'suggested' | 'remembered';
  report: ImportReport;
}

/** What to do with a row whose ID number is already in the file or the vault. */
export type DuplicateChoice = 'skip' | 'merge' | 'keep';

export interface ImportProgress {
  /** Known from the first report, so a long check can be cancelled before `importPrepare` returns. */
  importId: string;
  phase: 'checking' | 'building' | 'sealing' | 'storing';
  done: number;
  total: number;
  rowsPerSecond: number;
  /** Estimate for this phase; 0 when unknown or done. */
  secondsLeft: number;
}

export type ImportProgressFn = (p: ImportProgress) => unknown;

/** Evidence for the checklist (ACTION_TICKS['import.committed']); the checklist feature stores it. */
export interface ImportEvidence {
  action: 'import.committed';
  ref: string;
  label: string;
  at: string;
}

export interface ImportResult {
  importId: string;
  rows: number;
  stored: number;
  skipped: number;
  merged: number;
  invalid: number;
  sample: boolean;
  evidence: ImportEvidence;
}

export interface ReportFile {
  fileName: string;
  /** UTF-8 with a BOM, so spreadsheet programs read the Chinese text. */
  bytes: Uint8Array;
}
