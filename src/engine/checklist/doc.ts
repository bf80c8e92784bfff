/**
 * A vault's checklist as stored: two sealed meta entries under the meta key. `checklist-profile`
 * holds the firm profile; `checklist-state` holds item states, completions, attachment
 * descriptions and the actions recorded as evidence. Both are written only inside the
 * transaction of the change that produced them (see FORMATS.md, "Checklist entries").
 */
import { AppError } from '../../core/errors.ts';
import type { ChecklistStates, FirmProfile, StoredItemState } from '../../core/domain/checklists/index.ts';
import type { MetaRow } from '../../store/db.ts';
import type { Session } from '../session.ts';
import type { ActionEvidence, AttachmentInfo, ChecklistSnapshot, Completion } from './types.ts';

export const PROFILE_KEY = 'checklist-profile';
export const STATE_KEY = 'checklist-state';
// FORMAT: never change; add a version
const DOC_VERSION = 1;
// Actions kept to tick items that start to apply after a profile change; older ones are dropped.
const KEPT_ACTIONS = 200;

/**
 * The checklist rules (items, conditions, bundled facts), loaded on first use. They weigh about
 * 50 KB gzip; a static import would put them in the engine worker that every start loads before
 * the unlock screen works (bench budget: 300 KB gzip). The service worker precaches the chunk.
 */
export type Rules = typeof import('../../core/domain/checklists/index.ts');
let loading: Promise<Rules> | null = null;

/** The rules module; one load per worker. */
export function rules(): Promise<Rules> {
  loading ??= import('../../core/domain/checklists/index.ts');
  return loading;
}

/** An attachment's description: what the UI lists, plus what checks its chunks on reading. */
export interface AttachmentMeta extends AttachmentInfo {
  chunks: number;
  /** SHA-256 of the whole file, lowercase hex. */
  sha256: string;
}

export interface StateDoc {
  v: number;
  states: Record<string, StoredItemState>;
  done: Record<string, Completion>;
  attachments: Record<string, AttachmentMeta>;
  actions: ActionEvidence[];
}

export interface Loaded {
  profile: FirmProfile | null;
  doc: StateDoc;
}

type GetMeta = (vaultId: string, key: string) => Promise<Uint8Array | undefined>;

function checkVersion(v: unknown, key: string): void {
  if (v === DOC_VERSION) return;
  if (typeof v === 'number' && v > DOC_VERSION) {
    throw new AppError('UNSUPPORTED_VERSION', `The checklist was saved by a newer version of Closeout (format ${v}). Update Closeout.`, { details: { key } });
  }
  throw new AppError('AUTH_FAILED', 'The stored checklist is not in a format this app wrote. Restore it from an archive bundle.', { details: { key } });
}

/**
 * Reads and opens the vault's checklist; states are regenerated for the stored profile, so rules
 * updated since the last save show at once. Throws AUTH_FAILED / TRUNCATED for a damaged entry.
 */
export async function loadChecklist(r: Rules, getMeta: GetMeta, s: Session): Promise<Loaded> {
  const pBlob = await getMeta(s.vaultId, PROFILE_KEY);
  const sBlob = await getMeta(s.vaultId, STATE_KEY);
  let profile: FirmProfile | null = null;
  if (pBlob) {
    const p = s.openJson<{ v: number; profile: FirmProfile }>('meta', 'meta', PROFILE_KEY, pBlob);
    checkVersion(p.v, PROFILE_KEY);
    profile = p.profile;
  }
  let doc: StateDoc = { v: DOC_VERSION, states: {}, done: {}, attachments: {}, actions: [] };
  if (sBlob) {
    doc = s.openJson<StateDoc>('meta', 'meta', STATE_KEY, sBlob);
    checkVersion(doc.v, STATE_KEY);
  }
  if (profile) doc = { ...doc, states: r.regenerate(doc.states, profile) };
  return { profile, doc };
}

/**
 * States for a new profile: regenerate (every state kept, items no longer called for retired),
 * then items that apply for the first time receive the actions already recorded as evidence.
 */
export function reconcile(r: Rules, prev: ChecklistStates, profile: FirmProfile, actions: readonly ActionEvidence[]): Record<string, StoredItemState> {
  const next = r.regenerate(prev, profile);
  const fresh = Object.keys(next).filter((id) => !Object.hasOwn(prev, id));
  if (!fresh.length || !actions.length) return { ...next };
  let ticked: ChecklistStates = next;
  for (const a of actions) ticked = r.applyActionEvidence(ticked, a.action, a.ref, a.label, a.at);
  const out: Record<string, StoredItemState> = { ...next };
  for (const id of fresh) out[id] = ticked[id]!;
  return out;
}

/** Appends an action to the kept list (once per action and ref), dropping the oldest past the cap. */
export function rememberAction(actions: readonly ActionEvidence[], a: ActionEvidence): ActionEvidence[] {
  const rest = actions.filter((x) => !(x.action === a.action && x.ref === a.ref));
  return [...rest, { ...a }].slice(-KEPT_ACTIONS);
}

export function profileRow(s: Session, profile: FirmProfile): MetaRow {
  return { vaultId: s.vaultId, key: PROFILE_KEY, blob: s.sealJson('meta', 'meta', PROFILE_KEY, { v: DOC_VERSION, profile }) };
}

export function stateRow(s: Session, doc: StateDoc): MetaRow {
  return { vaultId: s.vaultId, key: STATE_KEY, blob: s.sealJson('meta', 'meta', STATE_KEY, { ...doc, v: DOC_VERSION }) };
}

/** The snapshot the UI gets: no chunk counts or digests. */
export function snapshotOf(l: Loaded): ChecklistSnapshot {
  const attachments = Object.values(l.doc.attachments).map(({ chunks: _c, sha256: _h, ...info }) => info);
  attachments.sort((a, b) => a.at.localeCompare(b.at));
  return { profile: l.profile, states: l.doc.states, done: l.doc.done, attachments };
}
