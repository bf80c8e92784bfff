/**
 * Audit event v1: one line of a vault's append-only, hash-chained audit log. The line is JSON
 * with a fixed key order; `prev` is the SHA-256 (lowercase hex) of the previous line's UTF-8
 * bytes, so `sha256sum` alone can check an exported chain. Events never hold raw personal
 * data: subjects are record ids, counts and digests.
 */
import { fromUtf8, toHex, utf8 } from '../bytes.ts';
import { sha256 } from '../crypto/sodium.ts';

// FORMAT: never change; add a version
export const EVENT_VERSION = 1;
export const GENESIS = '0'.repeat(64);

export interface AuditEvent {
  v: number;
  seq: number;
  /** ISO 8601 UTC. */
  time: string;
  /** The key slot that acted, and its label (an operator's name, or "recovery key"). */
  slot: string;
  actor: string;
  action: string;
  subjects: string[];
  data?: Record<string, string | number | boolean>;
  prev: string;
}

/** The canonical line (no newline) of an event: keys in a fixed order. */
export function eventLine(e: AuditEvent): string {
  const o: Record<string, unknown> = {
    v: e.v,
    seq: e.seq,
    time: e.time,
    slot: e.slot,
    actor: e.actor,
    action: e.action,
    subjects: e.subjects,
  };
  if (e.data && Object.keys(e.data).length) o.data = e.data;
  o.prev = e.prev;
  return JSON.stringify(o);
}

export function lineHash(line: string): string {
  return toHex(sha256(utf8(line)));
}

export function parseEventLine(bytes: Uint8Array): AuditEvent {
  return JSON.parse(fromUtf8(bytes)) as AuditEvent;
}

export type ChainProblem =
  | { seq: number; kind: 'AUTH_FAILED' }
  | { seq: number; kind: 'GAP'; expected: number }
  | { seq: number; kind: 'PREV_MISMATCH' }
  | { seq: number; kind: 'HEAD_MISMATCH' };

export interface ChainResult {
  ok: boolean;
  count: number;
  head: string;
  problems: ChainProblem[];
}

/**
 * Checks a sequence of events (in stored order) against the chain rules: seq counts up from 1
 * without gaps, and each `prev` is the hash of the line before. `expectedHead`, when given,
 * is the hash of the last line recorded elsewhere; it catches a removed tail.
 */
export function verifyChain(
  items: ({ ok: true; event: AuditEvent } | { ok: false; seq: number })[],
  expectedHead?: { seq: number; hash: string },
): ChainResult {
  const problems: ChainProblem[] = [];
  let prev = GENESIS;
  let expectSeq = 1;
  for (const it of items) {
    if (!it.ok) {
      problems.push({ seq: it.seq, kind: 'AUTH_FAILED' });
      prev = '';
      expectSeq = it.seq + 1;
      continue;
    }
    const e = it.event;
    if (e.seq !== expectSeq) problems.push({ seq: e.seq, kind: 'GAP', expected: expectSeq });
    else if (prev && e.prev !== prev) problems.push({ seq: e.seq, kind: 'PREV_MISMATCH' });
    prev = lineHash(eventLine(e));
    expectSeq = e.seq + 1;
  }
  if (expectedHead && (expectedHead.seq !== expectSeq - 1 || (prev && expectedHead.hash !== prev))) {
    problems.push({ seq: expectedHead.seq, kind: 'HEAD_MISMATCH' });
  }
  return { ok: problems.length === 0, count: items.length, head: prev, problems };
}
