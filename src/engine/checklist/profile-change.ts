/**
 * Saving a firm profile: validate it (the rules' validateProfile, plus lengths), regenerate the
 * states keeping every item's state, and say which fields changed — only their names go into
 * the audit event, never the firm name or the recipient.
 */
import { AppError } from '../../core/errors.ts';
import type { FirmProfile, ProfileField, ProfileProblem } from '../../core/domain/checklists/index.ts';
import type { EventDraft } from '../audit.ts';
import { reconcile, type Loaded, type Rules, type StateDoc } from './doc.ts';

const FIELDS: readonly ProfileField[] = ['scenarios', 'firmName', 'euCustomers', 'paperRecords', 'processors', 'transferRoute', 'recipient', 'crossBorder', 'peopleCount'];
const MAX_NAME = 200;

function tooLong(field: 'firmName' | 'recipient'): AppError {
  const problem: ProfileProblem = {
    field,
    code: 'INVALID_VALUE',
    message: { zh: `名称不能超过 ${MAX_NAME} 个字符，请缩短。`, en: `Names can be at most ${MAX_NAME} characters; shorten it.` },
  };
  return new AppError('INVALID_INPUT', problem.message.en, { details: { field, problems: [problem] } });
}

/**
 * The profile to store: a fresh object with only the known fields, names trimmed, scenarios in
 * their fixed order, no recipient when there is no transfer. Throws INVALID_INPUT whose
 * `details.field` names the first problem and `details.problems` lists them all.
 */
export function cleanProfile(r: Rules, input: unknown): FirmProfile {
  const p = r.assertValidProfile(input);
  const firmName = p.firmName.trim();
  if (firmName.length > MAX_NAME) throw tooLong('firmName');
  const recipient = p.transferRoute === 'none' ? '' : (p.recipient ?? '').trim();
  if (recipient.length > MAX_NAME) throw tooLong('recipient');
  return {
    scenarios: r.SCENARIOS.filter((s) => p.scenarios.includes(s)),
    firmName,
    euCustomers: p.euCustomers,
    paperRecords: p.paperRecords,
    processors: p.processors,
    transferRoute: p.transferRoute,
    ...(recipient ? { recipient } : {}),
    crossBorder: p.crossBorder,
    peopleCount: p.peopleCount,
  };
}

/** The names of the fields that differ (every set field for a first profile), in form order. */
export function changedFields(prev: FirmProfile | null, next: FirmProfile): ProfileField[] {
  return FIELDS.filter((f) => JSON.stringify(prev?.[f] ?? null) !== JSON.stringify(next[f] ?? null));
}

export interface ProfilePlan {
  profile: FirmProfile;
  doc: StateDoc;
  drafts: EventDraft[];
}

/**
 * The stored profile and states after saving `input`, with the events to log; null when nothing
 * changed. Items that newly apply receive the actions already recorded (an import made before
 * the profile was saved ticks the inventory items once they exist).
 */
export function planProfile(r: Rules, l: Loaded, input: unknown, actor: string, at: string): ProfilePlan | null {
  const profile = cleanProfile(r, input);
  const fields = changedFields(l.profile, profile);
  if (!fields.length) return null;
  const states = reconcile(r, l.doc.states, profile, l.doc.actions);
  const done = { ...l.doc.done };
  const drafts: EventDraft[] = [];
  const applies = Object.values(states).filter((x) => !x.retired).length;
  drafts.push({ action: 'profile.changed', data: { fields: fields.join(','), applies, retired: Object.keys(states).length - applies } });
  for (const [id, st] of Object.entries(states)) {
    if (st.status === 'done' && !Object.hasOwn(l.doc.states, id)) {
      done[id] = { by: actor, at };
      drafts.push({ action: 'checklist.item-done', subjects: [id], data: { via: 'evidence' } });
    }
  }
  return { profile, doc: { ...l.doc, states, done }, drafts };
}
