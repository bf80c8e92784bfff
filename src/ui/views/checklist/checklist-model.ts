/** Helpers of the checklist screens: language picking, progress per phase, sizes, error words. */
import { itemById, type Bilingual, type ChecklistEntry, type Phase } from '../../../core/domain/checklists/index.ts';
import type { UiError } from '../../engine-client.ts';
import { errorText } from '../../error-text.ts';
import { lang, t } from '../../i18n/index.ts';

/** The text of a Bilingual in the current language. */
export function tr(b: Bilingual): string {
  return lang.value === 'en' ? b.en : b.zh;
}

/** "P2-01 Map where customer data lives" in the current language; the id alone for an unknown item. */
export function itemLabel(id: string): string {
  const item = itemById(id);
  return item ? `${id} ${tr(item.title)}` : id;
}

export interface Progress {
  /** Items that apply. */
  total: number;
  done: number;
  na: number;
  blocked: number;
}

/** Progress of the entries that apply: done, not applicable and waiting for earlier items. */
export function progressOf(entries: readonly ChecklistEntry[]): Progress {
  const p: Progress = { total: 0, done: 0, na: 0, blocked: 0 };
  for (const e of entries) {
    if (e.applicability !== 'applies') continue;
    p.total++;
    const st = e.state?.status;
    if (st === 'done') p.done++;
    else if (st === 'na') p.na++;
    else if (e.blockedBy.length) p.blocked++;
  }
  return p;
}

/** Entries of one phase that apply, and those retired (kept after a profile change). */
export function phaseEntries(entries: readonly ChecklistEntry[], phase: Phase): { applies: ChecklistEntry[]; retired: ChecklistEntry[] } {
  const of = entries.filter((e) => e.item.phase === phase);
  return { applies: of.filter((e) => e.applicability === 'applies'), retired: of.filter((e) => e.applicability === 'retired') };
}

/** Bytes as "1.4 MB" (decimal, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The size limit in whole MB for the UI's wording (20 MiB reads as "20 MB"). */
export function limitMb(maxBytes: number): number {
  return Math.round(maxBytes / (1024 * 1024));
}

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
