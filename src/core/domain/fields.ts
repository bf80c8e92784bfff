/**
 * The field catalogue of a customer record: every field a record may carry, its category
 * (DESIGN §2) and its sensitivity under JR/T 0171-2020 §4.2 (C3 authentication data >
 * C2 data that identifies a person and their financial status > C1 internal data).
 */

export type Category = 'identity' | 'contact' | 'financial' | 'investment' | 'contract' | 'communications';
export type Sensitivity = 'C3' | 'C2' | 'C1';
export type CustomerKind = 'person' | 'organisation';

export const CATEGORIES: readonly Category[] = ['identity', 'contact', 'financial', 'investment', 'contract', 'communications'];
export const SENSITIVITIES: readonly Sensitivity[] = ['C3', 'C2', 'C1'];

export type FieldKey =
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'uscc'
  | 'gender'
  | 'birthDate'
  | 'phone'
  | 'email'
  | 'address'
  | 'bankName'
  | 'bankAccount'
  | 'product'
  | 'amount'
  | 'subscriptionDate'
  | 'term'
  | 'riskLevel'
  | 'channel'
  | 'qualifiedInvestor'
  | 'agreements'
  | 'riskDisclosure'
  | 'relationshipEnd'
  | 'feedback'
  | 'complaints'
  | 'notes';

export interface FieldSpec {
  key: FieldKey;
  category: Category;
  sensitivity: Sensitivity;
  /** Which validator applies to the field's normalised value, if any. */
  check?: 'prcId' | 'uscc' | 'mobile' | 'email' | 'bankCard' | 'date' | 'amount';
  /** Names, ID numbers and similar are searched; free text is not indexed. */
  searchable?: boolean;
}

// Sensitivity follows JR/T 0171 §4.2: ID documents, account numbers, mobile numbers, property and
// transaction data are C2; opening institution and similar internal data are C1. No field of a
// customer register is authentication data (C3: passwords, PINs, biometric templates), so C3 is
// reserved for attachments and fields a user marks as such.
export const FIELDS: readonly FieldSpec[] = [
  { key: 'name', category: 'identity', sensitivity: 'C2', searchable: true },
  { key: 'idType', category: 'identity', sensitivity: 'C1' },
  { key: 'idNumber', category: 'identity', sensitivity: 'C2', check: 'prcId', searchable: true },
  { key: 'uscc', category: 'identity', sensitivity: 'C2', check: 'uscc', searchable: true },
  { key: 'gender', category: 'identity', sensitivity: 'C2' },
  { key: 'birthDate', category: 'identity', sensitivity: 'C2', check: 'date' },
  { key: 'phone', category: 'contact', sensitivity: 'C2', check: 'mobile', searchable: true },
  { key: 'email', category: 'contact', sensitivity: 'C2', check: 'email' },
  { key: 'address', category: 'contact', sensitivity: 'C2' },
  { key: 'bankName', category: 'financial', sensitivity: 'C1' },
  { key: 'bankAccount', category: 'financial', sensitivity: 'C2', check: 'bankCard' },
  { key: 'product', category: 'investment', sensitivity: 'C1' },
  { key: 'amount', category: 'investment', sensitivity: 'C2', check: 'amount' },
  { key: 'subscriptionDate', category: 'investment', sensitivity: 'C2', check: 'date' },
  { key: 'term', category: 'investment', sensitivity: 'C1' },
  { key: 'riskLevel', category: 'investment', sensitivity: 'C2' },
  { key: 'channel', category: 'investment', sensitivity: 'C1' },
  { key: 'qualifiedInvestor', category: 'contract', sensitivity: 'C2' },
  { key: 'agreements', category: 'contract', sensitivity: 'C2' },
  { key: 'riskDisclosure', category: 'contract', sensitivity: 'C2' },
  { key: 'relationshipEnd', category: 'contract', sensitivity: 'C1', check: 'date' },
  { key: 'feedback', category: 'communications', sensitivity: 'C2' },
  { key: 'complaints', category: 'communications', sensitivity: 'C2' },
  { key: 'notes', category: 'communications', sensitivity: 'C2' },
];

export const FIELD_BY_KEY: ReadonlyMap<FieldKey, FieldSpec> = new Map(FIELDS.map((f) => [f.key, f]));
export const FIELD_KEYS: readonly FieldKey[] = FIELDS.map((f) => f.key);

export function isFieldKey(s: string): s is FieldKey {
  return FIELD_BY_KEY.has(s as FieldKey);
}
