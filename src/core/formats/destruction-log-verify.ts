/**
 * Verifying an exported destruction log: the minisign signature over the whole file, then the
 * chain line by line, then the checkpoint against the chain and the signed trusted comment.
 * Every problem is reported with its line number and reason, not just the first, so a reviewer
 * sees where the file was changed; the chain is checked even when the signature fails.
 */
import { AppError, errorCode } from '../errors.ts';
import { utf8 } from '../bytes.ts';
import { parsePublicKey, parseSignature, verify, type MinisignPublicKey } from './minisign.ts';
import { GENESIS, LOG_NAME, LOG_VERSION, checkEntry, checkpointLine, entryLine, lineHash, logTrustedComment, type DestructionEntry } from './destruction-log.ts';

export type LogProblemReason =
  | 'wrong-key'
  | 'signature'
  | 'signature-malformed'
  | 'no-final-newline'
  | 'malformed'
  | 'version'
  | 'seq'
  | 'prev'
  | 'checkpoint-not-last'
  | 'missing-checkpoint'
  | 'checkpoint'
  | 'trusted-comment';

export interface LogProblem {
  /** 1-based line of the log; null for the signature as a whole. */
  line: number | null;
  reason: LogProblemReason;
  message: string;
}

export interface LogReport {
  ok: boolean;
  /** Entries read (checkpoint excluded). */
  count: number;
  /** Hash of the last entry line. */
  head: string;
  keyId?: string;
  trustedComment?: string;
  entries: DestructionEntry[];
  problems: LogProblem[];
}

/**
 * Verifies an exported log against its .minisig text and the signer's public key (key file
 * text, base64 line or parsed key). Never throws for a bad log: `ok` is false and `problems`
 * names each finding. Throws INVALID_INPUT only for an unreadable public key.
 */
export function verifyLog(text: string, sigText: string, publicKey: string | MinisignPublicKey): LogReport {
  const pk = typeof publicKey === 'string' ? parsePublicKey(publicKey) : publicKey;
  const problems: LogProblem[] = [];
  const report: LogReport = { ok: false, count: 0, head: GENESIS, entries: [], problems };
  try {
    const r = verify(utf8(text), sigText, pk);
    report.keyId = r.keyId;
    report.trustedComment = r.trustedComment;
  } catch (e) {
    const code = errorCode(e);
    const msg = e instanceof Error ? e.message : String(e);
    if (code === 'NO_MATCHING_KEY') problems.push({ line: null, reason: 'wrong-key', message: msg });
    else if (code === 'AUTH_FAILED') problems.push({ line: null, reason: 'signature', message: 'The signature does not match the file: the log was changed after it was signed.' });
    else if (code === 'INVALID_INPUT' || code === 'UNSUPPORTED_VERSION') problems.push({ line: null, reason: 'signature-malformed', message: msg });
    else throw e;
  }

  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else problems.push({ line: lines.length, reason: 'no-final-newline', message: `Line ${lines.length} has no final newline: the file is cut short.` });
  let prev = GENESIS;
  let checkpoint: { line: number; text: string; o: Record<string, unknown> } | undefined;
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const add = (reason: LogProblemReason, message: string) => problems.push({ line: n, reason, message: `Line ${n}: ${message}` });
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line);
      if (!o || typeof o !== 'object' || Array.isArray(o)) throw new TypeError('not an object');
    } catch {
      add('malformed', 'is not a JSON object (cut short or altered).');
      prev = lineHash(line);
      continue;
    }
    if (checkpoint) add('checkpoint-not-last', `follows the checkpoint on line ${checkpoint.line}: lines were added after the log was closed.`);
    if (typeof o.v === 'number' && o.v > LOG_VERSION) add('version', `uses destruction log version ${o.v}; this Closeout reads version ${LOG_VERSION}. Use a newer Closeout.`);
    if (o.kind === 'checkpoint') {
      checkpoint ??= { line: n, text: line, o };
      continue;
    }
    const expected = report.count + 1;
    if (o.seq !== expected) add('seq', `has seq ${String(o.seq)} where ${expected} was expected (an entry was removed, inserted or moved).`);
    if (o.prev !== prev) {
      add('prev', n === 1 ? 'its prev is not 64 zeros, as the first entry’s must be (lines were removed before it).' : `its prev does not match the hash of line ${n - 1} (that line was altered, or lines were removed, inserted or moved here).`);
    }
    try {
      checkEntry(o as unknown as DestructionEntry);
      if (entryLine(o as unknown as DestructionEntry) !== line) add('malformed', 'is not written in the canonical form (it was altered).');
    } catch (e) {
      add('malformed', e instanceof AppError ? e.message : 'is not a destruction entry.');
    }
    report.entries.push(o as unknown as DestructionEntry);
    report.count++;
    report.head = prev = lineHash(line);
  }

  if (!checkpoint) {
    problems.push({ line: lines.length + 1, reason: 'missing-checkpoint', message: 'The log ends without its checkpoint line: it is truncated.' });
  } else {
    const c = checkpoint.o;
    const where = (m: string) => problems.push({ line: checkpoint!.line, reason: 'checkpoint', message: `Line ${checkpoint!.line} (checkpoint): ${m}` });
    if (c.log !== LOG_NAME) where(`names log "${String(c.log)}", not ${LOG_NAME}.`);
    if (c.count !== report.count || c.seq !== report.count + 1) where(`says ${String(c.count)} entries, the file has ${report.count} (entries were removed or added, or the checkpoint is from another log).`);
    if (c.head !== report.head || c.prev !== report.head) where('its head is not the hash of the last entry (the last entry was altered, or the checkpoint is from another log).');
    const time = typeof c.time === 'string' && c.time.endsWith('Z') && !Number.isNaN(Date.parse(c.time)) ? c.time : undefined;
    if (!time || checkpoint.text !== checkpointLine({ count: Number(c.count), hash: String(c.head) }, time)) where('is not written in the canonical form (it was altered).');
    // Compared even when the signature failed, so a changed checkpoint is named by its line.
    const comment = report.trustedComment ?? signedComment(sigText);
    if (comment !== undefined && comment !== logTrustedComment({ count: Number(c.count), hash: String(c.head) }, String(c.time))) {
      problems.push({ line: checkpoint.line, reason: 'trusted-comment', message: `Line ${checkpoint.line} (checkpoint) does not match the signature's trusted comment (${comment}).` });
    }
  }
  report.ok = problems.length === 0;
  return report;
}

function signedComment(sigText: string): string | undefined {
  try {
    return parseSignature(sigText).trustedComment;
  } catch {
    return undefined;
  }
}
