/**
 * Changing one item: status (with a reason for "not applicable"), owner, due date, notes. The
 * audit event names the item and the fields changed, never the note or reason text; completing
 * an item logs checklist.item-done, so the log says who finished it and when.
 */
import { AppError } from '../../core/errors.ts';
import type { ItemStatus, StoredItemState } from '../../core/domain/checklists/index.ts';
import type { EventDraft } from '../audit.ts';
import type { StateDoc } from './doc.ts';
import type { ItemPatch } from './types.ts';

const STATUSES: readonly ItemStatus[] = ['todo', 'in-progress', 'done', 'na'];
const MAX_NOTES = 4000;
const MAX_REASON = 500;
const PATCH_KEYS = ['status', 'naReason', 'owner', 'due', 'notes'] as const;

export function invalidField(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { details: { field } });
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string') throw invalidField(field, `The ${field} must be text.`);
  const t = v.trim();
  if (t.length > max) throw invalidField(field, `The ${field} can be at most ${max} characters; shorten it.`);
  return t;
}

/**
 * The item's next state under `patch`. Throws INVALID_INPUT with `details.field` for an unknown
 * status, a missing reason with status 'na', a new owner who is not an operator of the vault, a
 * due date that is not YYYY-MM-DD, or text that is too long.
 */
export function patched(prev: StoredItemState, patch: ItemPatch, operators: readonly string[]): StoredItemState {
  const next: StoredItemState = { ...prev, evidence: [...prev.evidence] };
  if (patch.status !== undefined) {
    if (!STATUSES.includes(patch.status)) throw invalidField('status', 'Choose a status: to do, in progress, done or not applicable.');
    next.status = patch.status;
  }
  if (patch.naReason !== undefined) next.naReason = text(patch.naReason, 'naReason', MAX_REASON) || undefined;
  if (next.status !== 'na') delete next.naReason;
  else if (!next.naReason) throw invalidField('naReason', 'Say why the item does not apply to this firm.');
  if (patch.owner !== undefined) {
    const owner = text(patch.owner, 'owner', 80);
    if (owner && owner !== prev.owner && !operators.includes(owner)) throw invalidField('owner', 'The owner must be one of the vault’s operators; add them in Settings first.');
    next.owner = owner || undefined;
  }
  if (patch.due !== undefined) {
    const due = text(patch.due, 'due', 10);
    if (due && !validDate(due)) throw invalidField('due', 'Enter the due date as YYYY-MM-DD.');
    next.due = due || undefined;
  }
  if (patch.notes !== undefined) next.notes = text(patch.notes, 'notes', MAX_NOTES) || undefined;
  for (const k of ['naReason', 'owner', 'due', 'notes'] as const) if (next[k] === undefined) delete next[k];
  return next;
}

/** The patch fields whose value differs between two states, in a fixed order. */
export function changedKeys(a: StoredItemState, b: StoredItemState): string[] {
  return PATCH_KEYS.filter((k) => (a[k] ?? '') !== (b[k] ?? ''));
}

export interface ItemPlan {
  doc: StateDoc;
  drafts: EventDraft[];
}

/** The state document and events after patching item `id`; null when nothing changed. NOT_FOUND for an item not on the checklist. */
export function planItem(doc: StateDoc, id: string, patch: ItemPatch, operators: readonly string[], actor: string, at: string): ItemPlan | null {
  const prev = Object.hasOwn(doc.states, id) ? doc.states[id] : undefined;
  if (!prev) throw new AppError('NOT_FOUND', 'That item is not on this vault’s checklist. Save the firm profile first, or reload the checklist.', { details: { field: 'itemId' } });
  const next = patched(prev, patch, operators);
  const fields = changedKeys(prev, next);
  if (!fields.length) return null;
  const done = { ...doc.done };
  const finished = next.status === 'done' && prev.status !== 'done';
  if (finished) done[id] = { by: actor, at };
  else if (next.status !== 'done') delete done[id];
  const data = { fields: fields.join(','), status: next.status };
  const drafts: EventDraft[] = [{ action: finished ? 'checklist.item-done' : 'checklist.item-updated', subjects: [id], data }];
  return { doc: { ...doc, states: { ...doc.states, [id]: next }, done }, drafts };
}
