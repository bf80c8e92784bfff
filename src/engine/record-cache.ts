/**
 * Decrypted records of an unlocked vault, and how they are packed into storage rows.
 *
 * Layout: records are sealed in packs of up to PACK_SIZE, one IndexedDB row per pack, because
 * IndexedDB's cost is per row (≈6,000 small rows a second written here) while sealing is cheap.
 * An edit or deletion re-seals the whole pack under a fresh nonce in the same row, so a deleted
 * record leaves no readable copy in its row (DESIGN §6 on what the browser may still keep).
 */
import { AppError, errorCode } from '../core/errors.ts';
import type { CustomerRecord, RecordSummary } from '../core/domain/record.ts';
import { summarise } from '../core/domain/record.ts';
import { randomId } from '../core/crypto/random.ts';
import { fromUtf8, utf8 } from '../core/bytes.ts';
import { decodePack, encodePack } from '../core/formats/pack.ts';
import type { PackRow } from '../store/db.ts';
import type { Session } from './session.ts';
import type { DamageReport, RecordListItem, RecordQuery, Page, Counts } from './types.ts';
import { CATEGORIES, SENSITIVITIES } from '../core/domain/fields.ts';

export const PACK_SIZE = 100;

export interface StagedChange {
  rows: PackRow[];
  deletes: string[];
  commit(): void;
}

export class RecordCache {
  private byId = new Map<string, CustomerRecord>();
  private summaries = new Map<string, RecordSummary>();
  private packOf = new Map<string, string>();
  private packs = new Map<string, string[]>();
  private sorted: string[] | null = null;
  damaged: DamageReport[] = [];

  constructor(private readonly session: Session) {}

  get size(): number {
    return this.byId.size;
  }

  /** Opens every pack row; a pack that fails its check is reported, the rest load. */
  load(rows: PackRow[]): void {
    this.clear();
    for (const row of rows) {
      let records: CustomerRecord[];
      try {
        records = decodePack(fromUtf8(this.session.open('records', 'packs', row.id, row.blob)));
      } catch (e) {
        this.damaged.push({ packId: row.id, code: errorCode(e) ?? 'AUTH_FAILED', customerNos: this.damagedNames(row) });
        continue;
      }
      const ids: string[] = [];
      for (const r of records) {
        this.byId.set(r.id, r);
        this.packOf.set(r.id, row.id);
        ids.push(r.id);
      }
      this.packs.set(row.id, ids);
    }
  }

  /** Customer numbers of a damaged pack, from its separately sealed index, when that opens. */
  private damagedNames(row: PackRow): string[] {
    try {
      return this.session.openJson<[string, string][]>('records', 'pack-index', row.id, row.index).map(([, no]) => no);
    } catch {
      return [];
    }
  }

  clear(): void {
    this.byId.clear();
    this.summaries.clear();
    this.packOf.clear();
    this.packs.clear();
    this.sorted = null;
    this.damaged = [];
  }

  get(id: string): CustomerRecord {
    const r = this.byId.get(id);
    if (!r) throw new AppError('NOT_FOUND', 'That record does not exist (it may have been deleted).', { details: { id } });
    return r;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): IterableIterator<CustomerRecord> {
    return this.byId.values();
  }

  /**
   * Seals the packs that `upserts` and `removals` touch, without changing the cache; `commit`
   * applies the change once the rows are stored.
   */
  stage(upserts: CustomerRecord[], removals: string[] = []): StagedChange {
    const touched = new Map<string, string[]>();
    const newPlace = new Map<string, string>();
    const listOf = (pid: string) => {
      let l = touched.get(pid);
      if (!l) touched.set(pid, (l = [...(this.packs.get(pid) ?? [])]));
      return l;
    };
    for (const id of removals) {
      const pid = this.packOf.get(id);
      if (!pid) throw new AppError('NOT_FOUND', 'That record does not exist (it may have been deleted).', { details: { id } });
      const l = listOf(pid);
      l.splice(l.indexOf(id), 1);
    }
    const upsertById = new Map(upserts.map((r) => [r.id, r]));
    let open = this.openPack(touched);
    for (const r of upserts) {
      const pid = this.packOf.get(r.id);
      if (pid) {
        listOf(pid);
        continue;
      }
      if (!open || listOf(open).length >= PACK_SIZE) open = randomId();
      listOf(open).push(r.id);
      newPlace.set(r.id, open);
    }
    const rows: PackRow[] = [];
    const deletes: string[] = [];
    for (const [pid, ids] of touched) {
      if (!ids.length) {
        if (this.packs.has(pid)) deletes.push(pid);
        continue;
      }
      const records = ids.map((id) => upsertById.get(id) ?? this.byId.get(id)!);
      rows.push({
        id: pid,
        vaultId: this.session.vaultId,
        blob: this.session.seal('records', 'packs', pid, utf8(encodePack(records))),
        index: this.session.sealJson('records', 'pack-index', pid, records.map((r) => [r.id, r.customerNo])),
      });
    }
    return {
      rows,
      deletes,
      commit: () => {
        for (const id of removals) {
          this.byId.delete(id);
          this.packOf.delete(id);
          this.summaries.delete(id);
        }
        for (const r of upserts) {
          this.byId.set(r.id, r);
          this.summaries.delete(r.id);
          const pid = newPlace.get(r.id);
          if (pid) this.packOf.set(r.id, pid);
        }
        for (const [pid, ids] of touched) {
          if (ids.length) this.packs.set(pid, ids);
          else this.packs.delete(pid);
        }
        this.sorted = null;
      },
    };
  }

  /** The pack new records go to: the last one with room, among those touched or stored. */
  private openPack(touched: Map<string, string[]>): string | undefined {
    let best: string | undefined;
    for (const [pid, ids] of this.packs) if (ids.length < PACK_SIZE) best = pid;
    for (const [pid, ids] of touched) if (ids.length < PACK_SIZE) best = pid;
    return best;
  }

  summary(id: string): RecordSummary {
    let s = this.summaries.get(id);
    if (!s) this.summaries.set(id, (s = summarise(this.get(id).fields)));
    return s;
  }

  private order(): string[] {
    this.sorted ??= [...this.byId.values()]
      .sort((a, b) => (a.customerNo < b.customerNo ? -1 : a.customerNo > b.customerNo ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => r.id);
    return this.sorted;
  }

  /** A page of records matching the query, ordered by customer number. */
  list(q: RecordQuery): Page<RecordListItem> {
    const offset = Math.max(0, q.offset ?? 0);
    const limit = Math.min(500, Math.max(1, q.limit ?? 50));
    const match = matcher(q.search);
    const items: RecordListItem[] = [];
    let total = 0;
    for (const id of this.order()) {
      const r = this.byId.get(id)!;
      if (q.kind && r.kind !== q.kind) continue;
      if (match && !match(r)) continue;
      if (q.category || q.sensitivity) {
        const s = this.summary(id);
        if (q.category && !s.categories.includes(q.category)) continue;
        if (q.sensitivity && s.sensitivity !== q.sensitivity) continue;
      }
      if (total >= offset && items.length < limit) items.push(this.item(r));
      total++;
    }
    return { total, offset, items };
  }

  private item(r: CustomerRecord): RecordListItem {
    const s = this.summary(r.id);
    return {
      id: r.id,
      customerNo: r.customerNo,
      kind: r.kind,
      name: r.fields.name ?? '',
      idTail: (r.fields.idNumber ?? r.fields.uscc ?? '').slice(-4),
      categories: s.categories,
      sensitivity: s.sensitivity,
      sample: !!r.sample,
    };
  }

  counts(): Counts {
    const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Counts['byCategory'];
    const bySensitivity = Object.fromEntries(SENSITIVITIES.map((c) => [c, 0])) as Counts['bySensitivity'];
    for (const id of this.byId.keys()) {
      const s = this.summary(id);
      for (const c of s.categories) byCategory[c]++;
      if (s.sensitivity) bySensitivity[s.sensitivity]++;
    }
    return { total: this.byId.size, byCategory, bySensitivity };
  }
}

/**
 * Search: by name or customer number (substring, case-insensitive), or by the last digits of an
 * ID number or phone number when the query is 3–6 digits (an ID may end in X).
 */
export function matcher(search: string | undefined): ((r: CustomerRecord) => boolean) | null {
  const q = search?.trim().toLowerCase();
  if (!q) return null;
  const tail = /^\d{2,5}[\dx]$/.test(q) ? q.toUpperCase() : null;
  return (r) =>
    (r.fields.name?.toLowerCase().includes(q) ?? false) ||
    r.customerNo.toLowerCase().includes(q) ||
    (tail !== null && ((r.fields.idNumber?.endsWith(tail) ?? false) || (r.fields.phone?.endsWith(tail) ?? false)));
}
