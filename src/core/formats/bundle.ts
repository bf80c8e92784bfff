/**
 * Archive bundle v1 (`ARC-YYYY-NNNN.closeout`, DESIGN §5): a ZIP of, in this order,
 *   README.txt             how to verify and decrypt with unzip, minisign, sha256sum and age
 *   payload.age            age v1 encryption of the payload ZIP (bundle-inner.ts)
 *   manifest.json          bundle-manifest.ts: no personal data; the payload's size and SHA-256
 *   manifest.json.minisig  minisign signature of manifest.json by the vault's signing key
 * The payload comes before the manifest so the bundle streams out in one pass: its hash is
 * known only once it is written. Every member is stored (not deflated) and the container has
 * the exact layout zip-write.ts makes, which verification demands, so that any changed byte
 * anywhere in the file is detected. This file verifies and opens; bundle-build.ts builds.
 */
import { AppError } from '../errors.ts';
import { fromUtf8, toHex } from '../bytes.ts';
import { sha256 } from '../crypto/sodium.ts';
import { extractEntry, readZip, readZipFiles, type ZipEntry, type ZipLimits } from './zip-safe.ts';
import { decrypt, type AgeKeys } from './age.ts';
import { parsePublicKey, textOf, verify, type MinisignPublicKey } from './minisign.ts';
import { MEMBERS, manifestTrustedComment, parseManifest, type BundleManifest } from './bundle-manifest.ts';
import { INNER, PAYLOAD_FORMAT } from './bundle-inner.ts';

export type { BundleManifest } from './bundle-manifest.ts';
export type { BundleRecord, BundleAttachment } from './bundle-inner.ts';
export { buildBundle, buildBundleBytes, type BundleInput, type BundleResult } from './bundle-build.ts';

export interface VerifyOptions {
  /** The vault's signing key as a minisign key file or base64 line. Without it, authorship is not checked. */
  publicKey?: string | MinisignPublicKey;
}

export interface BundleReport {
  manifest: BundleManifest;
  /** Signer key id as minisign prints it. */
  keyId: string;
  trustedComment: string;
  /** True when a public key was given and matched; false when none was given. */
  signerChecked: boolean;
}

/**
 * Verifies a bundle without any decryption key: container, format version, signature of the
 * manifest, README and payload size and SHA-256. Throws INVALID_INPUT (not a ZIP, not a bundle,
 * missing or unexpected member), TRUNCATED, UNSUPPORTED_VERSION, NO_MATCHING_KEY (signed by
 * another key than `publicKey`) or AUTH_FAILED (any altered byte; details.reason "other-bundle"
 * when the manifest belongs to another bundle).
 */
export function verifyBundle(bytes: Uint8Array, opts: VerifyOptions = {}): BundleReport {
  const entries = readZip(bytes, { limits: { maxEntries: 16 } });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const member = (name: string): ZipEntry => {
    const e = byName.get(name);
    if (!e) throw new AppError('INVALID_INPUT', `The bundle has no ${name}: it is incomplete or not a Closeout bundle.`, { details: { reason: 'missing-member', name } });
    return e;
  };
  const manifestBytes = extractEntry(bytes, member(MEMBERS.manifest));
  const manifest = parseManifest(textOf(manifestBytes, 'manifest.json'));
  for (const e of entries) {
    if (!(Object.values(MEMBERS) as string[]).includes(e.name)) {
      throw new AppError('INVALID_INPUT', `The bundle holds an unexpected file ${e.name}.`, { details: { reason: 'unexpected-member', name: e.name } });
    }
  }
  readZip(bytes, { canonical: true, limits: { maxEntries: 16 } });
  const sigText = textOf(extractEntry(bytes, member(MEMBERS.signature)), 'manifest.json.minisig');
  const declared = parsePublicKey(manifest.signer.publicKey);
  let signer = declared;
  if (opts.publicKey !== undefined) signer = typeof opts.publicKey === 'string' ? parsePublicKey(opts.publicKey) : opts.publicKey;
  const { trustedComment, keyId } = verify(manifestBytes, sigText, signer);
  if (toHex(signer.publicKey) !== toHex(declared.publicKey) || keyId !== manifest.signer.keyId) {
    throw new AppError('AUTH_FAILED', 'The manifest names another signing key than the one that signed it.', { details: { reason: 'signer' } });
  }
  if (trustedComment !== manifestTrustedComment(manifest)) {
    throw new AppError('AUTH_FAILED', 'The signature’s trusted comment does not match the manifest.', { details: { reason: 'trusted-comment' } });
  }
  const readme = extractEntry(bytes, member(MEMBERS.readme));
  const payload = member(MEMBERS.payload);
  const readmeOk = readme.length === manifest.readme.size && toHex(sha256(readme)) === manifest.readme.sha256;
  const payloadOk = payload.size === manifest.payload.size && toHex(sha256(extractEntry(bytes, payload))) === manifest.payload.sha256;
  if (!payloadOk && !readmeOk) {
    throw new AppError('AUTH_FAILED', `This manifest belongs to another bundle than its payload (${manifest.number}). Use the bundle's own manifest.`, {
      details: { reason: 'other-bundle' },
    });
  }
  if (!payloadOk) throw new AppError('AUTH_FAILED', 'payload.age does not match the size and SHA-256 in the signed manifest: it was altered or damaged. Use another copy.', { details: { reason: 'payload' } });
  if (!readmeOk) throw new AppError('AUTH_FAILED', 'README.txt was altered.', { details: { reason: 'readme' } });
  return { manifest, keyId, trustedComment, signerChecked: opts.publicKey !== undefined };
}

/**
 * The manifest and member list as they stand, checked for nothing but form: for showing next to
 * a failed verification, never for trusting. Throws INVALID_INPUT, TRUNCATED, UNSUPPORTED_VERSION.
 */
export function readBundleManifest(bytes: Uint8Array): { manifest: BundleManifest; members: { name: string; size: number }[] } {
  const entries = readZip(bytes, { limits: { maxEntries: 16 } });
  const e = entries.find((x) => x.name === MEMBERS.manifest);
  if (!e) throw new AppError('INVALID_INPUT', 'The bundle has no manifest.json: it is incomplete or not a Closeout bundle.', { details: { reason: 'missing-member', name: MEMBERS.manifest } });
  const manifest = parseManifest(textOf(extractEntry(bytes, e), 'manifest.json'));
  return { manifest, members: entries.map((x) => ({ name: x.name, size: x.size })) };
}

/** Limits for the payload ZIP: it is authenticated, yet a hostile signer could still craft a bomb. */
export const PAYLOAD_LIMITS: ZipLimits = { maxEntries: 65_535, maxTotalBytes: 2 ** 31 - 1, maxEntryBytes: 2 ** 30, maxRatio: 200 };

export interface OpenedBundle extends BundleReport {
  /** Every file of the payload ZIP by its path (bundle.json, records.jsonl, attachments/…). */
  files: Map<string, Uint8Array>;
}

/**
 * Verifies, then decrypts a bundle and reads its payload ZIP through zip-safe (bombs, traversal,
 * duplicates refused). Throws what verifyBundle throws, then NO_MATCHING_KEY / WRONG_PASSPHRASE /
 * AUTH_FAILED from age, INVALID_INPUT for an unsafe payload ZIP or a missing payload member.
 */
export async function openBundle(bytes: Uint8Array, keys: AgeKeys, opts: VerifyOptions & { limits?: Partial<ZipLimits> } = {}): Promise<OpenedBundle> {
  const report = verifyBundle(bytes, opts);
  const zip = await decryptPayload(bytes, keys);
  return { ...report, files: readPayload(zip, report.manifest.number, opts.limits) };
}

/** The decrypted payload ZIP of a bundle that verifyBundle accepted. Throws age's codes. */
export function decryptPayload(bytes: Uint8Array, keys: AgeKeys): Promise<Uint8Array> {
  const payload = readZip(bytes).find((e) => e.name === MEMBERS.payload)!;
  return decrypt(extractEntry(bytes, payload), keys);
}

/**
 * The files of a decrypted payload ZIP, read through zip-safe, after checking every required
 * member and bundle.json (format, version, and the same number as the manifest `number`).
 */
export function readPayload(zip: Uint8Array, number: string, limits: Partial<ZipLimits> = {}): Map<string, Uint8Array> {
  const files = readZipFiles(zip, { limits: { ...PAYLOAD_LIMITS, ...limits } });
  for (const name of [INNER.meta, INNER.records, INNER.csv, INNER.checklist, INNER.auditLog]) {
    if (!files.has(name)) throw new AppError('INVALID_INPUT', `The bundle's payload has no ${name}: the bundle is incomplete. Use another copy.`, { details: { reason: 'missing-member', name } });
  }
  let meta: { format?: unknown; version?: unknown; number?: unknown };
  try {
    meta = JSON.parse(fromUtf8(files.get(INNER.meta)!));
  } catch (cause) {
    throw new AppError('INVALID_INPUT', 'The payload’s bundle.json is malformed. Use another copy of the bundle.', { cause, details: { reason: 'payload-meta' } });
  }
  if (meta.format !== PAYLOAD_FORMAT) throw new AppError('INVALID_INPUT', 'The payload is not a Closeout bundle payload. Use another copy of the bundle.', { details: { reason: 'payload-meta' } });
  if (meta.version !== 1) throw new AppError('UNSUPPORTED_VERSION', `The payload uses format version ${String(meta.version)}. Use a newer Closeout.`, { details: { reason: 'payload-version' } });
  if (meta.number !== number) throw new AppError('AUTH_FAILED', 'The payload names another bundle number than its manifest: the bundle was altered. Use another copy.', { details: { reason: 'payload-number' } });
  return files;
}
