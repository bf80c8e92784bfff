/**
 * Duplicates: valid rows that carry an ID number (or, for organisations, a credit code) seen
 * earlier in the same file, or already held by a record of the vault. Only valid rows take
 * part: a row that will not be stored cannot be the original of another.
 */
import { maskValue } from '../../core/domain/pii/mask.ts';
import type { CustomerRecord, RecordFields, RecordInput } from '../../core/domain/record.ts';
import type { Table } from './table.ts';
import type { DuplicateGroup, RowIssue } from './types.ts';

/** The identity a duplicate is judged by, or null when the record has none. */
export function dupKey(fields: RecordFields): string | null {
  if (fields.idNumber) return `id:${fields.idNumber}`;
  if (fields.uscc) return `uscc:${fields.uscc}`;
  return null;
}

function maskedKey(key: string): string {
  return key.startsWith('id:') ? maskValue('idNumber', key.slice(3)) : maskValue('uscc', key.slice(5));
}

/** Identity → record id, over the vault's records (the first record wins when the vault already holds duplicates). */
export function vaultIndex(records: Iterable<CustomerRecord>): Map<string, string> {
  const index = new Map<string, string>();
  for (const r of records) {
    const k = dupKey(r.fields);
    if (k !== null && !index.has(k)) index.set(k, r.id);
  }
  return index;
}

export interface Duplicates {
  /** Row index → index of the first row in the file with the same identity. */
  firstInFile: Map<number, number>;
  /** Row index → id of the vault record with the same identity. */
  inVault: Map<number, string>;
  groups: DuplicateGroup[];
  /** One issue per duplicate row, in row order. */
  issues: RowIssue[];
}

/** Finds the duplicates among valid `inputs` and against the vault `index`; `columns` (field → column) places the issues. */
export function findDuplicates(
  inputs: readonly (RecordInput | null)[],
  table: Table,
  index: ReadonlyMap<string, string>,
  columns: ReadonlyMap<string, number> = new Map(),
): Duplicates {
  const first = new Map<string, number>();
  const firstInFile = new Map<number, number>();
  const inVault = new Map<number, string>();
  const groups = new Map<string, DuplicateGroup>();
  const issues: RowIssue[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const key = input ? dupKey(input.fields) : null;
    if (key === null) continue;
    const rowNo = table.rowNumbers[i]!;
    const vaultId = index.get(key);
    const earlier = first.get(key);
    const field = key.startsWith('id:') ? 'idNumber' : 'uscc';
    const column = columns.get(field) ?? null;
    if (vaultId !== undefined) {
      inVault.set(i, vaultId);
      issues.push({ row: rowNo, column, field, code: 'DUPLICATE_IN_VAULT', value: maskedKey(key), of: 0 });
    } else if (earlier !== undefined) {
      firstInFile.set(i, earlier);
      issues.push({ row: rowNo, column, field, code: 'DUPLICATE_IN_FILE', value: maskedKey(key), of: table.rowNumbers[earlier]! });
    }
    if (earlier === undefined) first.set(key, i);
    if (vaultId !== undefined || earlier !== undefined) {
      let g = groups.get(key);
      if (!g) {
        g = { key: maskedKey(key), rows: earlier !== undefined ? [table.rowNumbers[earlier]!] : [], inVault: vaultId !== undefined };
        groups.set(key, g);
      }
      g.rows.push(rowNo);
    }
  }
  return { firstInFile, inVault, groups: [...groups.values()], issues };
}

/** Merges two lists of issues, each in row order, into one in row order. */
export function mergeIssues(a: readonly RowIssue[], b: readonly RowIssue[]): RowIssue[] {
  const out: RowIssue[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.row <= b[j]!.row ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
