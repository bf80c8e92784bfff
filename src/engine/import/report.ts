/**
 * The validation report of an import: counts, problems per row and column, duplicates, and
 * what a commit would store by category and sensitivity — and the same problems as a CSV file.
 * Every value in it was masked when the problem was noted; nothing here unmasks.
 */
import { CATEGORIES, FIELD_BY_KEY, SENSITIVITIES, type FieldKey } from '../../core/domain/fields.ts';
import { summarise } from '../../core/domain/record.ts';
import { mappedFields, type Checked } from './check.ts';
import type { Duplicates } from './duplicates.ts';
import type { ColumnMapping, FieldCount, ImportReport, ReportFile, RowIssue, RowProblem } from './types.ts';

/** The page-independent part of a report; `page` cuts the issues. */
export type ReportBase = Omit<ImportReport, 'issues' | 'offset'> & { allIssues: RowIssue[] };

/** Summarises a check and its duplicates. Stored-counts cover valid rows that duplicate nothing. */
export function buildReport(importId: string, checked: Checked, dups: Duplicates, allIssues: RowIssue[], mapping: readonly ColumnMapping[]): ReportBase {
  const byCode: Partial<Record<RowProblem, number>> = {};
  for (const issue of allIssues) byCode[issue.code] = (byCode[issue.code] ?? 0) + 1;
  const keys = mappedFields(mapping);
  const perField = new Map<FieldKey, number>(keys.map((k) => [k, 0]));
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as ImportReport['byCategory'];
  const bySensitivity = Object.fromEntries(SENSITIVITIES.map((s) => [s, 0])) as ImportReport['bySensitivity'];
  let valid = 0;
  checked.inputs.forEach((input, i) => {
    if (!input) return;
    valid++;
    if (dups.firstInFile.has(i) || dups.inVault.has(i)) return;
    for (const k of keys) if (input.fields[k]) perField.set(k, perField.get(k)! + 1);
    const s = summarise(input.fields);
    for (const c of s.categories) byCategory[c]++;
    if (s.sensitivity) bySensitivity[s.sensitivity]++;
  });
  const fields: FieldCount[] = keys.map((k) => {
    const spec = FIELD_BY_KEY.get(k);
    return { field: k, category: spec?.category, sensitivity: spec?.sensitivity, count: perField.get(k)! };
  });
  return {
    importId,
    rows: checked.inputs.length,
    valid,
    invalid: checked.invalid,
    duplicatesInFile: dups.firstInFile.size,
    duplicatesInVault: dups.inVault.size,
    byCode,
    issueCount: allIssues.length,
    allIssues,
    duplicates: dups.groups,
    fields,
    byCategory,
    bySensitivity,
  };
}

/** The report with one page of issues (offset ≥ 0, limit 1–1000, default 200). */
export function page(base: ReportBase, offset = 0, limit = 200): ImportReport {
  const { allIssues, ...rest } = base;
  const from = Math.max(0, Math.floor(offset));
  const n = Math.min(1000, Math.max(1, Math.floor(limit)));
  return { ...rest, offset: from, issues: allIssues.slice(from, from + n) };
}

// Spreadsheet programs run a cell starting with = + - @ as a formula: such cells get a leading '.
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const HEADER = ['行号 Row', '列 Column', '字段 Field', '问题 Problem', '值（已遮蔽）Value (masked)', '重复于行 Duplicate of row'];

/**
 * The report's problems as CSV: UTF-8 with a BOM (so Excel and WPS read Chinese), CRLF line
 * ends, one line per problem, values masked as in the report. `headers` names the columns.
 */
export function reportCsv(base: ReportBase, headers: readonly string[], fileDate: Date): ReportFile {
  const lines = [HEADER.map(cell).join(',')];
  for (const i of base.allIssues) {
    const column = i.column === null ? '' : headers[i.column] || `#${i.column + 1}`;
    const of = i.of === undefined ? '' : i.of === 0 ? 'vault' : i.of;
    lines.push([i.row, column, i.field ?? '', i.code, i.value, of].map(cell).join(','));
  }
  const text = '\ufeff' + lines.join('\r\n') + '\r\n';
  const day = fileDate.toISOString().slice(0, 10);
  return { fileName: `import-report-${day}.csv`, bytes: new TextEncoder().encode(text) };
}
