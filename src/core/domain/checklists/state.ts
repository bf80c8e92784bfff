import { AppError } from '../../errors.ts';
import { ITEMS, itemById } from './items.ts';

export type ItemStatus = 'todo' | 'in-progress' | 'done' | 'na';

/** Proof attached to an item: a file the user attached, or an action the app performed. */
export interface EvidenceRef {
  kind: 'attachment' | 'action';
  /** Attachment id, or the action's object id (bundle number, destruction entry id…). */
  ref: string;
  label: string;
  /** ISO 8601 timestamp. */
  at: string;
}

/** The user's progress on one item of one vault. */
export interface ItemState {
  status: ItemStatus;
  /** Why the user marked it not applicable; expected with status 'na'. */
  naReason?: string;
  owner?: string;
  /** ISO date (YYYY-MM-DD). */
  due?: string;
  notes?: string;
  evidence: EvidenceRef[];
}

/** An item state as kept in a vault; `retired` marks an item the profile no longer calls for. */
export type StoredItemState = ItemState & { retired?: true };

/** Item id → state, for every applicable item and every retired one. */
export type ChecklistStates = Readonly<Record<string, StoredItemState>>;

/** A fresh state: to do, no evidence. */
export function newItemState(): ItemState {
  return { status: 'todo', evidence: [] };
}

/** True for 'done' and 'na': the item no longer holds up the items that depend on it. */
export function isSettled(s: ItemState): boolean {
  return s.status === 'done' || s.status === 'na';
}

const order = new Map(ITEMS.map((i, n) => [i.id, n]));

function collect(id: string, states: ChecklistStates, seen: Set<string>, out: string[]): void {
  for (const dep of itemById(id)?.dependsOn ?? []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    const s = states[dep];
    if (s && !s.retired) {
      if (!isSettled(s)) out.push(dep);
    } else {
      // The dependency does not apply to this profile: its own prerequisites still come first.
      collect(dep, states, seen, out);
    }
  }
}

/**
 * The unfinished dependencies of an item, in matrix order: applicable (present, not retired)
 * prerequisites whose status is neither 'done' nor 'na'. A prerequisite that does not apply
 * is looked through to its own prerequisites. Throws AppError NOT_FOUND for an unknown item.
 */
export function blockedBy(itemId: string, states: ChecklistStates): string[] {
  if (!itemById(itemId)) {
    throw new AppError('NOT_FOUND', `Unknown checklist item ${itemId}.`, { details: { field: 'itemId', itemId } });
  }
  const out: string[] = [];
  collect(itemId, states, new Set([itemId]), out);
  return out.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
