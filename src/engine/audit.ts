/**
 * The vault's audit log: building the next event of the chain, reading pages of it, verifying
 * it. The head (seq and hash of the last line) is sealed in meta and written in the same
 * transaction as the event, so a removed tail is detected too.
 */
import { errorCode } from '../core/errors.ts';
import { EVENT_VERSION, GENESIS, eventLine, lineHash, parseEventLine, verifyChain, type AuditEvent } from '../core/formats/event.ts';
import type { EventRow, MetaRow } from '../store/db.ts';
import type { VaultStore } from '../store/vault-store.ts';
import type { Session } from './session.ts';
import type { AuditVerification, Page } from './types.ts';

export const HEAD_KEY = 'audit-head';

export interface EventDraft {
  action: string;
  subjects?: string[];
  data?: Record<string, string | number | boolean>;
  /** Defaults to now; set for events recorded later (failed unlocks). */
  time?: string;
}

export interface BuiltEvents {
  rows: EventRow[];
  head: MetaRow;
  /** Call once the batch is stored. */
  commit(): void;
}

/** Seals the next events of the chain after the session's head. */
export function buildEvents(s: Session, drafts: EventDraft[], now: Date): BuiltEvents {
  let { seq, hash } = s.head;
  const rows: EventRow[] = [];
  for (const d of drafts) {
    const e: AuditEvent = {
      v: EVENT_VERSION,
      seq: seq + 1,
      time: d.time ?? now.toISOString(),
      slot: s.slotId,
      actor: s.actor,
      action: d.action,
      subjects: d.subjects ?? [],
      data: d.data,
      prev: hash || GENESIS,
    };
    const line = eventLine(e);
    seq = e.seq;
    hash = lineHash(line);
    rows.push({ vaultId: s.vaultId, seq, blob: s.seal('events', 'events', String(seq), new TextEncoder().encode(line)) });
  }
  const next = { seq, hash };
  return {
    rows,
    head: { vaultId: s.vaultId, key: HEAD_KEY, blob: s.sealJson('meta', 'meta', HEAD_KEY, next) },
    commit: () => {
      s.head = next;
    },
  };
}

export type AuditEntry = AuditEvent | { seq: number; damaged: true; code: string };

/** Events newest first. A row that fails its check shows as damaged, the rest still read. */
export async function auditPage(store: VaultStore, s: Session, offset: number, limit: number): Promise<Page<AuditEntry>> {
  const total = s.head.seq;
  const to = total - offset;
  const from = Math.max(1, to - limit + 1);
  const rows = to >= 1 ? await store.events(s.vaultId, from, to) : [];
  const items = rows.map((r) => openEvent(s, r)).reverse();
  return { total, offset, items };
}

function openEvent(s: Session, r: EventRow): AuditEntry {
  try {
    return parseEventLine(s.open('events', 'events', String(r.seq), r.blob));
  } catch (e) {
    return { seq: r.seq, damaged: true, code: errorCode(e) ?? 'AUTH_FAILED' };
  }
}

/** Reads the whole log and checks every seal, the sequence, each `prev` and the head. */
export async function verifyAudit(store: VaultStore, s: Session): Promise<AuditVerification> {
  const rows = await store.events(s.vaultId);
  const items = rows.map((r) => {
    const e = openEvent(s, r);
    return 'damaged' in e ? { ok: false as const, seq: e.seq } : { ok: true as const, event: e };
  });
  return verifyChain(items, s.head);
}
