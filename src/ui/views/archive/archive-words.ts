/**
 * Words of the archive screens that depend on data: fact citations, recipients, sizes, and a
 * sentence for anything that goes wrong, decided on the error's code, `details.reason` and
 * `details.stage` (which part of a bundle failed), never on the engine's English message.
 */
import { factById } from '../../../core/domain/checklists/facts.ts';
import type { BundleRecipient } from '../../../engine/archive/types.ts';
import type { UiError } from '../../engine-client.ts';
import { errorText } from '../../error-text.ts';
import { lang, t } from '../../i18n/index.ts';

/** "Securities Law … Art. 137" for a fact id, in the current language; the id when unknown. */
export function factLabel(id: string): string {
  const f = factById(id);
  if (!f) return id;
  return `${lang.value === 'en' ? f.source.en : f.source.zh} ${f.article}`;
}

/** True when a fact should be checked with counsel (not verified against the text). */
export function factUnverified(id: string): boolean {
  return factById(id)?.confidence !== 'verified-from-text';
}

/** Bytes as "1.4 MB" (decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

/** An age public key shortened for lists: age1abcd…wxyz. */
export function shortKey(k: string): string {
  return k.length > 20 ? `${k.slice(0, 10)}…${k.slice(-6)}` : k;
}

export function recipientText(r: BundleRecipient): string {
  const d = t().archive;
  if (r.kind === 'passphrase') return d.recipientPassphrase;
  if (r.kind === 'extra') return d.recipientExtra(shortKey(r.recipient));
  return d.recipientCustody(r.label);
}

const UNSAFE = new Set(['traversal', 'absolute', 'backslash', 'drive', 'bad-char', 'empty-segment', 'empty-name', 'symlink', 'special-file', 'duplicate', 'name-encoding']);
const BOMB = new Set(['ratio', 'too-large', 'entry-too-large', 'too-many-entries', 'size-mismatch', 'zip64']);

/** A sentence for an archive error: what is wrong and what to do. */
export function archiveErrorText(e: UiError): string {
  const d = t().archive;
  const reason = e.details?.reason;
  const stage = e.details?.stage;
  switch (e.code) {
    case 'TRUNCATED':
      return d.errTruncated;
    case 'UNSUPPORTED_VERSION':
      return d.errVersion;
    case 'WRONG_PASSPHRASE':
      return d.errWrongPassphrase;
    case 'NO_MATCHING_KEY':
      if (reason === 'needs-passphrase') return d.errNeedsPassphrase;
      if (reason === 'needs-identity') return d.errNeedsKey;
      if (reason === 'no-custody-keys') return d.errNoCustodyKeys;
      return d.errWrongKey;
    case 'AUTH_FAILED':
      if (reason === 'other-bundle' || reason === 'payload-number') return d.errOtherBundle;
      if (stage === 'bundle' || stage === 'decrypt' || stage === 'payload') return d.errAltered;
      return d.errDamagedVault;
    case 'CONFLICT':
      return d.errKeyExists;
    case 'INVALID_INPUT':
      if (stage === 'payload') return typeof reason === 'string' && UNSAFE.has(reason) ? d.errUnsafePath : typeof reason === 'string' && BOMB.has(reason) ? d.errBomb : d.errNotBundle;
      if (stage === 'records') return d.errRecords(typeof e.details?.line === 'number' ? e.details.line : 0);
      if (reason === 'not-zip') return d.errNotZip;
      if (reason === 'too-large' && stage === 'bundle') return d.errTooLarge;
      if (reason === 'key-file-passphrase') return d.errKeyFilePassphrase;
      if (reason === 'identity-line' || reason === 'no-identity' || reason === 'identity' || reason === 'armor') return d.errKeyFile;
      if (reason === 'passphrase-and-recipients') return d.errPassAndKeys;
      if (reason === 'no-recipient') return d.errNoRecipient;
      if (reason === 'recipient') return d.errRecipient;
      if (stage === 'bundle') return d.errNotBundle;
      return errorText(e);
    default:
      return errorText(e);
  }
}
