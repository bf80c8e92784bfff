/** Words for engine errors, decided on `code`; the engine's own message is never shown alone. */
import type { UiError } from './engine-client.ts';
import { t } from './i18n/index.ts';

/** The mistyped recovery-key groups (1-based) an INVALID_INPUT error names, or null. */
export function mistypedGroups(e: UiError): number[] | null {
  const g = e.details?.groups;
  return Array.isArray(g) && g.length && g.every((n) => typeof n === 'number') ? (g as number[]) : null;
}

/** A sentence for any engine error, in the current language. */
export function errorText(e: UiError): string {
  const d = t();
  switch (e.code) {
    case 'WRONG_PASSPHRASE':
      return d.errWrongPassphrase;
    case 'WRONG_RECOVERY_KEY':
      return d.errWrongRecoveryKey;
    case 'AUTH_FAILED':
      return d.errSlotDamaged;
    case 'INVALID_INPUT': {
      const groups = mistypedGroups(e);
      if (groups) return d.errGroupsMistyped(groups);
      if (typeof e.details?.length === 'number') return d.errRecoveryMalformed;
      return d.errInvalid;
    }
    case 'LAST_SLOT':
      return d.errLastSlot;
    case 'LOCKED':
      return d.errLocked;
    case 'STORAGE_FULL':
      return d.errStorageFull;
    case 'NOT_FOUND':
      return d.errNotFound;
    case 'AbortError':
      return d.errCancelled;
    default:
      return d.errUnexpected(e.code);
  }
}
