/**
 * A record's retention: the facts that apply to its categories under the profile's scenarios,
 * each with the date its clock starts and the date it ends. The longest wins: the record is kept
 * until the latest end date, on the basis of the facts that set it.
 */
import type { Category } from '../fields.ts';
import type { Scenario } from '../checklists/types.ts';
import { factById } from '../checklists/facts.ts';
import { RETENTION_RULES, type RetentionRule } from './rules.ts';
import type { RetentionDates, StartEvent } from './types.ts';

/** One applicable fact with its clock. Dates are YYYY-MM-DD; null when the start is not known yet. */
export interface BasisLine {
  fact: string;
  years: number;
  start: StartEvent;
  startDate: string | null;
  until: string | null;
}

export interface Retention {
  /** Every applicable fact, longest period first. */
  lines: BasisLine[];
  /** The facts that set the keep-until date (or, while a start is unknown, the longest period). */
  basis: string[];
  /** The longest period that applies, in years (0 when none). */
  years: number;
  /** The latest end date; null when nothing applies or a start date is still unknown. */
  until: string | null;
  /** Start events whose date is needed and not known (set it on the record or the profile). */
  missingStart: StartEvent[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isDate(s: unknown): s is string {
  const m = typeof s === 'string' ? DATE.exec(s) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/**
 * `date` plus `years` (whole years; a half year adds six months), as YYYY-MM-DD. 29 February
 * plus a number of years that lands outside a leap year gives 28 February.
 */
export function addYears(date: string, years: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const months = Math.round(years * 12);
  const y = +m[1]! + Math.floor((+m[2]! - 1 + months) / 12);
  const mo = (+m[2]! - 1 + months) % 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const d = Math.min(+m[3]!, last);
  return `${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The rules that apply under `scenarios`, with their facts' periods. */
export function rulesFor(scenarios: readonly Scenario[]): (RetentionRule & { years: number })[] {
  const out: (RetentionRule & { years: number })[] = [];
  for (const r of RETENTION_RULES) {
    const years = factById(r.fact)?.retention_years;
    if (typeof years !== 'number' || !r.scenarios.some((s) => scenarios.includes(s))) continue;
    out.push({ ...r, years });
  }
  return out;
}

function startDate(start: StartEvent, relationshipEnd: string | undefined, dates: RetentionDates): string | null {
  const end = isDate(relationshipEnd) ? relationshipEnd : isDate(dates.accountsClosed) ? dates.accountsClosed : null;
  if (start === 'relationship-end') return end;
  if (start === 'fiscal-year-end') return end ? `${end.slice(0, 4)}-12-31` : null;
  return isDate(dates.fundLiquidated) ? dates.fundLiquidated : null;
}

/**
 * The retention of a record with data in `categories`, whose relationship ended on
 * `relationshipEnd` (the record's own field) or, failing that, when the firm closed its
 * accounts (`dates.accountsClosed`).
 */
export function retentionOf(
  record: { categories: readonly Category[]; relationshipEnd?: string },
  ctx: { scenarios: readonly Scenario[]; dates: RetentionDates },
): Retention {
  const lines: BasisLine[] = [];
  for (const r of rulesFor(ctx.scenarios)) {
    if (!r.categories.some((c) => record.categories.includes(c))) continue;
    const s = startDate(r.start, record.relationshipEnd, ctx.dates);
    lines.push({ fact: r.fact, years: r.years, start: r.start, startDate: s, until: s ? addYears(s, r.years) : null });
  }
  lines.sort((a, b) => b.years - a.years || (b.until ?? '').localeCompare(a.until ?? '') || a.fact.localeCompare(b.fact));
  const years = lines.reduce((m, l) => Math.max(m, l.years), 0);
  const missingStart = [...new Set(lines.filter((l) => !l.startDate).map((l) => l.start))];
  if (!lines.length) return { lines, basis: [], years: 0, until: null, missingStart };
  if (missingStart.length) return { lines, basis: lines.filter((l) => l.years === years).map((l) => l.fact), years, until: null, missingStart };
  const until = lines.reduce((m, l) => (l.until! > m ? l.until! : m), '');
  return { lines, basis: lines.filter((l) => l.until === until).map((l) => l.fact), years, until, missingStart };
}

/** True while a retention still binds on `today` (YYYY-MM-DD): a basis, and an end not yet passed or not yet known. */
export function underRetention(r: Retention, today: string): boolean {
  return r.basis.length > 0 && (r.until === null || r.until >= today);
}
