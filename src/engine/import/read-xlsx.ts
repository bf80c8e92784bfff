/**
 * .xlsx workbooks to grids of text, every sheet. Loaded with a dynamic import() only when a
 * workbook is chosen, so read-excel-file and the unzip code are a separate chunk that CSV
 * imports never fetch.
 *
 * read-excel-file's `universal` entry is used: it spawns no workers of its own. Its unzip step
 * (fflate's async `unzip`) would start a worker from a blob: URL for any compressed entry over
 * 512 KB, which the app's Content-Security-Policy (worker-src 'self') forbids. So the archive is
 * first inflated here with fflate's synchronous unzip and re-packed uncompressed ("stored"),
 * which fflate reads without a worker. We already run inside the engine worker.
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { badInput } from './bad-input.ts';

export interface XlsxSheet {
  name: string;
  rows: string[][];
}

// The XML inside a workbook may not inflate beyond this: a guard against ZIP bombs.
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A cell as text: numbers exactly as the file writes them, dates as YYYY-MM-DD (with the time when it is not midnight). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const day = `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
    const time = v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? ` ${pad2(v.getUTCHours())}:${pad2(v.getUTCMinutes())}:${pad2(v.getUTCSeconds())}` : '';
    return day + time;
  }
  return String(v);
}

/** Inflates the workbook's XML parts. Throws XLSX_CORRUPT for a damaged archive or one without a workbook, TOO_LARGE for a ZIP bomb. */
function inflate(bytes: Uint8Array): Unzipped {
  let inflated = 0;
  let entries: Unzipped;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        inflated += f.originalSize;
        return inflated <= MAX_INFLATED_BYTES;
      },
    });
  } catch {
    throw badInput('XLSX_CORRUPT');
  }
  if (inflated > MAX_INFLATED_BYTES) throw badInput('TOO_LARGE', { limitBytes: MAX_INFLATED_BYTES });
  if (!Object.keys(entries).some((name) => /(^|\/)workbook\.xml$/i.test(name))) throw badInput('XLSX_CORRUPT');
  return entries;
}

/**
 * Every sheet of an .xlsx workbook as rows of text cells. Numbers are kept as the digits the
 * file stores (an ID number a spreadsheet turned into 1.10101198402248E+17 stays visible as
 * such, to be flagged, not rounded again). Throws INVALID_INPUT XLSX_CORRUPT when it cannot be read.
 */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const stored = zipSync(inflate(bytes), { level: 0 });
  let sheets;
  try {
    sheets = await readXlsxFile<string>(stored.buffer, { parseNumber: (s) => s, trim: false });
  } catch {
    throw badInput('XLSX_CORRUPT');
  }
  return sheets.map((s) => {
    // Converted in place: a workbook of 100,000 rows is not copied a second time.
    const rows = s.data as unknown as unknown[][];
    for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = cellText(row[i]);
    return { name: s.sheet, rows: rows as string[][] };
  });
}
