/**
 * What the checklist use cases offer the UI, as plain data that crosses the worker boundary.
 * The UI turns a snapshot into the checklist with the pure rules (generateChecklist).
 */
import type { ActionName, ChecklistStates, FirmProfile, ItemStatus } from '../../core/domain/checklists/index.ts';

export type { ActionName, ChecklistStates, FirmProfile, ItemStatus };

/** The largest evidence file accepted: 20 MiB (the UI says "20 MB"). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Plaintext bytes per stored chunk: 1 MiB. */
// FORMAT: never change; add a version
export const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;

/** The types an attachment may have, decided from the file's first bytes (never its name). */
export type AttachmentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/heic' | 'application/pdf';

export const ATTACHMENT_TYPES: readonly AttachmentType[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'application/pdf'];

/** `details.reason` of an INVALID_INPUT error for a refused attachment. */
export type AttachmentFailure = 'EMPTY' | 'TOO_LARGE' | 'WRONG_TYPE';

export interface ChecklistLimits {
  maxBytes: number;
  types: readonly AttachmentType[];
}

/** One evidence file of an item, as the UI lists it. */
export interface AttachmentInfo {
  id: string;
  itemId: string;
  /** The file name the user gave, shortened to 120 characters. */
  name: string;
  type: AttachmentType;
  size: number;
  /** ISO time it was attached, and the operator who attached it. */
  at: string;
  by: string;
  /** True when a sealed thumbnail exists (images, where the worker could draw one). */
  thumb: boolean;
}

/** Who completed an item and when (also in the audit log as checklist.item-done). */
export interface Completion {
  by: string;
  at: string;
}

/** A vault's checklist: its profile (null until saved), item states, completions and evidence files. */
export interface ChecklistSnapshot {
  profile: FirmProfile | null;
  states: ChecklistStates;
  done: Readonly<Record<string, Completion>>;
  attachments: AttachmentInfo[];
}

/**
 * A change to one item; absent keys stay as they are, '' clears owner, due or notes. A reason
 * is required with status 'na'.
 */
export interface ItemPatch {
  status?: ItemStatus;
  naReason?: string;
  owner?: string;
  /** YYYY-MM-DD. */
  due?: string;
  notes?: string;
}

/** An action of the app offered as evidence (e.g. ImportResult.evidence). */
export interface ActionEvidence {
  action: ActionName;
  ref: string;
  label: string;
  at: string;
}

/** A decrypted attachment handed to the page; the page revokes any object URL it makes of it. */
export interface AttachmentFile {
  name: string;
  type: AttachmentType;
  blob: Blob;
}
