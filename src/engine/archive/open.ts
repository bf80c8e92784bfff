/**
 * Opening a bundle in the app: verify without any key, decrypt with the key the user gives,
 * read the payload ZIP defensively and check every record before anything is shown or stored.
 * Errors keep their code and reason and gain `details.stage` — `bundle` (the file as a whole),
 * `decrypt` (the key or payload.age), `payload` (the decrypted ZIP) or `records` — so the UI can
 * say which part is wrong. Nothing here writes to storage.
 */
import { AppError, errorCode } from '../../core/errors.ts';
import { fromUtf8, toHex } from '../../core/bytes.ts';
import { sha256 } from '../../core/crypto/sodium.ts';
import type { AgeKeys } from '../../core/formats/age.ts';
import { isArmored, parseIdentityFile, unprotectIdentity } from '../../core/formats/age-key-file.ts';
import { decryptPayload, readPayload, verifyBundle, type BundleReport } from '../../core/formats/bundle.ts';
import { INNER, parseRecordLines, type BundleRecord } from '../../core/formats/bundle-inner.ts';
import { PASSPHRASE_RECIPIENT } from '../../core/formats/bundle-manifest.ts';
import { isFieldKey } from '../../core/domain/fields.ts';
import { maskId, maskName, maskPhone } from '../../core/domain/pii/mask.ts';
import { summarise, type CustomerRecord, type RecordFields } from '../../core/domain/record.ts';
import { fateStatus, funnelOf, parseBundleFate } from '../../core/domain/retention/index.ts';
import type { Page } from '../types.ts';
import type { BundleKey, BundlePreview, PreviewRecord } from './types.ts';

/** The largest bundle opened in the app: it is read whole into the worker's memory. */
export const MAX_OPEN_BYTES = 1024 * 1024 * 1024;

export type Stage = 'bundle' | 'decrypt' | 'payload' | 'records';

/** Runs `fn`, adding `stage` to the details of what it throws; anything without a code becomes INVALID_INPUT. */
export async function staged<T>(stage: Stage, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = errorCode(e);
    if (code === 'AbortError') throw e;
    const o = e as AppError;
    if (code) throw new AppError(o.code ?? (code as AppError['code']), o.message, { cause: e, details: { ...(o.details ?? {}), stage } });
    throw new AppError('INVALID_INPUT', 'The bundle could not be read: it is damaged or not a Closeout bundle. Use another copy.', { cause: e, details: { reason: 'malformed', stage } });
  }
}

/** Reads a Blob or takes bytes (size checked first). */
export async function readBundleFile(file: Blob | Uint8Array): Promise<Uint8Array> {
  const size = file instanceof Uint8Array ? file.length : typeof (file as Blob)?.size === 'number' ? (file as Blob).size : -1;
  if (size < 0) throw new AppError('INVALID_INPUT', 'Choose a bundle file (.closeout).', { details: { reason: 'no-file', stage: 'bundle' } });
  if (size === 0) throw new AppError('INVALID_INPUT', 'The file is empty. Choose the bundle file (.closeout) itself.', { details: { reason: 'not-zip', stage: 'bundle' } });
  if (size > MAX_OPEN_BYTES) throw new AppError('INVALID_INPUT', 'The bundle is larger than 1 GiB; open it with the command line (npx closeout decrypt).', { details: { reason: 'too-large', stage: 'bundle' } });
  return file instanceof Uint8Array ? file : new Uint8Array(await (file as Blob).arrayBuffer());
}

/** Verifies without a key. Throws verifyBundle's codes with stage "bundle". */
export function verifyFile(bytes: Uint8Array): Promise<{ report: BundleReport; sha256: string }> {
  return staged('bundle', () => ({ report: verifyBundle(bytes), sha256: toHex(sha256(bytes)) }));
}

/** The age keys for a BundleKey; `custody` gives the open vault's identities. */
export async function ageKeys(key: BundleKey, custody: () => string[]): Promise<AgeKeys> {
  return staged('decrypt', async () => {
    switch (key?.kind) {
      case 'custody':
        return { identities: custody() };
      case 'passphrase':
        if (!key.passphrase) throw new AppError('INVALID_INPUT', 'Enter the bundle’s passphrase.', { details: { reason: 'empty-passphrase' } });
        return { passphrase: key.passphrase };
      case 'key-file': {
        const text = typeof key.text === 'string' ? key.text : '';
        if (isArmored(text)) {
          if (!key.passphrase) throw new AppError('INVALID_INPUT', 'This key file is protected by a passphrase; enter it.', { details: { reason: 'key-file-passphrase' } });
          return { identities: await unprotectIdentity(text, key.passphrase) };
        }
        return { identities: parseIdentityFile(text) };
      }
      default:
        throw new AppError('INVALID_INPUT', 'Choose how to decrypt the bundle.', { details: { reason: 'no-key' } });
    }
  });
}

export interface Decrypted {
  number: string;
  records: CustomerRecord[];
  attachments: number;
  auditEvents: number;
  checklist: boolean;
}

/** Decrypts a verified bundle and checks its payload and every record. */
export async function decryptBundle(bytes: Uint8Array, report: BundleReport, keys: AgeKeys): Promise<Decrypted> {
  const needsPassphrase = report.manifest.payload.recipients.includes(PASSPHRASE_RECIPIENT);
  if ('passphrase' in keys && !needsPassphrase) {
    throw new AppError('NO_MATCHING_KEY', 'This bundle is encrypted to custody keys, not to a passphrase: choose a custody key or key file.', { details: { reason: 'needs-identity', stage: 'decrypt' } });
  }
  if (!('passphrase' in keys) && needsPassphrase) {
    throw new AppError('NO_MATCHING_KEY', 'This bundle is encrypted with a passphrase, not to a custody key: enter its passphrase.', { details: { reason: 'needs-passphrase', stage: 'decrypt' } });
  }
  const zip = await staged('decrypt', () => decryptPayload(bytes, keys));
  const files = await staged('payload', () => readPayload(zip, report.manifest.number));
  const records = await staged('records', () => parseRecordLines(files.get(INNER.records)!).map((r, i) => restoredRecord(r, i + 1)));
  await staged('records', () => noDuplicates(records));
  const log = files.get(INNER.auditLog)!;
  let auditEvents = 0;
  for (const b of log) if (b === 10) auditEvents++;
  const attachments = [...files.keys()].filter((n) => n.startsWith(INNER.attachments) && !n.endsWith('/')).length;
  return { number: report.manifest.number, records, attachments, auditEvents, checklist: fromUtf8(files.get(INNER.checklist)!).trim() !== 'null' };
}

const str = (x: unknown): x is string => typeof x === 'string';

function badRecord(line: number, why: string, reason = 'record-line'): AppError {
  return new AppError('INVALID_INPUT', `records.jsonl line ${line}: ${why}.`, { details: { reason, line } });
}

/** A record of records.jsonl as it will be stored, checked field by field. */
export function restoredRecord(r: BundleRecord, line: number): CustomerRecord {
  if (!/^[0-9a-f]{32}$/.test(r.id)) throw badRecord(line, 'the id is not 32 hexadecimal characters');
  if (r.kind !== 'person' && r.kind !== 'organisation') throw badRecord(line, 'the customer type is neither person nor organisation');
  if (!r.customerNo.trim()) throw badRecord(line, 'the customer number is empty');
  if (!str(r.createdAt) || !str(r.updatedAt)) throw badRecord(line, 'a time is missing');
  const fields: RecordFields = {};
  for (const [k, v] of Object.entries(r.fields)) {
    if (!isFieldKey(k)) throw badRecord(line, `unknown field ${JSON.stringify(k)}`, 'record-field');
    if (!str(v)) throw badRecord(line, `field ${k} is not text`, 'record-field');
    if (v) fields[k] = v;
  }
  const out: CustomerRecord = { id: r.id, kind: r.kind, customerNo: r.customerNo, fields, createdAt: r.createdAt, updatedAt: r.updatedAt };
  if ((r as { sample?: unknown }).sample === true) out.sample = true;
  return Object.assign(out, parseBundleFate(r.fate, line));
}

function noDuplicates(records: CustomerRecord[]): void {
  const seen = new Set<string>();
  for (const [i, r] of records.entries()) {
    if (seen.has(r.id)) throw badRecord(i + 1, 'the same record appears twice', 'duplicate-record');
    seen.add(r.id);
  }
}

/** A record as the preview shows it: masked. */
export function previewOf(r: CustomerRecord): PreviewRecord {
  return {
    customerNo: r.customerNo,
    kind: r.kind,
    name: maskName(r.fields.name ?? ''),
    id: maskId(r.fields.idNumber ?? r.fields.uscc ?? ''),
    phone: maskPhone(r.fields.phone ?? ''),
    categories: summarise(r.fields).categories,
    status: fateStatus(r),
  };
}

export function previewPage(d: Decrypted, offset = 0, limit = 50): Page<PreviewRecord> {
  const from = Math.max(0, offset);
  return { total: d.records.length, offset: from, items: d.records.slice(from, from + Math.min(200, Math.max(1, limit))).map(previewOf) };
}

export function previewOfBundle(d: Decrypted): BundlePreview {
  return { number: d.number, records: d.records.length, attachments: d.attachments, auditEvents: d.auditEvents, checklist: d.checklist, fates: funnelOf(d.records), first: previewPage(d, 0, 20).items };
}
