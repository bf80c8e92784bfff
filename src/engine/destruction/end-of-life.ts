/**
 * A vault's end of life: the final destruction entry (kind "vault": every key slot and every
 * stored row of the vault deleted), exported with the whole log and the certificate before
 * anything is deleted, since nothing of the vault remains to hold it afterwards. The export
 * returns a token (the final log's head); deleting the vault needs it, so the files the user
 * saved are the ones that describe the deletion.
 */
import { AppError } from '../../core/errors.ts';
import { recordRef, type DestructionEntryInput } from '../../core/formats/destruction-log.ts';
import type { Session } from '../session.ts';
import { APP_VERSION } from '../archive/export.ts';
import { nextBatchNumber, type BatchesDoc, type EntryDoc } from './docs.ts';
import { entryInfo } from './log.ts';
import { text } from './plan.ts';

export interface FinalInput {
  witnesses?: string[];
  place?: string;
}

/** The final entry of a vault: its remaining records (as references) and what is deleted with it. */
export function finalEntry(
  s: Session,
  o: { doc: BatchesDoc; year: number; time: string; slots: number; custodyKeys: number; input: FinalInput },
): DestructionEntryInput {
  const refs = [...s.records.all()].map((r) => recordRef(s.keys.digest, r));
  const place = text(o.input?.place, 'place', 'Say where the device is', true) || 'browser storage (IndexedDB) of this device';
  const witnesses = (Array.isArray(o.input?.witnesses) ? o.input.witnesses : []).map((w) => (typeof w === 'string' ? w.trim() : '')).filter(Boolean);
  return {
    time: o.time,
    batch: nextBatchNumber(o.doc, o.year).number,
    kind: 'vault',
    counts: { records: refs.length, keySlots: o.slots, custodyKeys: o.custodyKeys, auditEvents: s.head.seq },
    records: refs,
    method: {
      category: 'purge',
      technique:
        'cryptographic erase of the vault: every key slot (each a wrapped copy of the vault key) and every stored row of the vault deleted from browser storage, right after this log was exported',
      tool: `Closeout ${APP_VERSION}`,
    },
    performer: s.actor,
    witnesses,
    place,
    verification: 'the vault no longer appears in the app’s vault list; no key slot remains to open any fragment the browser may keep',
    note: 'The printed recovery sheet opens nothing once the key slots are deleted; shred it and keep this log with the certificate. Custody keys held outside the vault (key sheets, key files) still open their bundles.',
  };
}

/** The final entry as the certificate lists it. */
export function finalInfo(line: string) {
  return entryInfo({ v: 1, line, details: { photos: [] } } as EntryDoc);
}

/** CONFLICT unless `token` is the head of the final log exported in this session and nothing was logged since. */
export function checkToken(pending: { vaultId: string; token: string; base: string } | null, s: Session, token: string, currentHead: string, label: string): void {
  if (!pending || pending.vaultId !== s.vaultId || pending.token !== token) {
    throw new AppError('CONFLICT', 'Export the final destruction log and certificate first; the vault is deleted only after they are saved.', { details: { reason: 'NO_FINAL_EXPORT' } });
  }
  if (pending.base !== currentHead) {
    throw new AppError('CONFLICT', 'The destruction log changed after the final export; export it again.', { details: { reason: 'STALE_FINAL_EXPORT' } });
  }
  if (typeof label !== 'string' || label.trim() !== s.label) {
    throw new AppError('INVALID_INPUT', 'Type the vault’s label exactly to confirm its deletion.', { details: { field: 'label' } });
  }
}
