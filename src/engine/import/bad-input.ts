/**
 * The errors a file can give while it is read: INVALID_INPUT with `details.reason`, and a
 * message that tells the person what to do next. Messages never quote the file's contents.
 */
import { AppError } from '../../core/errors.ts';
import { MAX_IMPORT_BYTES, type ImportFailure } from './types.ts';

const MIB = 1024 * 1024;

const MESSAGES: Record<ImportFailure, string> = {
  EMPTY: 'The file is empty. Choose the exported customer register itself, not an empty copy.',
  BINARY: 'This is not a CSV or Excel file (it looks like an image, a PDF or a program). Export the register as CSV or .xlsx and choose that file.',
  HEADER_ONLY: 'The file has column names but no customer rows. Check that you exported the data, not only the template.',
  XLSX_ENCRYPTED: 'The workbook is password-protected. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook), save it, and choose it again.',
  XLS_LEGACY: 'This is an old .xls workbook. Open it in Excel or WPS and save it as .xlsx or CSV (UTF-8), then choose the new file.',
  XLSX_CORRUPT: 'The .xlsx file is damaged or incomplete. Open it in Excel or WPS and save it again, or export the register as CSV.',
  TOO_LARGE: `The file is larger than ${MAX_IMPORT_BYTES / MIB} MB. Split the register into several files (for example by year or product) and import them one by one.`,
  NO_COLUMNS: 'No column of this sheet looks like customer data (name, ID number, phone…). Choose another sheet, or check that the first rows hold the column names.',
  ROW_TOO_LONG: 'Some rows have more cells than there are column names — usually a comma inside a value that is not in quotes. Fix the listed rows in the source file and import it again.',
  CSV_QUOTES: 'A quoted value is never closed, so the rest of the file would be read as one cell. Fix the quotes at the listed row and import it again.',
  SHEET_NOT_FOUND: 'The workbook has no sheet of that name. Choose one of the listed sheets.',
  MAPPING: 'The column mapping cannot be used as it is. Correct the marked columns and confirm again.',
};

/** The INVALID_INPUT error for `reason`, with extra details (row numbers, limits) and an optional more specific message. */
export function badInput(reason: ImportFailure, details: Record<string, unknown> = {}, message?: string): AppError {
  return new AppError('INVALID_INPUT', message ?? MESSAGES[reason], { details: { reason, ...details } });
}

/** An error for an import id that is unknown, finished or dropped (the vault was locked). */
export function unknownImport(): AppError {
  return new AppError('NOT_FOUND', 'That import is no longer open (it finished, was cancelled or the vault was locked). Choose the file again.');
}

/** The cancellation error: cancelling, or locking the vault, leaves nothing stored. */
export function cancelled(): AppError {
  return new AppError('AbortError', 'The import was cancelled; nothing was stored.');
}
