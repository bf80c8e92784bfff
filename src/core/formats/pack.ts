/**
 * Record pack body: the plaintext sealed in one `packs` row. Columnar to keep it small (field
 * names once per pack, not once per record), because reading a vault is dominated by parsing.
 *
 *   v1 {"v":1,"fields":["name","idNumber",…],
 *       "records":[[id, kind, customerNo, createdAt, updatedAt, sample 0|1, [value|null, …]], …]}
 *   v2 the same, each row with an eighth element: null, or {"fate"?:…,"hold"?:…}
 *
 * Each value list is aligned with `fields`; null means the record has no such field. A pack is
 * written as v1 while none of its records has a fate or hold, so packs without decisions stay
 * byte for byte what they were; v2 only when one does, which an older app refuses rather than
 * silently dropping the decisions on its next save.
 */
import { AppError } from '../errors.ts';
import type { CustomerRecord, RecordFields } from '../domain/record.ts';
import type { FieldKey } from '../domain/fields.ts';

// FORMAT: never change; add a version
export const PACK_BODY_VERSION = 1;
/** v1 rows plus each record's decisions (fate, hold). */
// FORMAT: never change; add a version
export const PACK_BODY_VERSION_DECISIONS = 2;

type Decisions = Pick<CustomerRecord, 'fate' | 'hold'>;
type Row = [string, CustomerRecord['kind'], string, string, string, 0 | 1, (string | null)[], (Decisions | null)?];

interface PackBody {
  v: number;
  fields: FieldKey[];
  records: Row[];
}

/** The pack body (as a JSON string) of `records`. */
export function encodePack(records: readonly CustomerRecord[]): string {
  const index = new Map<FieldKey, number>();
  const fields: FieldKey[] = [];
  for (const r of records) {
    for (const k of Object.keys(r.fields) as FieldKey[]) {
      if (!index.has(k)) {
        index.set(k, fields.length);
        fields.push(k);
      }
    }
  }
  const decided = records.some((r) => r.fate || r.hold);
  const rows: Row[] = records.map((r) => {
    const values: (string | null)[] = new Array(fields.length).fill(null);
    for (const [k, v] of Object.entries(r.fields) as [FieldKey, string][]) values[index.get(k)!] = v;
    const row: Row = [r.id, r.kind, r.customerNo, r.createdAt, r.updatedAt, r.sample ? 1 : 0, values];
    if (decided) row.push(r.fate || r.hold ? decisions(r) : null);
    return row;
  });
  const body: PackBody = { v: decided ? PACK_BODY_VERSION_DECISIONS : PACK_BODY_VERSION, fields, records: rows };
  return JSON.stringify(body);
}

function decisions(r: CustomerRecord): Decisions {
  const d: Decisions = {};
  if (r.fate) d.fate = r.fate;
  if (r.hold) d.hold = r.hold;
  return d;
}

/** The records of a pack body (v1 or v2). Throws UNSUPPORTED_VERSION for a newer body. */
export function decodePack(json: string): CustomerRecord[] {
  const body = JSON.parse(json) as PackBody;
  if (body.v !== PACK_BODY_VERSION && body.v !== PACK_BODY_VERSION_DECISIONS) {
    throw new AppError('UNSUPPORTED_VERSION', `A record pack uses format version ${body.v}; update Closeout to read it.`);
  }
  const { fields } = body;
  return body.records.map(([id, kind, customerNo, createdAt, updatedAt, sample, values, d]) => {
    const f: RecordFields = {};
    for (let i = 0; i < fields.length; i++) {
      const v = values[i];
      if (v != null) f[fields[i]!] = v;
    }
    const r: CustomerRecord = { id, kind, customerNo, fields: f, createdAt, updatedAt };
    if (sample) r.sample = true;
    if (d?.fate) r.fate = d.fate;
    if (d?.hold) r.hold = d.hold;
    return r;
  });
}
