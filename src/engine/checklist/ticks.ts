/**
 * Ticks from actions: the one mechanism by which something the app did (an import, later an
 * archive export, a transfer, a destruction run) becomes evidence on the checklist items it
 * proves (ACTION_TICKS). The action is also remembered, so items that start to apply after a
 * later profile change receive it too. The caller writes the returned rows in the same
 * transaction as the action itself.
 */
import { AppError } from '../../core/errors.ts';
import type { EventDraft } from '../audit.ts';
import { rememberAction, type Rules, type StateDoc } from './doc.ts';
import type { ActionEvidence } from './types.ts';

const MAX_TEXT = 200;

/** Throws INVALID_INPUT for an unknown action, or an empty or over-long ref or label. */
export function checkEvidence(r: Rules, e: ActionEvidence): ActionEvidence {
  if (!e || !Object.hasOwn(r.ACTION_TICKS, e.action)) {
    throw new AppError('INVALID_INPUT', `Unknown checklist action ${String(e?.action)}.`, { details: { field: 'action' } });
  }
  for (const k of ['ref', 'label'] as const) {
    const v = e[k];
    if (typeof v !== 'string' || !v.trim() || v.length > MAX_TEXT) {
      throw new AppError('INVALID_INPUT', `The evidence ${k} must be 1–${MAX_TEXT} characters.`, { details: { field: k } });
    }
  }
  return { action: e.action, ref: e.ref.trim(), label: e.label.trim(), at: e.at };
}

export interface TickPlan {
  doc: StateDoc;
  /** checklist.ticked naming the items that received the evidence, and checklist.item-done for each it completed. */
  drafts: EventDraft[];
  /** Ids of the items that received the evidence. */
  ticked: string[];
}

/** The state document after recording `e` as evidence. Items absent or retired are untouched. */
export function planTick(r: Rules, doc: StateDoc, evidence: ActionEvidence, actor: string, at: string): TickPlan {
  const e = checkEvidence(r, evidence);
  const after = r.applyActionEvidence(doc.states, e.action, e.ref, e.label, e.at || at);
  // applyActionEvidence copies every item it visits; an item changed only if it gained the evidence or a status.
  const ticked = Object.keys(after).filter((id) => {
    const [x, y] = [after[id]!, doc.states[id]];
    return !y || x.status !== y.status || x.evidence.length !== y.evidence.length;
  });
  const done = { ...doc.done };
  const drafts: EventDraft[] = [];
  if (ticked.length) drafts.push({ action: 'checklist.ticked', subjects: ticked, data: { action: e.action } });
  for (const id of ticked) {
    if (after[id]!.status === 'done' && doc.states[id]!.status !== 'done') {
      done[id] = { by: actor, at };
      drafts.push({ action: 'checklist.item-done', subjects: [id], data: { via: e.action } });
    }
  }
  const next: StateDoc = { ...doc, states: { ...after }, done, actions: rememberAction(doc.actions, e) };
  return { doc: next, drafts, ticked };
}
