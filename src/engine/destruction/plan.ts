/**
 * Planning a destruction batch: which records of the vault it may take and why the others may
 * not, the bundles and copies of the register that hold them, and the stored batch once the
 * user has decided for every copy. Pure over the session's record cache and the register.
 */
import { AppError } from '../../core/errors.ts';
import { randomId } from '../../core/crypto/random.ts';
import { maskName } from '../../core/domain/pii/mask.ts';
import type { CustomerRecord } from '../../core/domain/record.ts';
import { archiveFacts, bundleHolds, ineligibility, inScope, type IneligibleReason, type Scope } from '../../core/domain/destruction/index.ts';
import type { Session } from '../session.ts';
import type { FateContext } from '../archive/fates.ts';
import { bound, bundleFacts, type BundleEntry } from './archive-access.ts';
import type { BatchesDoc, StoredBatch } from './docs.ts';
import { nextBatchNumber } from './docs.ts';
import type { CopyDecision, CopyDecisionInput, HoldingBundle, PlanInput, PlanRecord, PlanView } from './types.ts';

const MAX_TEXT = 200;

export function invalid(field: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('INVALID_INPUT', message, { details: { field, ...details } });
}

/** A name, place or reason: trimmed, 1–200 characters, or INVALID_INPUT naming the field. */
export function text(v: unknown, field: string, what: string, optional = false): string {
  const t = typeof v === 'string' ? v.trim() : '';
  if (!t && optional) return '';
  if (!t || t.length > MAX_TEXT) throw invalid(field, `${what} (1–200 characters).`);
  return t;
}

function cleanScope(scope: Scope | undefined): Scope {
  return scope?.workingCopies ? { workingCopies: true } : {};
}

const byCustomerNo = (a: CustomerRecord, b: CustomerRecord) => (a.customerNo < b.customerNo ? -1 : a.customerNo > b.customerNo ? 1 : a.id < b.id ? -1 : 1);

export function planRecord(r: CustomerRecord, reason: IneligibleReason | null): PlanRecord {
  return { id: r.id, customerNo: r.customerNo, maskedName: maskName(r.fields.name ?? ''), fate: r.fate?.kind ?? 'undecided', reason };
}

/** Why `r` may not be destroyed in a batch of `scope` now, or null. */
export function reasonOf(s: Session, r: CustomerRecord, scope: Scope, ctx: FateContext, register: readonly BundleEntry[]): IneligibleReason | null {
  const facts = archiveFacts(register.map(bundleFacts), r);
  return ineligibility({ fate: r.fate, hold: r.hold, underRetention: r.fate?.kind === 'destroy' ? bound(s, r, ctx) : false, ...facts }, scope);
}

export interface Assessed {
  eligible: CustomerRecord[];
  ineligible: { r: CustomerRecord; reason: IneligibleReason }[];
}

/** The records a batch of `scope` concerns, split into eligible and not, by customer number. */
export function assess(s: Session, scope: Scope, ctx: FateContext, register: readonly BundleEntry[]): Assessed {
  const out: Assessed = { eligible: [], ineligible: [] };
  for (const r of [...s.records.all()].sort(byCustomerNo)) {
    if (!inScope(r, scope)) continue;
    const reason = reasonOf(s, r, scope, ctx, register);
    if (reason) out.ineligible.push({ r, reason });
    else out.eligible.push(r);
  }
  return out;
}

/** Copies of bundles that an entry already records destroyed (`bundle/copyId`). */
export function destroyedCopies(doc: BatchesDoc): Set<string> {
  return new Set(doc.batches.flatMap((b) => b.copies.filter((c) => c.entrySeq !== undefined).map((c) => `${c.bundle}/${c.copyId}`)));
}

/** The bundles that hold any of `records`, with how many each holds and its copies not yet destroyed. */
export function holding(register: readonly BundleEntry[], records: readonly CustomerRecord[], gone: ReadonlySet<string> = new Set()): HoldingBundle[] {
  const out: HoldingBundle[] = [];
  for (const b of register) {
    const n = records.filter((r) => bundleHolds(b, r)).length;
    if (n) out.push({ number: b.number, createdAt: b.createdAt, recipients: b.recipients.map((x) => x.kind), records: n, copies: b.copies.filter((c) => !gone.has(`${b.number}/${c.id}`)) });
  }
  return out;
}

/** The plan a batch of `scope` would make now; lists capped at `limit`. */
export function planView(s: Session, scopeIn: Scope | undefined, ctx: FateContext, register: readonly BundleEntry[], doc: BatchesDoc, limit = 200): PlanView {
  const scope = cleanScope(scopeIn);
  const a = assess(s, scope, ctx, register);
  const byReason: PlanView['byReason'] = {};
  for (const x of a.ineligible) byReason[x.reason] = (byReason[x.reason] ?? 0) + 1;
  return {
    scope,
    eligibleTotal: a.eligible.length,
    ineligibleTotal: a.ineligible.length,
    eligible: a.eligible.slice(0, limit).map((r) => planRecord(r, null)),
    ineligible: a.ineligible.slice(0, limit).map((x) => planRecord(x.r, x.reason)),
    byReason,
    bundles: holding(register, a.eligible, destroyedCopies(doc)),
  };
}

/** CONFLICT naming the customer numbers of records that may not be destroyed, with each reason. */
export function refused(list: { r: CustomerRecord; reason: IneligibleReason }[]): AppError {
  const shown = list.slice(0, 20).map((x) => `${x.r.customerNo} (${x.reason})`);
  return new AppError('CONFLICT', `These records may not be destroyed: ${shown.join(', ')}${list.length > 20 ? ` and ${list.length - 20} more` : ''}. Release the hold, wait for the retention to end, or archive or transfer them first.`, {
    details: { reason: 'INELIGIBLE', records: list.slice(0, 500).map((x) => ({ customerNo: x.r.customerNo, reason: x.reason })), count: list.length },
  });
}

/** The copy decisions for every copy of `bundles`; INVALID_INPUT when one is missing, unknown or a keep lacks its reason. */
function decisions(bundles: HoldingBundle[], input: CopyDecisionInput[] | undefined): CopyDecision[] {
  const given = new Map((Array.isArray(input) ? input : []).map((c) => [`${c?.bundle}\n${c?.copyId}`, c]));
  const out: CopyDecision[] = [];
  const missing: string[] = [];
  for (const b of bundles) {
    for (const c of b.copies) {
      const d = given.get(`${b.number}\n${c.id}`);
      given.delete(`${b.number}\n${c.id}`);
      if (!d || (d.decision !== 'destroy' && d.decision !== 'keep')) {
        missing.push(c.id);
        continue;
      }
      const cd: CopyDecision = { bundle: b.number, copyId: c.id, decision: d.decision, medium: c.medium, location: c.location, holder: c.holder };
      if (d.decision === 'keep') cd.reason = text(d.reason, 'copies', 'Say why the copy is kept and until when');
      out.push(cd);
    }
  }
  if (missing.length) throw invalid('copies', `Decide for each copy of the bundles that hold these records: destroy it, or keep it under its own retention (${missing.length} undecided).`, { reason: 'undecided-copies', copies: missing });
  if (given.size) throw invalid('copies', 'A copy decision names a bundle copy that does not hold these records.', { reason: 'unknown-copy' });
  return out;
}

/**
 * The batch for `input`: the records asked for (every eligible one when `ids` is absent), each
 * checked again; CONFLICT naming any that may not be destroyed; NOT_FOUND for an unknown id.
 */
export function planBatch(
  s: Session,
  input: PlanInput,
  ctx: FateContext,
  register: readonly BundleEntry[],
  doc: BatchesDoc,
  year: number,
): { batch: StoredBatch; doc: BatchesDoc } {
  const scope = cleanScope(input?.scope);
  let records: CustomerRecord[];
  if (Array.isArray(input?.ids)) {
    const ids = [...new Set(input.ids)];
    const unknown = ids.filter((id) => !s.records.has(id));
    if (unknown.length) throw new AppError('NOT_FOUND', `${unknown.length} of the chosen records no longer exist; reload the plan.`, { details: { field: 'ids', ids: unknown } });
    records = ids.map((id) => s.records.get(id)).sort(byCustomerNo);
    const bad = records.flatMap((r) => {
      const reason = reasonOf(s, r, scope, ctx, register);
      return reason ? [{ r, reason }] : [];
    });
    if (bad.length) throw refused(bad);
  } else {
    records = assess(s, scope, ctx, register).eligible;
  }
  const taken = new Set(doc.batches.filter((b) => b.state !== 'cancelled' && b.state !== 'executed').flatMap((b) => b.records.map(([id]) => id)));
  const twice = records.filter((r) => taken.has(r.id));
  if (twice.length) {
    throw new AppError('CONFLICT', `${twice.length} of these records are in another open batch (${twice.slice(0, 5).map((r) => r.customerNo).join(', ')}). Execute or cancel that batch first.`, {
      details: { reason: 'IN_OTHER_BATCH', customerNos: twice.slice(0, 500).map((r) => r.customerNo) },
    });
  }
  const copies = decisions(holding(register, records, destroyedCopies(doc)), input?.copies);
  const note = text(input?.note, 'note', 'Keep the note short', true);
  const { number, last } = nextBatchNumber(doc, year);
  const batch: StoredBatch = {
    id: randomId(),
    number,
    kind: 'records',
    createdAt: ctx.at,
    createdBy: s.actor,
    scope,
    records: records.map((r) => [r.id, r.customerNo]),
    copies,
    state: 'planned',
    entries: [],
  };
  if (note) batch.note = note;
  return { batch, doc: { ...doc, last, batches: [...doc.batches, batch] } };
}
