/** The fields a column can be mapped to, grouped by category, and their names in the current language. */
import { CATEGORIES, FIELD_BY_KEY, FIELDS, isFieldKey, type Category, type FieldKey, type Sensitivity } from '../../../core/domain/fields.ts';
import type { MappedField } from '../../../engine/import/types.ts';
import { t } from '../../i18n/index.ts';

/** The fields of each category, in catalogue order. */
export const FIELD_GROUPS: readonly { category: Category; keys: FieldKey[] }[] = CATEGORIES.map((category) => ({
  category,
  keys: FIELDS.filter((f) => f.category === category).map((f) => f.key),
}));

/** A mapped field's name: a record field, the customer number, or "kind" (person or organisation). */
export function fieldName(field: MappedField | 'kind' | string | null): string {
  const d = t();
  if (field === null || field === '') return d.import.ignore;
  if (field === 'customerNo') return d.import.customerNo;
  if (field === 'kind') return d.customerType;
  return isFieldKey(field) ? d.fields[field] : field;
}

/** The sensitivity of a mapped field, if it is a record field. */
export function sensitivityOf(field: MappedField | null): Sensitivity | undefined {
  return field && field !== 'customerNo' ? FIELD_BY_KEY.get(field)?.sensitivity : undefined;
}
