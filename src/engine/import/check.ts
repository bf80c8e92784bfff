/**
 * The check of every row under a column mapping: normalise each mapped cell, build the record
 * input, validate it, and note each problem with a masked value. Nothing here is stored; the
 * inputs of valid rows are kept so the commit does not normalise 100,000 rows a second time.
 */
import type { FieldKey } from '../../core/domain/fields.ts';
import { normaliseField, type NormaliseResult } from '../../core/domain/import/normalise.ts';
import { trimAll } from '../../core/domain/import/normalise-text.ts';
import { maskValue } from '../../core/domain/pii/mask.ts';
import { validateRecord, type RecordFields, type RecordInput } from '../../core/domain/record.ts';
import { SLICE, type Meter } from './progress.ts';
import type { Table } from './table.ts';
import type { ColumnMapping, MappedField, RowIssue } from './types.ts';

export interface Checked {
  /** The record input of each data row, or null when the row has a problem and will not be stored. */
  inputs: (RecordInput | null)[];
  /** Problems in row order. */
  issues: RowIssue[];
  invalid: number;
}

export interface CheckContext {
  today: Date;
  /** Customer numbers of rows without one: prefix + spreadsheet row number (6 digits). */
  customerNoPrefix: string;
  sample: boolean;
  meter: Meter;
}

// Distinct raw values cached per column: registers repeat products, banks, channels, dates.
const CACHE_LIMIT = 4096;
const UNCACHED: ReadonlySet<MappedField> = new Set(['customerNo', 'idNumber', 'uscc', 'phone', 'email', 'bankAccount', 'address']);
const ORGANISATION_ID = /营业执照|信用代码|组织机构|机构代码|登记证|business ?licen[cs]e|uscc/i;

interface Column {
  column: number;
  field: MappedField;
  normalise: (raw: string) => NormaliseResult;
}

function columnOf(m: ColumnMapping & { field: MappedField }): Column {
  if (UNCACHED.has(m.field)) return { column: m.column, field: m.field, normalise: (raw) => normaliseField(m.field, raw, m.unit) };
  const cache = new Map<string, NormaliseResult>();
  return {
    column: m.column,
    field: m.field,
    normalise: (raw) => {
      let r = cache.get(raw);
      if (r === undefined) {
        r = normaliseField(m.field, raw, m.unit);
        if (cache.size < CACHE_LIMIT) cache.set(raw, r);
      }
      return r;
    },
  };
}

/** An organisation when the ID type names a business document, or when it has a credit code and no personal ID number. */
export function kindOf(fields: RecordFields): RecordInput['kind'] {
  if (fields.idType && ORGANISATION_ID.test(fields.idType)) return 'organisation';
  return fields.uscc && !fields.idNumber ? 'organisation' : 'person';
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * Checks every row of `table` under `mapping` (fields unique; see validateMapping). Reports
 * progress every SLICE rows and throws AbortError when cancelled.
 */
export async function checkRows(table: Table, mapping: readonly ColumnMapping[], ctx: CheckContext): Promise<Checked> {
  const columns = mapping.filter((m): m is ColumnMapping & { field: MappedField } => m.field !== null).map(columnOf);
  const columnOfField = new Map<string, number>(columns.map((c) => [c.field, c.column]));
  const today = isoDay(ctx.today);
  const n = table.rows.length;
  const inputs: (RecordInput | null)[] = new Array(n);
  const issues: RowIssue[] = [];
  let invalid = 0;
  ctx.meter.begin('checking', n);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % SLICE === 0) await ctx.meter.step(i);
    const row = table.rows[i]!;
    const rowNo = table.rowNumbers[i]!;
    const fields: RecordFields = {};
    let customerNo = '';
    let bad = false;
    for (const c of columns) {
      const raw = row[c.column];
      if (raw === undefined || raw === '') continue;
      const r = c.normalise(raw);
      if (!r.ok) {
        issues.push({ row: rowNo, column: c.column, field: c.field, code: r.problem, value: maskValue(c.field, trimAll(raw)) });
        bad = true;
      } else if (r.value !== '') {
        // An unchanged value keeps the parsed string, so the normaliser's copy can be collected.
        const value = r.changed ? r.value : raw;
        if (c.field === 'customerNo') customerNo = value;
        else fields[c.field] = value;
      }
    }
    const input: RecordInput = { kind: kindOf(fields), customerNo: customerNo || ctx.customerNoPrefix + String(rowNo).padStart(6, '0'), fields };
    if (ctx.sample) input.sample = true;
    for (const p of validateRecord(input, ctx.today)) {
      const value = p.field === 'kind' || p.field === 'customerNo' ? '' : maskValue(p.field, fields[p.field] ?? '');
      issues.push({ row: rowNo, column: columnOfField.get(p.field) ?? null, field: p.field, code: p.code, value });
      bad = true;
    }
    const birth = fields.birthDate;
    if (birth && (birth > today || birth < '1900-01-01')) {
      issues.push({ row: rowNo, column: columnOfField.get('birthDate') ?? null, field: 'birthDate', code: 'BIRTH_DATE_IMPOSSIBLE', value: maskValue('birthDate', birth) });
      bad = true;
    }
    if (bad) invalid++;
    inputs[i] = bad ? null : input;
  }
  ctx.meter.end();
  return { inputs, issues, invalid };
}

/** The fields of a mapping, for counting: every mapped field but the customer number. */
export function mappedFields(mapping: readonly ColumnMapping[]): FieldKey[] {
  return mapping.flatMap((m) => (m.field !== null && m.field !== 'customerNo' ? [m.field] : []));
}
