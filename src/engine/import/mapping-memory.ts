/**
 * Confirmed column mappings, remembered per vault and offered again for a file whose header row
 * has the same signature (`headerSignature`). They live in one sealed meta entry, so not even
 * the column names of the firm's registers are readable in storage, and are written only in
 * the transaction of a committed import.
 */
import { isFieldKey } from '../../core/domain/fields.ts';
import type { MetaRow } from '../../store/db.ts';
import type { Session } from '../session.ts';
import type { ColumnMapping } from './types.ts';

export const MAPPINGS_KEY = 'import-mappings';
// FORMAT: never change; add a version
const MAPPINGS_VERSION = 1;
// The most recently used layouts kept; a firm rarely has more back-office exports than this.
const KEPT = 50;

export interface RememberedMapping {
  signature: string;
  mapping: ColumnMapping[];
  at: string;
}

export interface MappingMemory {
  v: number;
  entries: RememberedMapping[];
}

/** Reads the vault's remembered mappings; an absent or unreadable entry gives an empty memory (it is a convenience, not data). */
export async function loadMemory(getMeta: (vaultId: string, key: string) => Promise<Uint8Array | undefined>, s: Session): Promise<MappingMemory> {
  const blob = await getMeta(s.vaultId, MAPPINGS_KEY);
  if (!blob) return { v: MAPPINGS_VERSION, entries: [] };
  try {
    const m = s.openJson<MappingMemory>('meta', 'meta', MAPPINGS_KEY, blob);
    return m.v === MAPPINGS_VERSION && Array.isArray(m.entries) ? m : { v: MAPPINGS_VERSION, entries: [] };
  } catch {
    return { v: MAPPINGS_VERSION, entries: [] };
  }
}

/** The mapping remembered for `signature`, if it still fits a table of `width` columns. */
export function recall(memory: MappingMemory, signature: string, width: number): ColumnMapping[] | null {
  const hit = memory.entries.find((e) => e.signature === signature);
  if (!hit) return null;
  const fits = hit.mapping.every((m) => Number.isInteger(m.column) && m.column >= 0 && m.column < width && (m.field === null || m.field === 'customerNo' || isFieldKey(m.field)));
  return fits ? hit.mapping.map((m) => ({ ...m })) : null;
}

/** The sealed meta row holding `memory` with `mapping` remembered for `signature` (most recent first). */
export function rememberRow(s: Session, memory: MappingMemory, signature: string, mapping: readonly ColumnMapping[], at: string): MetaRow {
  const entries = [{ signature, mapping: mapping.map((m) => ({ ...m })), at }, ...memory.entries.filter((e) => e.signature !== signature)].slice(0, KEPT);
  const next: MappingMemory = { v: MAPPINGS_VERSION, entries };
  return { vaultId: s.vaultId, key: MAPPINGS_KEY, blob: s.sealJson('meta', 'meta', MAPPINGS_KEY, next) };
}
