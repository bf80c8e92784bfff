/**
 * Column mappings as the UI sees and sends them: the suggestion in mapping form, the check of a
 * mapping the person confirmed, and the masked column samples shown beside it.
 */
import { FIELD_BY_KEY, isFieldKey } from '../../core/domain/fields.ts';
import type { MappingSuggestion } from '../../core/domain/import/mapping.ts';
import { trimAll } from '../../core/domain/import/normalise-text.ts';
import { maskName, maskValue } from '../../core/domain/pii/mask.ts';
import { badInput } from './bad-input.ts';
import type { Table } from './table.ts';
import type { Register } from './read-file.ts';
import type { ColumnInfo, ColumnMapping, ColumnSuggestion, ImportPreview, ImportReport } from './types.ts';

const SAMPLES = 5;

/** The suggestion as plain data for the UI. */
export function suggestionsOf(suggested: readonly MappingSuggestion[]): ColumnSuggestion[] {
  return suggested.map((s) => ({ column: s.column, field: s.field, confidence: s.confidence, reason: s.reason, ...(s.unit ? { unit: s.unit } : {}) }));
}

/** The mapping a suggestion proposes: one entry per column. */
export function mappingOf(suggested: readonly MappingSuggestion[]): ColumnMapping[] {
  return suggested.map((s) => ({ column: s.column, field: s.field, ...(s.unit ? { unit: s.unit } : {}) }));
}

/**
 * Checks a confirmed mapping against a table of `width` columns and returns a clean copy.
 * Throws INVALID_INPUT reason MAPPING with `details.problem`: COLUMN (not a column of the
 * table, or listed twice), FIELD (unknown field or unit), FIELD_TWICE (two columns for one
 * field, `details.field`), NO_NAME (no column holds the customer's name).
 */
export function validateMapping(mapping: readonly ColumnMapping[], width: number): ColumnMapping[] {
  if (!Array.isArray(mapping)) throw badInput('MAPPING', { problem: 'COLUMN' });
  const columns = new Set<number>();
  const fields = new Set<string>();
  const out: ColumnMapping[] = [];
  for (const m of mapping) {
    const column = m?.column;
    if (!Number.isInteger(column) || column < 0 || column >= width || columns.has(column)) {
      throw badInput('MAPPING', { problem: 'COLUMN', column }, 'A mapping names a column the file does not have, or names it twice. Choose the file again.');
    }
    columns.add(column);
    const field = m.field ?? null;
    if (field !== null && field !== 'customerNo' && !isFieldKey(field)) throw badInput('MAPPING', { problem: 'FIELD', column });
    if (m.unit !== undefined && m.unit !== 'yuan' && m.unit !== 'wan') throw badInput('MAPPING', { problem: 'FIELD', column });
    if (field !== null && fields.has(field)) {
      throw badInput('MAPPING', { problem: 'FIELD_TWICE', column, field }, 'Two columns are mapped to the same field. Map each field to one column only.');
    }
    if (field !== null) fields.add(field);
    out.push({ column, field, ...(field === 'amount' && m.unit ? { unit: m.unit } : {}) });
  }
  if (!fields.has('name')) throw badInput('MAPPING', { problem: 'NO_NAME' }, 'No column is mapped to the customer’s name. Choose the column that holds names.');
  return out;
}

/** Each column with up to five masked sample values: by its mapped field, or only the first character when unmapped. */
export function columnInfos(table: Table, mapping: readonly ColumnMapping[]): ColumnInfo[] {
  const fieldOf = new Map(mapping.map((m) => [m.column, m.field]));
  return table.headers.map((header, column) => {
    const field = fieldOf.get(column) ?? null;
    const samples: string[] = [];
    for (let i = 0; i < table.rows.length && samples.length < SAMPLES; i++) {
      const v = trimAll(table.rows[i]![column] ?? '');
      if (v !== '') samples.push(field === null ? maskName(v) : maskValue(field, v));
    }
    const spec = field !== null && field !== 'customerNo' ? FIELD_BY_KEY.get(field) : undefined;
    return { column, header, samples, ...(spec ? { category: spec.category, sensitivity: spec.sensitivity } : {}) };
  });
}

/** What the UI shows after a file is read: sheets, columns with masked samples, the mapping in use and the report. */
export function previewOf(reg: Register, mapping: readonly ColumnMapping[], source: ImportPreview['mappingSource'], report: ImportReport, sample: boolean): ImportPreview {
  return {
    importId: report.importId,
    format: sample ? 'sample' : reg.format,
    ...(reg.encoding ? { encoding: reg.encoding } : {}),
    ...(reg.delimiter ? { delimiter: reg.delimiter } : {}),
    sheets: reg.sheets,
    ...(reg.sheet !== undefined ? { sheet: reg.sheet } : {}),
    headerRow: reg.table.headerRow,
    columns: columnInfos(reg.table, mapping),
    suggested: suggestionsOf(reg.suggested),
    mapping: mapping.map((m) => ({ ...m })),
    mappingSource: source,
    report,
  };
}
