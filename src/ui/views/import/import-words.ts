/**
 * Words of the import screens that depend on data: field names and groups for the mapping, and a
 * sentence for anything that goes wrong, decided on the error's code and `details.reason`.
 */
import { CATEGORIES, FIELD_BY_KEY, FIELDS, isFieldKey, type Category, type FieldKey, type Sensitivity } from '../../../core/domain/fields.ts';
import type { ImportFailure, MappedField } from '../../../engine/import/types.ts';
import type { UiError } from '../../engine-client.ts';
import { errorText } from '../../error-text.ts';
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

/** A sentence that says what went wrong and what to do, in the current language. */
export function importErrorText(e: UiError): string {
  const d = t().import;
  const details = e.details ?? {};
  if (e.code === 'INVALID_INPUT' && typeof details.reason === 'string' && details.reason in d.failures) {
    const reason = details.reason as ImportFailure;
    if (reason === 'MAPPING') {
      const p = details.problem;
      if (p === 'FIELD_TWICE') return d.mappingProblems.FIELD_TWICE(fieldName(String(details.field ?? '')));
      if (p === 'COLUMN' || p === 'FIELD' || p === 'NO_NAME') return d.mappingProblems[p];
    }
    return d.failures[reason](details);
  }
  if (e.code === 'NOT_FOUND') return d.notFound;
  if (e.code === 'CONFLICT') return d.busyConflict;
  return errorText(e);
}
