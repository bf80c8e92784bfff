/** Sentences for the destruction screens' errors, from codes and details; the engine's message otherwise. */
import type { UiError } from '../../engine-client.ts';
import { t } from '../../i18n/index.ts';

/** A sentence for an error of a destruction call. */
export function destructionErrorText(e: UiError): string {
  const d = t().destruction;
  const reason = typeof e.details?.reason === 'string' ? e.details.reason : '';
  if (reason === 'INELIGIBLE' && Array.isArray(e.details?.records)) {
    const list = (e.details.records as { customerNo: string; reason: keyof typeof d.reasons }[]).slice(0, 20).map((r) => `${r.customerNo}（${d.reasons[r.reason] ?? r.reason}）`);
    return d.errors.INELIGIBLE(list.join(', '));
  }
  if (e.code === 'WRONG_PASSPHRASE') return d.errors.WRONG_PASSPHRASE;
  if (reason && reason in d.errors && reason !== 'INELIGIBLE') return d.errors[reason as Exclude<keyof typeof d.errors, 'INELIGIBLE'>];
  if (reason === 'NO_EVIDENCE') return d.errEvidence;
  return e.message;
}

/** Downloads a text file. */
export function textBlob(text: string): Blob {
  return new Blob([text], { type: 'text/plain;charset=utf-8' });
}

/** Names, one a line (or separated by commas), trimmed. */
export function names(text: string): string[] {
  return text
    .split(/[\n,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A datetime-local value for now. */
export function localNow(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
