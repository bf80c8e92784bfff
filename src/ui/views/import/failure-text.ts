/** Words for what can go wrong in an import, decided on the error's code and `details.reason`. */
import type { ImportFailure } from '../../../engine/import/types.ts';
import type { UiError } from '../../engine-client.ts';
import { errorText } from '../../error-text.ts';
import { t } from '../../i18n/index.ts';
import { fieldName } from './field-options.ts';

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
