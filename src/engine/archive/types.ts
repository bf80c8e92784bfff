/**
 * What the archive use cases offer the UI, as plain data that crosses the worker boundary:
 * retention dates and fates, custody keys and their escrow copies, the register of bundles,
 * exports, and bundles opened for verification, preview and restore.
 */
import type { Category, CustomerKind, Sensitivity } from '../../core/domain/fields.ts';
import type { Fate, FateChoice, FateFunnel, FateStatus, Hold, RetentionDates, StartEvent } from '../../core/domain/retention/types.ts';
import type { Scenario, TransferRoute } from '../../core/domain/checklists/index.ts';
import type { BundleCounts, BundleManifest } from '../../core/formats/bundle-manifest.ts';
import type { ActionEvidence } from '../checklist/types.ts';
import type { CreatedVault } from '../types.ts';

export type { Fate, FateChoice, FateFunnel, FateStatus, Hold, RetentionDates, StartEvent, BundleCounts, BundleManifest };

/** The profile facts retention depends on, and the start dates the user set. */
export interface RetentionView {
  /** False until the checklist's firm profile is saved: no retention can be worked out before. */
  profile: boolean;
  scenarios: Scenario[];
  transferRoute: TransferRoute | null;
  recipient?: string;
  dates: RetentionDates;
}

/** Which records a bulk action takes: the records list's filters, plus a fate status or explicit ids. */
export interface FateFilter {
  search?: string;
  category?: Category;
  sensitivity?: Sensitivity;
  kind?: CustomerKind;
  status?: FateStatus;
  ids?: string[];
}

/** One record as the fates screen lists it. */
export interface FateItem {
  id: string;
  customerNo: string;
  kind: CustomerKind;
  name: string;
  idTail: string;
  categories: Category[];
  status: FateStatus;
  fate?: Fate;
  hold?: Hold;
  retention: { basis: string[]; years: number; until: string | null; missingStart: StartEvent[] };
  /** What "apply suggestions" would set ('none' without a firm profile). */
  suggestion: 'keep' | 'transfer' | 'destroy' | 'none';
}

/** What applying the suggestions to a filter would do; nothing is stored. */
export interface FateSuggestion {
  matched: number;
  /** Records the suggestions would change (undecided ones, or all with `replace`). */
  affected: number;
  keep: number;
  transfer: number;
  destroy: number;
  /** Records with no suggestion (no firm profile). */
  none: number;
  /** Records left as they are because a fate was already decided. */
  decided: number;
}

/** The outcome of a bulk change. Skipped records keep what they had. */
export interface FateChangeResult {
  matched: number;
  changed: number;
  skipped: { held: number; retention: number; recipient: number };
  funnel: FateFunnel;
}

export type KeyCopyKind = 'sheet' | 'key-file' | 'other';

/** Where one escrow copy of a custody key is kept, and who holds it. */
export interface KeyCopy {
  id: string;
  kind: KeyCopyKind;
  location: string;
  holder: string;
  at: string;
  by: string;
}

export type CopyInput = { location: string; holder: string };

/** A custody key as the UI lists it: never the secret. */
export interface CustodyKeyInfo {
  id: string;
  /** The retention class or expiry year the key is for. */
  label: string;
  year?: number;
  /** age public key (age1…). */
  recipient: string;
  createdAt: string;
  createdBy: string;
  copies: KeyCopy[];
  /** Bundles in the register encrypted to this key. */
  bundles: string[];
}

/** The printable key sheet: the secret as text and QR, with what a custodian needs to use it. */
export interface KeySheet {
  label: string;
  vaultLabel: string;
  recipient: string;
  /** AGE-SECRET-KEY-1…: the secret. */
  identity: string;
  /** The key file as `age-keygen` writes it. */
  identityFile: string;
  createdAt: string;
  copy: KeyCopy;
}

/** A passphrase-protected key file (armored age), for download. */
export interface KeyFile {
  fileName: string;
  text: string;
  copy: KeyCopy;
}

export type CopyMedium = 'usb' | 'disk' | 'optical' | 'tape' | 'paper' | 'other';
export const COPY_MEDIA: readonly CopyMedium[] = ['usb', 'disk', 'optical', 'tape', 'paper', 'other'];

export interface BundleCopy {
  id: string;
  medium: CopyMedium;
  location: string;
  holder: string;
  at: string;
  by: string;
}

export type BundleCopyInput = { medium: CopyMedium; location: string; holder: string };

export type BundleRecipient = { kind: 'custody'; keyId: string; label: string; recipient: string } | { kind: 'extra'; recipient: string } | { kind: 'passphrase' };

/** One exported bundle in the register. */
export interface BundleEntry {
  number: string;
  createdAt: string;
  createdBy: string;
  /** Size and SHA-256 (lowercase hex) of the whole .closeout file. */
  size: number;
  sha256: string;
  payloadSha256: string;
  counts: BundleCounts;
  fates: FateFunnel;
  recipients: BundleRecipient[];
  copies: BundleCopy[];
}

export interface ArchiveRegister {
  bundles: BundleEntry[];
  /** The number the next export will take. */
  next: string;
  /** The vault's signing key, for custodians to check who signed a bundle. */
  signer: { keyId: string; publicKeyFile: string };
}

/** Custody keys of this vault and an optional extra age public key; or a passphrase instead. */
export interface ExportOptions {
  keyIds?: string[];
  extraRecipient?: string;
  passphrase?: string;
}

export interface ExportProgress {
  phase: 'records' | 'audit' | 'attachments' | 'finishing';
  done: number;
  total: number;
}

export interface ExportResult {
  entry: BundleEntry;
  fileName: string;
  /** The .closeout file, assembled in the worker. */
  blob: Blob;
  /** Checklist items the export ticked. */
  ticked: string[];
  evidence: ActionEvidence;
  /** Audit events that failed their check and were left out of audit-log.jsonl. */
  damagedEvents: number;
}

/** How to decrypt an opened bundle. */
export type BundleKey =
  | { kind: 'custody' }
  | { kind: 'key-file'; text: string; passphrase?: string }
  | { kind: 'passphrase'; passphrase: string };

/** A bundle that passed verification (no key needed). */
export interface VerifiedBundle {
  openId: string;
  manifest: BundleManifest;
  keyId: string;
  trustedComment: string;
  /** True when the open vault signed it; false when another key did; null with no vault open. */
  signedHere: boolean | null;
  /** True when the open vault's register lists it with the same hash. */
  registered: boolean | null;
  /** True when a custody key of the open vault is among its recipients. */
  custodyKeyHere: boolean;
  passphrase: boolean;
  size: number;
  sha256: string;
}

/** A record of an opened bundle, masked. */
export interface PreviewRecord {
  customerNo: string;
  kind: CustomerKind;
  name: string;
  id: string;
  phone: string;
  categories: Category[];
  status: FateStatus;
}

export interface BundlePreview {
  number: string;
  records: number;
  attachments: number;
  auditEvents: number;
  checklist: boolean;
  fates: FateFunnel;
  first: PreviewRecord[];
}

export interface RestoreInput {
  label: string;
  operator: string;
  passphrase: string;
}

export interface RestoreResult {
  /** The new vault, unlocked; its recovery key is shown once. */
  vault: CreatedVault;
  restored: number;
  number: string;
}
