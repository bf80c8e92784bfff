/**
 * What the destruction use cases offer the UI, as plain data that crosses the worker boundary:
 * the plan of a batch (eligible and ineligible records, the bundles and copies that hold them),
 * batches with their approval and execution, physical and crypto-erasure entries with photo
 * evidence, the signed destruction log, the certificate, and a vault's end of life.
 */
import type { FateKind } from '../../core/domain/retention/types.ts';
import type { IneligibleReason, MediaKind, PhysicalKind, Scope, Technique } from '../../core/domain/destruction/index.ts';
import type { DestructionKind, LogHead, NistCategory } from '../../core/formats/destruction-log.ts';
import type { AttachmentType } from '../checklist/types.ts';
import type { BundleCopy, BundleRecipient, KeyCopy } from '../archive/types.ts';

export type { DestructionKind, FateKind, IneligibleReason, LogHead, MediaKind, NistCategory, PhysicalKind, Scope, Technique };

/** A record as a plan lists it: customer number and masked name only. */
export interface PlanRecord {
  id: string;
  customerNo: string;
  maskedName: string;
  fate: FateKind | 'undecided';
  /** Null when the record may be destroyed. */
  reason: IneligibleReason | null;
}

/** A bundle of the register that holds records of a plan, with its copies. */
export interface HoldingBundle {
  number: string;
  createdAt: string;
  recipients: BundleRecipient['kind'][];
  /** How many of the plan's records it holds. */
  records: number;
  copies: BundleCopy[];
}

/** What a batch of `scope` would take now; nothing is stored. Lists are capped at `limit`. */
export interface PlanView {
  scope: Scope;
  eligibleTotal: number;
  ineligibleTotal: number;
  eligible: PlanRecord[];
  ineligible: PlanRecord[];
  byReason: Partial<Record<IneligibleReason, number>>;
  bundles: HoldingBundle[];
}

/** The decision on one copy of a bundle that holds a batch's records. */
export type CopyDecisionInput =
  | { bundle: string; copyId: string; decision: 'destroy' }
  | { bundle: string; copyId: string; decision: 'keep'; reason: string };

export interface CopyDecision {
  bundle: string;
  copyId: string;
  decision: 'destroy' | 'keep';
  reason?: string;
  medium: string;
  location: string;
  holder: string;
  /** The entry that records the copy's destruction, once recorded. */
  entrySeq?: number;
}

export interface PlanInput {
  scope?: Scope;
  /** The records to take (all eligible ones when absent). */
  ids?: string[];
  /** A decision for every copy of every bundle that holds the records. */
  copies?: CopyDecisionInput[];
  note?: string;
}

export type BatchState = 'planned' | 'approved' | 'executing' | 'executed' | 'cancelled';

export interface Approval {
  /** The person who approved the scope (need not be an operator). */
  approver: string;
  at: string;
  /** The operator who entered the approval. */
  by: string;
  /** The second operator who confirmed with their own passphrase (dual control). */
  second?: { slotId: string; label: string };
}

export interface ExecutionResult {
  records: number;
  attachments: number;
  chunks: number;
  startedAt: string;
  finishedAt: string;
  /** Packs opened in the final check, none of which holds a record of the batch. */
  packsChecked: number;
  /** The destruction entry of the run. */
  entrySeq: number;
  /** True when the batch had been executed already and nothing was done. */
  already?: boolean;
  /** Records of the batch not deleted: they became ineligible (a hold…) while its run was interrupted. */
  skipped?: { customerNo: string; reason: IneligibleReason }[];
}

export interface BatchInfo {
  id: string;
  number: string;
  kind: 'records' | 'custody-key';
  createdAt: string;
  createdBy: string;
  scope: Scope;
  records: number;
  /** Customer numbers of the batch's records (the first 500). */
  customerNos: string[];
  copies: CopyDecision[];
  approval?: Approval;
  state: BatchState;
  executed?: ExecutionResult;
  /** Seqs of the log entries of the batch. */
  entries: number[];
  /** Executed, and every copy to destroy has its entry. */
  complete: boolean;
  note?: string;
  /** For a custody-key batch: the key, and when it was erased. */
  key?: { id: string; label: string; recipient: string; erasedAt?: string };
}

export interface ApproveInput {
  approver: string;
  /** A second operator's key slot and passphrase, checked against their slot. */
  second?: { slotId: string; passphrase: string };
}

export interface ExecuteProgress {
  phase: 'deleting' | 'verifying' | 'done';
  done: number;
  total: number;
}

/** A batch whose execution was interrupted (tab closed, locked); executing it again completes it. */
export interface RunStatus {
  batchId: string;
  number: string;
  done: number;
  total: number;
  remainingChunks: number;
}

export interface PhotoInfo {
  id: string;
  name: string;
  type: AttachmentType;
  size: number;
  sha256: string;
  thumb: boolean;
}

/** A physical destruction: paper, media, a bundle copy or a custody key's copy. */
export interface PhysicalInput {
  /** The batch (records or custody-key) the entry belongs to. */
  batchId: string;
  kind: PhysicalKind;
  medium: MediaKind;
  description: string;
  count: number;
  serial?: string;
  technique: Technique;
  tool?: string;
  performer: string;
  witnesses: string[];
  place: string;
  /** When it was done: ISO 8601; defaults to now. */
  time?: string;
  verification?: string;
  note?: string;
  /** The items are accounting archives (会计档案): the certificate then carries the register's sign-off. */
  accounting?: boolean;
  /** For kind 'bundle-copy': the copy of the register destroyed. */
  copy?: { bundle: string; copyId: string };
  /** For kind 'key-copy': the custody key's registered copy destroyed. */
  keyCopy?: { keyId: string; copyId: string };
}

export interface PhotoInput {
  file: Blob | Uint8Array;
  name: string;
}

/** One entry of the destruction log, as the UI and the certificate show it. */
export interface EntryInfo {
  seq: number;
  time: string;
  batch: string;
  kind: DestructionKind;
  counts: Record<string, number>;
  /** Customer numbers and masked names of the records (the first 500). */
  records: { customerNo: string; maskedName: string }[];
  recordTotal: number;
  items: { description: string; count: number; serial?: string }[];
  bundles: string[];
  method: { category: NistCategory; technique: string; tool?: string };
  performer: string;
  witnesses: string[];
  place: string;
  verification?: string;
  note?: string;
  photos: PhotoInfo[];
  accounting: boolean;
  /** SHA-256 of the entry's line: what the next entry's prev names. */
  hash: string;
}

export interface DestructionOverview {
  batches: BatchInfo[];
  head: LogHead;
  running: RunStatus | null;
  /** The vault's signing key id (16 hex digits, as minisign shows it). */
  keyId: string;
}

/** The files of an exported log. */
export interface LogExport {
  fileName: string;
  text: string;
  signatureFileName: string;
  signature: string;
  publicKeyFileName: string;
  publicKey: string;
  keyId: string;
  head: LogHead;
  time: string;
}

/** What a printed certificate shows. */
export interface CertificateData {
  /** A batch's number, or null for the whole wind-down. */
  batch: BatchInfo | null;
  vaultLabel: string;
  entries: EntryInfo[];
  head: LogHead;
  keyId: string;
  generatedAt: string;
  /** Accounting archives are among the entries: the 会计档案销毁清册 sign-off is printed. */
  accounting: boolean;
  /** Approvals of the batches the certificate covers. */
  approvals: (Approval & { number: string })[];
}

/** A custody key on its way to crypto-erasure. */
export interface ErasureView {
  keyId: string;
  label: string;
  year?: number;
  recipient: string;
  /** The day the key's retention ends (31 December of its year), null when it names no year. */
  retentionEnds: string | null;
  retentionEnded: boolean;
  copies: (KeyCopy & { entrySeq?: number })[];
  /** Bundles encrypted to the key: unreadable once it is erased. */
  bundles: string[];
  /** Every copy has its destruction entry. */
  ready: boolean;
  batchId?: string;
  batchNumber?: string;
  /** When the key was erased (the view of an erased key keeps its copies and bundles). */
  erasedAt?: string;
  erasedEntry?: number;
}

export interface EraseInput {
  performer: string;
  witnesses: string[];
  place: string;
  verification?: string;
}

/** The end of a vault's life: the final log and the certificate, exported before deletion. */
export interface FinalExport extends LogExport {
  certificate: CertificateData;
  /** Give this back to vaultDestroy: the head of the final log. */
  token: string;
}
