/**
 * manifest.json of an archive bundle v1: what a custodian can read without any key. It holds no
 * personal data: number, dates, counts, the payload's size and SHA-256, the recipients' age
 * public keys and the signer's minisign public key. Keys are written in a fixed order,
 * two-space indented, with a final LF, so the same manifest is always the same bytes.
 */
import { AppError } from '../errors.ts';
import { CATEGORIES, type Category } from '../domain/fields.ts';

// FORMAT: never change; add a version
export const BUNDLE_FORMAT = 'closeout-bundle';
// FORMAT: never change; add a version
export const BUNDLE_VERSION = 1;
// FORMAT: never change; add a version
export const MEMBERS = { readme: 'README.txt', payload: 'payload.age', manifest: 'manifest.json', signature: 'manifest.json.minisig' } as const;
/** A recipient entry that is not a public key: the payload is encrypted to a passphrase. */
export const PASSPHRASE_RECIPIENT = 'passphrase';
/** ARC-YYYY-NNNN; more digits once a vault passes 9,999 bundles in a year. */
export const BUNDLE_NUMBER = /^ARC-\d{4}-\d{4,}$/;

export interface BundleCounts {
  records: number;
  /** Records with data in each category (a record counts once per category it has). */
  byCategory: Record<Category, number>;
  attachments: number;
  attachmentBytes: number;
  auditEvents: number;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  number: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  app: { name: 'closeout'; version: string };
  counts: BundleCounts;
  payload: {
    file: typeof MEMBERS.payload;
    encryption: 'age-v1';
    /** age public keys (`age1…`), or the single entry "passphrase". */
    recipients: string[];
    size: number;
    /** Lowercase hex. */
    sha256: string;
  };
  readme: { file: typeof MEMBERS.readme; size: number; sha256: string };
  signer: { algorithm: 'minisign-ED'; keyId: string; publicKey: string };
}

/** The manifest's bytes (fixed key order). */
export function manifestText(m: BundleManifest): string {
  const ordered: BundleManifest = {
    format: m.format,
    version: m.version,
    number: m.number,
    createdAt: m.createdAt,
    app: { name: m.app.name, version: m.app.version },
    counts: {
      records: m.counts.records,
      byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, m.counts.byCategory[c]])) as Record<Category, number>,
      attachments: m.counts.attachments,
      attachmentBytes: m.counts.attachmentBytes,
      auditEvents: m.counts.auditEvents,
    },
    payload: { file: m.payload.file, encryption: m.payload.encryption, recipients: [...m.payload.recipients], size: m.payload.size, sha256: m.payload.sha256 },
    readme: { file: m.readme.file, size: m.readme.size, sha256: m.readme.sha256 },
    signer: { algorithm: m.signer.algorithm, keyId: m.signer.keyId, publicKey: m.signer.publicKey },
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** The signed trusted comment: `minisign -V` prints it, and verification checks it matches. */
export function manifestTrustedComment(m: Pick<BundleManifest, 'number' | 'payload'>): string {
  return `${BUNDLE_FORMAT} v${BUNDLE_VERSION} ${m.number} payload.age sha256:${m.payload.sha256}`;
}

/**
 * Reads the format name and version first (so a newer bundle is refused as such), then checks
 * every field. Throws INVALID_INPUT (not a bundle manifest, or a malformed field) or
 * UNSUPPORTED_VERSION.
 */
export function parseManifest(text: string): BundleManifest {
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch (cause) {
    throw bad('it is not JSON', cause);
  }
  const o = m as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== BUNDLE_FORMAT) {
    throw new AppError('INVALID_INPUT', 'This is not a Closeout archive bundle (manifest.json names another format).', { details: { reason: 'not-a-bundle' } });
  }
  if (o.version !== BUNDLE_VERSION) {
    throw new AppError('UNSUPPORTED_VERSION', `This bundle uses format version ${String(o.version)}; this Closeout reads version ${BUNDLE_VERSION}. Use a newer Closeout.`, {
      details: { reason: 'bundle-version', version: o.version },
    });
  }
  const x = m as BundleManifest;
  const hex64 = (s: unknown) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  const ok =
    typeof x.number === 'string' &&
    BUNDLE_NUMBER.test(x.number) &&
    typeof x.createdAt === 'string' &&
    !Number.isNaN(Date.parse(x.createdAt)) &&
    x.app?.name === 'closeout' &&
    typeof x.app.version === 'string' &&
    count(x.counts?.records) &&
    count(x.counts.attachments) &&
    count(x.counts.attachmentBytes) &&
    count(x.counts.auditEvents) &&
    CATEGORIES.every((c) => count(x.counts.byCategory?.[c])) &&
    x.payload?.file === MEMBERS.payload &&
    x.payload.encryption === 'age-v1' &&
    Array.isArray(x.payload.recipients) &&
    x.payload.recipients.length > 0 &&
    x.payload.recipients.every((r) => typeof r === 'string') &&
    count(x.payload.size) &&
    hex64(x.payload.sha256) &&
    x.readme?.file === MEMBERS.readme &&
    count(x.readme.size) &&
    hex64(x.readme.sha256) &&
    x.signer?.algorithm === 'minisign-ED' &&
    typeof x.signer.keyId === 'string' &&
    typeof x.signer.publicKey === 'string';
  if (!ok) throw bad('a field is missing or malformed');
  return x;
}

function bad(why: string, cause?: unknown): AppError {
  return new AppError('INVALID_INPUT', `The bundle's manifest.json is malformed (${why}).`, { cause, details: { reason: 'manifest' } });
}
