/**
 * Date normaliser: the forms found in Chinese customer registers, and Excel serial numbers,
 * to ISO `YYYY-MM-DD`. Pure; never consults the clock.
 */
import { isValidIsoDate } from '../pii/validators.ts';
import { normalised, problem, toHalfWidth, trimAll, type NormaliseResult } from './normalise-text.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');

// The largest serial Excel accepts: 9999-12-31.
const MAX_EXCEL_SERIAL = 2958465;
const DAY_MS = 86_400_000;

/**
 * The ISO date of an Excel serial day number in the 1900 date system, or null. Excel counts
 * 1900-01-01 as day 1 and, copying Lotus 1-2-3, treats 1900 as a leap year: day 60 is the
 * non-existent 1900-02-29 (null here) and every later serial is one more than the true count.
 * A fractional part is a time of day and is dropped.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1) return null;
  const day = Math.floor(serial);
  if (day === 60) return null;
  // Day 0 is 1899-12-31; from day 61 on, the phantom leap day shifts the epoch to 1899-12-30.
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + day * DAY_MS);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

// Separated forms: 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日 (also 号), optional time after.
const SEPARATED = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

/**
 * Normalises a date cell to `YYYY-MM-DD`. Accepts 2024-01-05, 2024/1/5, 2024.1.5, 20240105,
 * 2024年1月5日 (full-width digits too, a trailing time of day ignored) and Excel serial numbers
 * (1900 system). A number whose whole part is 1900–2100 reads as a year (or year.month), not a
 * serial, and is refused. Empty input stays empty. Problem: DATE_INVALID when nothing matches a real date.
 */
export function normaliseDate(raw: string): NormaliseResult {
  const s = trimAll(toHalfWidth(raw));
  if (s === '') return normalised(raw, '');
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (m) {
    const iso = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
    return isValidIsoDate(iso) ? normalised(raw, iso) : problem('DATE_INVALID');
  }
  if (SERIAL.test(s)) {
    const n = Number(s);
    if (/^(?:19\d\d|20\d\d|2100)(?:\.|$)/.test(s)) return problem('DATE_INVALID');
    const iso = excelSerialToIso(n);
    return iso === null ? problem('DATE_INVALID') : normalised(raw, iso);
  }
  return problem('DATE_INVALID');
}
