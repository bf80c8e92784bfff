/**
 * Fates of the records of an unlocked vault: which records a filter takes, each one's retention
 * under the firm profile and the start dates, the suggestion, and the changes a bulk action
 * makes. Pure over the session's record cache; the service stages and commits what it returns.
 */
import { toHex, utf8 } from '../../core/bytes.ts';
import { sha256 } from '../../core/crypto/sodium.ts';
import type { FirmProfile, Scenario } from '../../core/domain/checklists/index.ts';
import type { CustomerRecord } from '../../core/domain/record.ts';
import { maskId } from '../../core/domain/pii/mask.ts';
import { fateOf, fateProblem, fateStatus, funnelOf, retentionOf, sameFate, suggestFate, type Retention } from '../../core/domain/retention/index.ts';
import type { FateChoice, FateFunnel, Hold, RetentionDates } from '../../core/domain/retention/types.ts';
import type { EventDraft } from '../audit.ts';
import { matcher } from '../record-cache.ts';
import type { Session } from '../session.ts';
import type { Page } from '../types.ts';
import type { FateChangeResult, FateFilter, FateItem, FateSuggestion } from './types.ts';

export interface FateContext {
  profile: FirmProfile | null;
  scenarios: Scenario[];
  dates: RetentionDates;
  /** YYYY-MM-DD on the device's calendar. */
  today: string;
  at: string;
  actor: string;
}

/** A date on the device's calendar as YYYY-MM-DD. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The records a filter takes, ordered by customer number. */
export function matching(s: Session, f: FateFilter): CustomerRecord[] {
  const match = matcher(f.search);
  const ids = f.ids ? new Set(f.ids) : null;
  const out: CustomerRecord[] = [];
  const source = ids ? [...ids].filter((id) => s.records.has(id)).map((id) => s.records.get(id)) : s.records.all();
  for (const r of source) {
    if (f.kind && r.kind !== f.kind) continue;
    if (f.status && fateStatus(r) !== f.status) continue;
    if (match && !match(r)) continue;
    if (f.category || f.sensitivity) {
      const sum = s.records.summary(r.id);
      if (f.category && !sum.categories.includes(f.category)) continue;
      if (f.sensitivity && sum.sensitivity !== f.sensitivity) continue;
    }
    out.push(r);
  }
  return out.sort((a, b) => (a.customerNo < b.customerNo ? -1 : a.customerNo > b.customerNo ? 1 : a.id < b.id ? -1 : 1));
}

export function retentionFor(s: Session, r: CustomerRecord, ctx: FateContext): Retention {
  return retentionOf({ categories: s.records.summary(r.id).categories, relationshipEnd: r.fields.relationshipEnd }, { scenarios: ctx.scenarios, dates: ctx.dates });
}

/** A page of the filter's records with their retention and suggestion. */
export function fateItems(s: Session, f: FateFilter, ctx: FateContext, offset = 0, limit = 50): Page<FateItem> {
  const all = matching(s, f);
  const from = Math.max(0, offset);
  const items = all.slice(from, from + Math.min(200, Math.max(1, limit))).map((r): FateItem => {
    const retention = retentionFor(s, r, ctx);
    const item: FateItem = {
      id: r.id,
      customerNo: r.customerNo,
      kind: r.kind,
      name: r.fields.name ?? '',
      idTail: maskId(r.fields.idNumber ?? r.fields.uscc ?? ''),
      categories: s.records.summary(r.id).categories,
      status: fateStatus(r),
      retention: { basis: retention.basis, years: retention.years, until: retention.until, missingStart: retention.missingStart },
      suggestion: suggestFate({ retention, held: !!r.hold }, { profile: ctx.profile, today: ctx.today }).kind,
    };
    if (r.fate) item.fate = r.fate;
    if (r.hold) item.hold = r.hold;
    return item;
  });
  return { total: all.length, offset: from, items };
}

export interface Plan<R> {
  updates: CustomerRecord[];
  result: R;
  drafts: EventDraft[];
}

/** Subjects of a bulk event: the ids when few; else none, and a digest of the sorted ids in `data`. */
function who(records: CustomerRecord[]): { subjects: string[]; data: Record<string, string | number> } {
  const ids = records.map((r) => r.id).sort();
  if (ids.length <= 50) return { subjects: ids, data: { count: ids.length } };
  return { subjects: [], data: { count: ids.length, ids: toHex(sha256(utf8(ids.join('\n')))).slice(0, 32) } };
}

const touched = (r: CustomerRecord, at: string): CustomerRecord => ({ ...r, updatedAt: at });

/** What applying the suggestions would do (nothing stored), and the records it would change. */
export function planSuggested(s: Session, f: FateFilter, ctx: FateContext, replace = false): Plan<FateSuggestion> {
  const all = matching(s, f);
  const sum: FateSuggestion = { matched: all.length, affected: 0, keep: 0, transfer: 0, destroy: 0, none: 0, decided: 0 };
  const updates: CustomerRecord[] = [];
  for (const r of all) {
    if (r.fate && !replace) {
      sum.decided++;
      continue;
    }
    const retention = retentionFor(s, r, ctx);
    const sug = suggestFate({ retention, held: !!r.hold }, { profile: ctx.profile, today: ctx.today });
    if (sug.kind === 'none') {
      sum.none++;
      continue;
    }
    sum[sug.kind]++;
    const fate = fateOf(sug, retention, ctx.at, ctx.actor);
    if (sameFate(fate, r.fate)) continue;
    sum.affected++;
    updates.push({ ...touched(r, ctx.at), fate });
  }
  const w = who(updates);
  const drafts: EventDraft[] = updates.length
    ? [{ action: 'fates.applied', subjects: w.subjects, data: { ...w.data, keep: sum.keep, transfer: sum.transfer, destroy: sum.destroy } }]
    : [];
  return { updates, result: sum, drafts };
}

/** Sets `choice` on the filter's records; those a hold, a binding retention or a missing recipient block are skipped. */
export function planSet(s: Session, f: FateFilter, choice: FateChoice, ctx: FateContext): Plan<Omit<FateChangeResult, 'funnel'>> {
  const all = matching(s, f);
  const skipped = { held: 0, retention: 0, recipient: 0 };
  const updates: CustomerRecord[] = [];
  for (const r of all) {
    const retention = retentionFor(s, r, ctx);
    const problem = fateProblem(choice, { retention, held: !!r.hold }, ctx.today);
    if (problem === 'HELD') skipped.held++;
    else if (problem === 'UNDER_RETENTION') skipped.retention++;
    else if (problem === 'RECIPIENT_REQUIRED') skipped.recipient++;
    if (problem) continue;
    const fate = fateOf(choice, retention, ctx.at, ctx.actor);
    if (sameFate(fate, r.fate)) continue;
    const next: CustomerRecord = touched(r, ctx.at);
    if (fate) next.fate = fate;
    else delete next.fate;
    updates.push(next);
  }
  const w = who(updates);
  const drafts: EventDraft[] = updates.length ? [{ action: 'fates.set', subjects: w.subjects, data: { ...w.data, fate: choice.kind, skipped: skipped.held + skipped.retention + skipped.recipient } }] : [];
  return { updates, result: { matched: all.length, changed: updates.length, skipped }, drafts };
}

/** Places a hold with `reason` (or releases holds, with null) on the filter's records. */
export function planHold(s: Session, f: FateFilter, reason: string | null, ctx: FateContext): Plan<Omit<FateChangeResult, 'funnel'>> {
  const all = matching(s, f);
  const updates: CustomerRecord[] = [];
  for (const r of all) {
    if (reason === null) {
      if (!r.hold) continue;
      const next = touched(r, ctx.at);
      delete next.hold;
      updates.push(next);
    } else {
      if (r.hold?.reason === reason) continue;
      const hold: Hold = { reason, at: ctx.at, by: ctx.actor };
      updates.push({ ...touched(r, ctx.at), hold });
    }
  }
  const w = who(updates);
  const drafts: EventDraft[] = updates.length ? [{ action: reason === null ? 'holds.released' : 'holds.placed', subjects: w.subjects, data: w.data }] : [];
  return { updates, result: { matched: all.length, changed: updates.length, skipped: { held: 0, retention: 0, recipient: 0 } }, drafts };
}

/** The funnel of the whole vault. */
export function vaultFunnel(s: Session): FateFunnel {
  return funnelOf(s.records.all());
}
