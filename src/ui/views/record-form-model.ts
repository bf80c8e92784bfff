/**
 * The record form's values and checks, apart from the view: normalising what was typed
 * (spaces in a phone number, a lower-case x in an ID…), then the same checks the engine runs.
 */
import { FIELDS, type FieldKey } from '../../core/domain/fields.ts';
import { normaliseField } from '../../core/domain/import/normalise.ts';
import type { NormaliseProblem } from '../../core/domain/import/normalise-text.ts';
import { checkField, isResidentIdType, validateRecord, type CustomerRecord, type FieldProblemCode, type RecordInput } from '../../core/domain/record.ts';
import type { CustomerKind } from '../../core/domain/fields.ts';

export type Target = FieldKey | 'customerNo' | 'kind';
export type ProblemCode = FieldProblemCode | NormaliseProblem;
export type Problems = Partial<Record<Target, ProblemCode>>;

export interface FormValues {
  kind: CustomerKind;
  customerNo: string;
  fields: Record<FieldKey, string>;
  sample?: boolean;
}

const DATE_FIELDS: ReadonlySet<FieldKey> = new Set(FIELDS.filter((f) => f.check === 'date').map((f) => f.key));

/** Empty form values, or those of `r` for editing. */
export function formValues(r?: CustomerRecord): FormValues {
  const fields = Object.fromEntries(FIELDS.map((f) => [f.key, r?.fields[f.key] ?? ''])) as Record<FieldKey, string>;
  return { kind: r?.kind ?? 'person', customerNo: r?.customerNo ?? '', fields, sample: r?.sample };
}

function normalise(key: Target, raw: string): { value: string; problem: NormaliseProblem | null } {
  if (key === 'kind' || !raw.trim()) return { value: raw.trim(), problem: null };
  // A bare number in a date field is not read as a spreadsheet serial here: a person typed it.
  if (key !== 'customerNo' && DATE_FIELDS.has(key) && /^\d+$/.test(raw.trim()) && raw.trim().length !== 8) return { value: raw.trim(), problem: null };
  const n = normaliseField(key, raw);
  return n.ok ? { value: n.value, problem: null } : { value: raw, problem: n.problem };
}

/** Normalises one field and checks it: the cleaned value and its problem, if any (empty is fine here). */
export function checkOne(values: FormValues, key: FieldKey | 'customerNo', today = new Date()): { value: string; problem: ProblemCode | null } {
  const raw = key === 'customerNo' ? values.customerNo : values.fields[key];
  const n = normalise(key, raw);
  if (n.problem || key === 'customerNo') return n;
  if (key === 'idNumber' && !isResidentIdType(values.fields.idType)) return n;
  return { value: n.value, problem: checkField(key, n.value, today) };
}

/** Normalises every field, then runs the engine's own record checks: the input to send and the problems found. */
export function checkAll(values: FormValues, today = new Date()): { input: RecordInput; problems: Problems } {
  const problems: Problems = {};
  const fields: Partial<Record<FieldKey, string>> = {};
  for (const f of FIELDS) {
    const n = normalise(f.key, values.fields[f.key]);
    if (n.problem) problems[f.key] = n.problem;
    if (n.value) fields[f.key] = n.value;
  }
  const input: RecordInput = { kind: values.kind, customerNo: normalise('customerNo', values.customerNo).value, fields, sample: values.sample };
  for (const p of validateRecord(input, today)) problems[p.field] ??= p.code;
  return { input, problems };
}

/** The values as they will be stored, to show the user after normalising. */
export function withInput(values: FormValues, input: RecordInput): FormValues {
  const fields = { ...values.fields };
  for (const f of FIELDS) if (input.fields[f.key] !== undefined) fields[f.key] = input.fields[f.key]!;
  return { ...values, customerNo: input.customerNo, fields };
}

/** Maps the engine's INVALID_INPUT details.problems onto form problems. */
export function problemsFrom(details: Record<string, unknown> | undefined): Problems {
  const out: Problems = {};
  const list = details?.problems;
  if (!Array.isArray(list)) return out;
  for (const p of list as { field?: unknown; code?: unknown }[]) {
    if (typeof p.field === 'string' && typeof p.code === 'string') out[p.field as Target] = p.code as ProblemCode;
  }
  return out;
}
