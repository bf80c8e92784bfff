/**
 * Record pack body v1: the plaintext sealed in one `packs` row. Columnar to keep it small (field
 * names once per pack, not once per record), because reading a vault is dominated by parsing.
 *
 *   {"v":1,"fields":["name","idNumber",…],
 *    "records":[[id, kind, customerNo, createdAt, updatedAt, sample 0|1, [value|null, …]], …]}
 *
 * Each value list is aligned with `fields`; null means the record has no such field.
 */
import { AppError } from '../errors.ts';
import type { CustomerRecord, RecordFields } from '../domain/record.ts';
import type { FieldKey } from '../domain/fields.ts';

// FORMAT: never change; add a version
export const PACK_BODY_VERSION = 1;

type Row = [string, CustomerRecord['kind'], string, string, string, 0 | 1, (string | null)[]];

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
  const rows: Row[] = records.map((r) => {
    const values: (string | null)[] = new Array(fields.length).fill(null);
    for (const [k, v] of Object.entries(r.fields) as [FieldKey, string][]) values[index.get(k)!] = v;
    return [r.id, r.kind, r.customerNo, r.createdAt, r.updatedAt, r.sample ? 1 : 0, values];
  });
  const body: PackBody = { v: PACK_BODY_VERSION, fields, records: rows };
  return JSON.stringify(body);
}

/** The records of a pack body. Throws UNSUPPORTED_VERSION for a newer body. */
export function decodePack(json: string): CustomerRecord[] {
  const body = JSON.parse(json) as PackBody;
  if (body.v !== PACK_BODY_VERSION) {
    throw new AppError('UNSUPPORTED_VERSION', `A record pack uses format version ${body.v}; update Closeout to read it.`);
  }
  const { fields } = body;
  return body.records.map(([id, kind, customerNo, createdAt, updatedAt, sample, values]) => {
    const f: RecordFields = {};
    for (let i = 0; i < fields.length; i++) {
      const v = values[i];
      if (v != null) f[fields[i]!] = v;
    }
    const r: CustomerRecord = { id, kind, customerNo, fields: f, createdAt, updatedAt };
    if (sample) r.sample = true;
    return r;
  });
}
