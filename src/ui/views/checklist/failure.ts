/** Words for a failed checklist call, decided on the error's code and reason. */
import type { UiError } from '../../engine-client.ts';
import { errorText } from '../../error-text.ts';
import { t } from '../../i18n/index.ts';
import { limitMb } from './checklist-model.ts';

/** A sentence for an error of a checklist or attachment call; `attachment` words damage as the file's. */
export function failureText(e: UiError, attachment = false): string {
  const d = t().checklist;
  if (e.code === 'AUTH_FAILED' || e.code === 'TRUNCATED') return attachment ? d.errDamaged : d.errState;
  if (e.code === 'INVALID_INPUT') {
    const mb = limitMb(typeof e.details?.limitBytes === 'number' ? e.details.limitBytes : 20 * 1024 * 1024);
    switch (e.details?.reason) {
      case 'EMPTY':
        return d.errEmpty;
      case 'TOO_LARGE':
        return d.errTooLarge(mb);
      case 'WRONG_TYPE':
        return d.errWrongType;
    }
  }
  return errorText(e);
}
