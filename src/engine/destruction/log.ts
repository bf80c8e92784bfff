/**
 * The vault's destruction log: appending entries after the sealed head (rows to write in the
 * caller's transaction), reading them back as the UI shows them, and exporting the signed file.
 */
import { memzero } from '../../core/crypto/sodium.ts';
import { advance, entryLine, exportLog, lineHash, nextEntry, type DestructionEntry, type DestructionEntryInput, type LogHead } from '../../core/formats/destruction-log.ts';
import { keyIdHex, minisignKeyPair, publicKeyFile } from '../../core/formats/minisign.ts';
import type { MetaRow } from '../../store/db.ts';
import type { Session } from '../session.ts';
import { entryRow, headRow, type EntryDetails, type EntryDoc } from './docs.ts';
import type { EntryInfo, LogExport, PhotoInfo } from './types.ts';

export const LOG_FILE = 'destruction-log.jsonl';
/** How many records an EntryInfo lists by name; the count is always complete. */
const LIST_LIMIT = 500;

export interface Appended {
  rows: MetaRow[];
  head: LogHead;
  seqs: number[];
  lines: string[];
}

/** The rows that append `entries` after `head`, and the new head. Throws INVALID_INPUT naming a bad field. */
export function append(s: Session, head: LogHead, entries: { input: DestructionEntryInput; details: EntryDetails }[]): Appended {
  const rows: MetaRow[] = [];
  const seqs: number[] = [];
  const lines: string[] = [];
  let h = head;
  for (const { input, details } of entries) {
    const e = nextEntry(h, input);
    const line = entryLine(e);
    rows.push(entryRow(s, e.seq, { line, details }));
    seqs.push(e.seq);
    lines.push(line);
    h = advance(h, line);
  }
  rows.push(headRow(s, h));
  return { rows, head: h, seqs, lines };
}

/** An entry as the UI shows it. */
export function entryInfo(doc: EntryDoc): EntryInfo {
  const e = JSON.parse(doc.line) as DestructionEntry;
  const photos: PhotoInfo[] = doc.details.photos.map(({ id, name, type, size, sha256, thumb }) => ({ id, name, type, size, sha256, thumb }));
  const info: EntryInfo = {
    seq: e.seq,
    time: e.time,
    batch: e.batch,
    kind: e.kind,
    counts: e.counts,
    records: (e.records ?? []).slice(0, LIST_LIMIT).map((r) => ({ customerNo: r.customerNo, maskedName: r.maskedName })),
    recordTotal: e.records?.length ?? 0,
    items: e.items ?? [],
    bundles: e.bundles ?? [],
    method: e.method,
    performer: e.performer,
    witnesses: e.witnesses,
    place: e.place,
    photos,
    accounting: !!doc.details.accounting,
    hash: lineHash(doc.line),
  };
  if (e.verification !== undefined) info.verification = e.verification;
  if (e.note !== undefined) info.note = e.note;
  return info;
}

/** The vault's signing key: its id (hex) and public key file. */
export function signer(s: Session): { keyId: string; publicKey: string } {
  const kp = minisignKeyPair(s.keys.signing);
  try {
    return { keyId: keyIdHex(kp.keyId), publicKey: publicKeyFile(kp) };
  } finally {
    memzero(kp.secretKey);
  }
}

/** The signed log of `lines` (checkpoint at `time`), with the public key to verify it. */
export function exportFiles(s: Session, lines: readonly string[], time: string): LogExport {
  const kp = minisignKeyPair(s.keys.signing);
  try {
    const { text, signature, head } = exportLog(lines, time, kp);
    return {
      fileName: LOG_FILE,
      text,
      signatureFileName: `${LOG_FILE}.minisig`,
      signature,
      publicKeyFileName: 'destruction-log.pub',
      publicKey: publicKeyFile(kp),
      keyId: keyIdHex(kp.keyId),
      head,
      time,
    };
  } finally {
    memzero(kp.secretKey);
  }
}
