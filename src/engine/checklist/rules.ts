/**
 * The checklist rules (items, conditions, bundled facts), loaded on first use. They weigh about
 * 50 KB gzip; importing them statically would put them in the engine worker that every start
 * loads before the unlock screen works (bench budget: 300 KB gzip). The service worker
 * precaches the chunk, so this works offline too.
 */
export type Rules = typeof import('../../core/domain/checklists/index.ts');

let pending: Promise<Rules> | null = null;

/** The rules module; one load per worker. */
export function rules(): Promise<Rules> {
  pending ??= import('../../core/domain/checklists/index.ts');
  return pending;
}
