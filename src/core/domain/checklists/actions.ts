import { AppError } from '../../errors.ts';
import { blockedBy, type ChecklistStates, type StoredItemState } from './state.ts';

export type ActionName =
  | 'import.committed'
  | 'archive.exported'
  | 'transfer.exported'
  | 'destruction.executed'
  | 'destruction.recorded';

/**
 * Which items an action in the app completes, with the action as evidence. Only items the
 * action fully proves are listed: an import categorises and grades every field (P2-02, P2-03);
 * an archive export is an encrypted bundle to a custody key with a manifest of formats, hashes
 * and dates (P3-01, P3-03); a transfer export is the encrypted, hashed hand-over (P4-06); a
 * destruction run is the logical deletion (P6-03); the signed destruction log is the record
 * kept (P6-08). Custody registers, paper and per-device certificates need people to sign.
 */
export const ACTION_TICKS: Readonly<Record<ActionName, readonly string[]>> = {
  'import.committed': ['P2-02', 'P2-03'],
  'archive.exported': ['P3-01', 'P3-03'],
  'transfer.exported': ['P4-06'],
  'destruction.executed': ['P6-03'],
  'destruction.recorded': ['P6-08'],
};

/**
 * Records an action as evidence on the items it ticks and returns new states (the input is not
 * changed). Only items present and not retired are touched; a ref already on an item is not
 * added twice. Status: 'todo'/'in-progress' becomes 'done', or 'in-progress' while prerequisites
 * are unfinished; 'done' and 'na' stay. Throws AppError INVALID_INPUT for an unknown action.
 */
export function applyActionEvidence(
  states: ChecklistStates,
  action: ActionName,
  ref: string,
  label: string,
  at: string,
): ChecklistStates {
  const ids = Object.hasOwn(ACTION_TICKS, action) ? ACTION_TICKS[action] : undefined;
  if (!ids) {
    throw new AppError('INVALID_INPUT', `Unknown checklist action ${String(action)}.`, { details: { field: 'action' } });
  }
  const next: Record<string, StoredItemState> = { ...states };
  // In list order, so an item ticked earlier in the same action no longer blocks a later one.
  for (const id of ids) {
    const s = next[id];
    if (!s || s.retired) continue;
    const known = s.evidence.some((e) => e.kind === 'action' && e.ref === ref);
    const evidence = known ? s.evidence : [...s.evidence, { kind: 'action' as const, ref, label, at }];
    let status = s.status;
    if (status === 'todo' || status === 'in-progress') {
      status = blockedBy(id, next).length === 0 ? 'done' : 'in-progress';
    }
    next[id] = { ...s, status, evidence };
  }
  return next;
}
