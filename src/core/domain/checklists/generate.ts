import { describeCondition, holds } from './conditions.ts';
import { RULES_REVIEWED } from './facts.ts';
import { ITEMS, type ChecklistItem } from './items.ts';
import { assertValidProfile, type FirmProfile } from './profile.ts';
import { blockedBy, newItemState, type ChecklistStates, type StoredItemState } from './state.ts';
import type { Bilingual } from './types.ts';

export type Applicability = 'applies' | 'retired' | 'excluded';

/** One item as the checklist view shows it. */
export interface ChecklistEntry {
  item: ChecklistItem;
  /** applies: on the list; retired: has state but the profile no longer calls for it; excluded: neither. */
  applicability: Applicability;
  state?: StoredItemState;
  /** Unfinished prerequisites (only for items that apply). */
  blockedBy: string[];
  /** Extra guidance whose condition holds for this profile. */
  addenda: Bilingual[];
  /** Why the item does not apply: the scenario or conditions that failed. */
  unmet: Bilingual[];
}

export interface Checklist {
  /** The date the bundled rules were last reviewed. */
  reviewed: string;
  /** All items, in matrix order. */
  entries: ChecklistEntry[];
  states: ChecklistStates;
}

function unmetFor(item: ChecklistItem, p: FirmProfile): Bilingual[] {
  const out: Bilingual[] = [];
  if (!item.scenarios.some((s) => p.scenarios.includes(s))) {
    out.push(describeCondition({ kind: 'scenario', scenarios: item.scenarios }));
  }
  for (const c of item.appliesWhen) if (!holds(c, p)) out.push(describeCondition(c));
  return out;
}

/** True when the item's scenarios meet the profile's and every condition of it holds. */
export function itemApplies(item: ChecklistItem, p: FirmProfile): boolean {
  return unmetFor(item, p).length === 0;
}

/** Ids of the items that apply to a profile, in matrix order. Throws INVALID_INPUT for a bad profile. */
export function applicableIds(profile: FirmProfile): string[] {
  const p = assertValidProfile(profile);
  return ITEMS.filter((i) => itemApplies(i, p)).map((i) => i.id);
}

/**
 * The states for a (changed) profile: items that apply keep their previous state (or start
 * fresh), and every other item with a previous state is kept with `retired: true`; nothing is
 * dropped. An item that applies again loses its retired mark. Throws INVALID_INPUT for a bad profile.
 */
export function regenerate(previous: ChecklistStates, profile: FirmProfile): ChecklistStates {
  const ids = new Set(applicableIds(profile));
  const next: Record<string, StoredItemState> = {};
  for (const id of ids) {
    const prev = previous[id];
    if (prev) {
      const { retired: _retired, ...rest } = prev;
      next[id] = { ...rest, evidence: [...rest.evidence] };
    } else {
      next[id] = newItemState();
    }
  }
  for (const [id, s] of Object.entries(previous)) {
    if (!ids.has(id)) next[id] = { ...s, evidence: [...s.evidence], retired: true };
  }
  return next;
}

/**
 * The checklist of a profile: every item with its applicability, state, blockers, addenda and
 * reasons, plus the regenerated states (see regenerate). Throws INVALID_INPUT for a bad profile.
 */
export function generateChecklist(profile: FirmProfile, previous: ChecklistStates = {}): Checklist {
  const p = assertValidProfile(profile);
  const states = regenerate(previous, p);
  const entries = ITEMS.map((item): ChecklistEntry => {
    const state = states[item.id];
    const unmet = unmetFor(item, p);
    const applies = unmet.length === 0;
    return {
      item,
      applicability: applies ? 'applies' : state ? 'retired' : 'excluded',
      ...(state ? { state } : {}),
      blockedBy: applies ? blockedBy(item.id, states) : [],
      addenda: applies ? (item.addenda ?? []).filter((a) => holds(a.when, p)).map((a) => a.text) : [],
      unmet,
    };
  });
  return { reviewed: RULES_REVIEWED, entries, states };
}
