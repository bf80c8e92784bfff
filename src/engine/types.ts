/**
 * What the engine offers the UI, as plain data that crosses the worker boundary. The UI imports
 * these types only; it never sees keys, Dexie or libsodium.
 */
import type { Category, CustomerKind, Sensitivity } from '../core/domain/fields.ts';
import type { CustomerRecord, RecordFields, RecordInput } from '../core/domain/record.ts';
import type { AuditEvent, ChainProblem } from '../core/formats/event.ts';

export type { CustomerRecord, RecordFields, RecordInput, AuditEvent, ChainProblem };

export interface VaultSummary {
  id: string;
  label: string;
  createdAt: string;
}

export interface SessionInfo {
  vaultId: string;
  label: string;
  slotId: string;
  actor: string;
  /** Packs that failed their integrity check on unlock, with the records they held. */
  damaged: DamageReport[];
  settings: VaultSettings;
}

export interface DamageReport {
  packId: string;
  code: string;
  /** Customer numbers of the records the damaged pack held, when its index still opens. */
  customerNos: string[];
}

export interface VaultSettings {
  /** Minutes of inactivity before the vault locks itself. */
  autoLockMinutes: number;
  /** ISO time of the last archive export; feeds the "export again" nudge. */
  lastExportAt?: string;
}

export interface SlotInfo {
  id: string;
  kind: 'passphrase' | 'recovery';
  label: string;
  createdAt: string;
  current: boolean;
}

export interface CreateVaultInput {
  label: string;
  operator: string;
  passphrase: string;
}

export interface CreatedVault {
  vaultId: string;
  /** Shown once on the recovery sheet; never stored. */
  recoveryKey: string;
  session: SessionInfo;
}

export interface RecordQuery {
  search?: string;
  category?: Category;
  sensitivity?: Sensitivity;
  kind?: CustomerKind;
  offset?: number;
  limit?: number;
}

export interface RecordListItem {
  id: string;
  customerNo: string;
  kind: CustomerKind;
  name: string;
  idTail: string;
  categories: Category[];
  sensitivity: Sensitivity | null;
  sample: boolean;
}

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export interface Counts {
  total: number;
  byCategory: Record<Category, number>;
  bySensitivity: Record<Sensitivity, number>;
}

export interface AuditVerification {
  ok: boolean;
  count: number;
  head: string;
  problems: ChainProblem[];
}

export interface Progress {
  done: number;
  total: number;
}
