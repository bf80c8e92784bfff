/**
 * The `fate` value of a line of records.jsonl in an archive bundle: the record's fate with its
 * legal hold inside (`hold`), or `{"kind":"undecided","hold":…}` for a held record without a
 * fate; absent when neither was decided. One value, so a reader of the bundle finds everything
 * decided about a record in one place.
 */
import { AppError } from '../../errors.ts';
import type { Fate, Hold } from './types.ts';

/** The exported value for a record, or undefined when it has neither fate nor hold. */
export function bundleFate(r: { fate?: Fate; hold?: Hold }): Record<string, unknown> | undefined {
  if (!r.fate && !r.hold) return undefined;
  const out: Record<string, unknown> = r.fate ? { ...r.fate } : { kind: 'undecided' };
  if (r.hold) out.hold = { reason: r.hold.reason, at: r.hold.at, by: r.hold.by };
  return out;
}

const str = (x: unknown): x is string => typeof x === 'string';

function bad(line: number | undefined, what: string): AppError {
  return new AppError('INVALID_INPUT', `records.jsonl${line ? ` line ${line}` : ''}: the fate is malformed (${what}).`, { details: { reason: 'record-fate', line } });
}

/**
 * Reads an exported value back into fate and hold. `basis` may be one string (older hand-made
 * bundles) or a list; `at` and `by` default to ''. Throws INVALID_INPUT reason "record-fate".
 */
export function parseBundleFate(x: unknown, line?: number): { fate?: Fate; hold?: Hold } {
  if (x === undefined || x === null) return {};
  if (typeof x !== 'object' || Array.isArray(x)) throw bad(line, 'not an object');
  const o = x as Record<string, unknown>;
  const at = str(o.at) ? o.at : '';
  const by = str(o.by) ? o.by : '';
  let hold: Hold | undefined;
  if (o.hold !== undefined) {
    const h = o.hold as Record<string, unknown>;
    if (!h || typeof h !== 'object' || !str(h.reason) || !h.reason.trim()) throw bad(line, 'hold without a reason');
    hold = { reason: h.reason, at: str(h.at) ? h.at : '', by: str(h.by) ? h.by : '' };
  }
  let fate: Fate | undefined;
  switch (o.kind) {
    case 'keep': {
      const basis = str(o.basis) ? [o.basis] : Array.isArray(o.basis) && o.basis.every(str) ? [...o.basis] : null;
      if (!basis) throw bad(line, 'keep without a basis list');
      if (o.until !== null && o.until !== undefined && !str(o.until)) throw bad(line, 'until is not a date');
      fate = { kind: 'keep', basis, until: str(o.until) ? o.until : null, at, by };
      break;
    }
    case 'transfer':
      if (!str(o.recipient) || !o.recipient.trim()) throw bad(line, 'transfer without a recipient');
      fate = { kind: 'transfer', recipient: o.recipient, at, by };
      break;
    case 'destroy':
      fate = { kind: 'destroy', at, by };
      break;
    case 'undecided':
      if (!hold) throw bad(line, 'undecided without a hold');
      break;
    default:
      throw bad(line, `unknown kind ${JSON.stringify(o.kind)}`);
  }
  const out: { fate?: Fate; hold?: Hold } = {};
  if (fate) out.fate = fate;
  if (hold) out.hold = hold;
  return out;
}
