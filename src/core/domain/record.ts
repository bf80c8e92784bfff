/**
 * A customer record: one person or organisation with categorised fields (DESIGN §2), plus the
 * rules that check a record before it is stored and summarise it for lists and dashboards.
 */
import type { Category, CustomerKind, FieldKey, Sensitivity } from './fields.ts';
import { FIELD_BY_KEY, SENSITIVITIES } from './fields.ts';
import { isValidBankCard, isValidEmail, isValidIsoDate, isValidMobile, isValidUscc, prcIdProblem } from './pii/validators.ts';
import type { Fate, Hold } from './retention/types.ts';

export type RecordFields = Partial<Record<FieldKey, string>>;

export interface CustomerRecord {
  /** Random id, never derived from personal data. */
  id: string;
  kind: CustomerKind;
  /** The firm's own customer number, e.g. KH000123. */
  customerNo: string;
  fields: RecordFields;
  /** Synthetic records from "try with sample data" carry this mark everywhere they show. */
  sample?: boolean;
  createdAt: string;
  updatedAt: string;
  /** What happens to the record (keep, transfer, destroy), once decided. */
  fate?: Fate;
  /** A legal hold: blocks destruction whatever the fate. */
  hold?: Hold;
}

export interface RecordInput {
  kind: CustomerKind;
  customerNo: string;
  fields: RecordFields;
  sample?: boolean;
}

export type FieldProblemCode =
  | 'REQUIRED'
  | 'ID_LENGTH'
  | 'ID_CHARS'
  | 'ID_BIRTH_DATE'
  | 'ID_CHECKSUM'
  | 'USCC'
  | 'MOBILE'
  | 'EMAIL'
  | 'BANK_CARD'
  | 'DATE'
  | 'AMOUNT'
  | 'UNKNOWN_FIELD';

export interface FieldProblem {
  field: FieldKey | 'customerNo' | 'kind';
  code: FieldProblemCode;
}

/** Checks one field's value; returns the problem code or null. Empty values are not checked. */
export function checkField(key: FieldKey, value: string, today?: Date): FieldProblemCode | null {
  if (!value) return null;
  const spec = FIELD_BY_KEY.get(key);
  if (!spec) return 'UNKNOWN_FIELD';
  switch (spec.check) {
    case 'prcId': {
      // Only resident ID cards carry the GB 11643 checksum; passports and others are free-form.
      const p = prcIdProblem(value, today);
      return p ? (`ID_${p}` as FieldProblemCode) : null;
    }
    case 'uscc':
      return isValidUscc(value) ? null : 'USCC';
    case 'mobile':
      return isValidMobile(value) ? null : 'MOBILE';
    case 'email':
      return isValidEmail(value) ? null : 'EMAIL';
    case 'bankCard':
      return isValidBankCard(value) ? null : 'BANK_CARD';
    case 'date':
      return isValidIsoDate(value) ? null : 'DATE';
    case 'amount':
      return /^\d+(\.\d{1,2})?$/.test(value) ? null : 'AMOUNT';
    default:
      return null;
  }
}

/** True when the ID type says the number should follow GB 11643 (resident ID card). */
export function isResidentIdType(idType: string | undefined): boolean {
  return !idType || /身份证|resident|^id ?card$/i.test(idType);
}

/** All problems of a record input: required customer number and name, and each field's check. */
export function validateRecord(r: RecordInput, today?: Date): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (r.kind !== 'person' && r.kind !== 'organisation') out.push({ field: 'kind', code: 'REQUIRED' });
  if (!r.customerNo?.trim()) out.push({ field: 'customerNo', code: 'REQUIRED' });
  if (!r.fields.name?.trim()) out.push({ field: 'name', code: 'REQUIRED' });
  for (const [k, v] of Object.entries(r.fields) as [FieldKey, string][]) {
    if (k === 'idNumber' && !isResidentIdType(r.fields.idType)) continue;
    const code = checkField(k, v ?? '', today);
    if (code) out.push({ field: k, code });
  }
  return out;
}

/** Drops empty values and trims the rest, so stored records carry only what was given. */
export function cleanFields(fields: RecordFields): RecordFields {
  const out: RecordFields = {};
  for (const [k, v] of Object.entries(fields) as [FieldKey, string | undefined][]) {
    const t = v?.trim();
    if (t) out[k] = t;
  }
  return out;
}

export interface RecordSummary {
  categories: Category[];
  /** The highest sensitivity among the record's fields, or null when it has none. */
  sensitivity: Sensitivity | null;
}

/** The categories a record has data in, and its highest sensitivity level. */
export function summarise(fields: RecordFields): RecordSummary {
  const cats = new Set<Category>();
  let best = SENSITIVITIES.length;
  for (const k of Object.keys(fields) as FieldKey[]) {
    const spec = FIELD_BY_KEY.get(k);
    if (!spec || !fields[k]) continue;
    cats.add(spec.category);
    best = Math.min(best, SENSITIVITIES.indexOf(spec.sensitivity));
  }
  return { categories: [...cats], sensitivity: SENSITIVITIES[best] ?? null };
}
