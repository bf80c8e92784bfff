/**
 * Archive bundle v1 (`ARC-YYYY-NNNN.closeout`, DESIGN §5): a ZIP of, in this order,
 *   README.txt             how to verify and decrypt with unzip, minisign, sha256sum and age
 *   payload.age            age v1 encryption of the payload ZIP (bundle-inner.ts)
 *   manifest.json          bundle-manifest.ts: no personal data; the payload's size and SHA-256
 *   manifest.json.minisig  minisign signature of manifest.json by the vault's signing key
 * The payload comes before the manifest so the bundle streams out in one pass: its hash is
 * known only once it is written. Every member is stored (not deflated) and the container has
 * the exact layout zip-write.ts makes, which verification demands, so that any changed byte
 * anywhere in the file is detected.
 */
import { AppError } from '../errors.ts';
import { fromUtf8, toHex, utf8 } from '../bytes.ts';
import { memzero, sha256, sha256Stream } from '../crypto/sodium.ts';
import { createZipWriter } from './zip-write.ts';
import { extractEntry, readZip, readZipFiles, type ZipEntry, type ZipLimits } from './zip-safe.ts';
import { decrypt, encryptStream, isRecipient, type AgeKeys } from './age.ts';
import { createSigner, keyIdHex, minisignKeyPair, parsePublicKey, publicKeyBase64, textOf, verify, type MinisignPublicKey } from './minisign.ts';
import { bundleReadme } from './bundle-readme.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_NUMBER,
  BUNDLE_VERSION,
  MEMBERS,
  PASSPHRASE_RECIPIENT,
  manifestText,
  manifestTrustedComment,
  parseManifest,
  type BundleManifest,
} from './bundle-manifest.ts';
import { INNER, PAYLOAD_FORMAT, emptyCounts, payloadZip, type PayloadInput } from './bundle-inner.ts';

export type { BundleManifest } from './bundle-manifest.ts';
export type { BundleRecord, BundleAttachment } from './bundle-inner.ts';

export interface BundleInput extends PayloadInput {
  /** ARC-YYYY-NNNN, numbered per vault, never reused. */
  number: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  appVersion: string;
  /** The vault's signing subkey (Subkeys.signing): 32 bytes, used as the Ed25519 seed. */
  signingSeed: Uint8Array;
  /** Custody keys and optional extra age public keys… */
  recipients?: readonly string[];
  /** …or a passphrase instead (age does not allow both in one file). */
  passphrase?: string;
  /** scrypt cost for a passphrase (age's default, 18, unless tests need speed). */
  scryptLogN?: number;
}

export interface BundleResult {
  manifest: BundleManifest;
  /** Size and SHA-256 (lowercase hex) of the whole .closeout file, for the register of bundles. */
  size: number;
  sha256: string;
}

/**
 * Builds a bundle as a stream of chunks, pulling records and attachments only as fast as the
 * chunks are consumed (bounded memory). `result` resolves once every chunk was read. Throws
 * (from the iteration) INVALID_INPUT for bad input, AbortError on `signal`.
 */
export function buildBundle(input: BundleInput): { chunks: AsyncGenerator<Uint8Array>; result: Promise<BundleResult> } {
  let settle!: { ok: (r: BundleResult) => void; fail: (e: unknown) => void };
  const result = new Promise<BundleResult>((ok, fail) => (settle = { ok, fail }));
  result.catch(() => undefined);
  let manifest: BundleManifest | undefined;
  async function* run(): AsyncGenerator<Uint8Array> {
    const whole = sha256Stream();
    let size = 0;
    try {
      for await (const chunk of bundleChunks(input, (m) => (manifest = m))) {
        whole.update(chunk);
        size += chunk.length;
        yield chunk;
      }
      settle.ok({ manifest: manifest!, size, sha256: toHex(whole.final()) });
    } catch (e) {
      settle.fail(e);
      throw e;
    } finally {
      settle.fail(new AppError('AbortError', 'The bundle was not read to its end.'));
    }
  }
  return { chunks: run(), result };
}

/** Builds a whole bundle in memory (small bundles, tests). */
export async function buildBundleBytes(input: BundleInput): Promise<{ bytes: Uint8Array } & BundleResult> {
  const { chunks, result } = buildBundle(input);
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((o, p) => (bytes.set(p, o), o + p.length), 0);
  return { bytes, ...(await result) };
}

async function* bundleChunks(input: BundleInput, done: (m: BundleManifest) => void): AsyncGenerator<Uint8Array> {
  const target = checkInput(input);
  const kp = minisignKeyPair(input.signingSeed);
  try {
    const w = createZipWriter({ mtime: new Date(input.createdAt) });
    const signer = { keyId: keyIdHex(kp.keyId), publicKey: publicKeyBase64(kp) };
    const readme = utf8(
      bundleReadme({ number: input.number, createdAt: input.createdAt, appVersion: input.appVersion, ...signer, passphrase: 'passphrase' in target }),
    );
    const r = w.add(MEMBERS.readme);
    r.push(readme);
    r.end();
    yield* w.take();

    const counts = emptyCounts();
    const p = w.add(MEMBERS.payload);
    const hash = sha256Stream();
    let size = 0;
    for await (const chunk of encryptStream(payloadZip(input, counts), target)) {
      hash.update(chunk);
      size += chunk.length;
      p.push(chunk);
      yield* w.take();
    }
    p.end();

    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      number: input.number,
      createdAt: input.createdAt,
      app: { name: 'closeout', version: input.appVersion },
      counts,
      payload: {
        file: MEMBERS.payload,
        encryption: 'age-v1',
        recipients: 'passphrase' in target ? [PASSPHRASE_RECIPIENT] : [...target.recipients],
        size,
        sha256: toHex(hash.final()),
      },
      readme: { file: MEMBERS.readme, size: readme.length, sha256: toHex(sha256(readme)) },
      signer: { algorithm: 'minisign-ED', ...signer },
    };
    const text = utf8(manifestText(manifest));
    const s = createSigner(kp);
    s.update(text);
    const sig = s.finish({ trustedComment: manifestTrustedComment(manifest), untrustedComment: `signature of ${input.number} manifest.json by closeout key ${signer.keyId}` });
    for (const [name, bytes] of [
      [MEMBERS.manifest, text],
      [MEMBERS.signature, utf8(sig)],
    ] as const) {
      const m = w.add(name);
      m.push(bytes);
      m.end();
    }
    w.end();
    yield* w.take();
    done(manifest);
  } finally {
    memzero(kp.secretKey);
  }
}

function checkInput(i: BundleInput): { recipients: readonly string[] } | { passphrase: string; scryptLogN?: number } {
  const bad = (reason: string, message: string) => new AppError('INVALID_INPUT', message, { details: { reason } });
  if (!BUNDLE_NUMBER.test(i.number)) throw bad('number', `A bundle number looks like ARC-2026-0001, not ${i.number}.`);
  if (Number.isNaN(Date.parse(i.createdAt)) || !i.createdAt.endsWith('Z')) throw bad('created-at', 'The creation time must be an ISO 8601 UTC time.');
  if (i.signingSeed?.length !== 32) throw bad('signing-seed', 'The signing seed is 32 bytes.');
  if (i.passphrase !== undefined && i.recipients !== undefined) {
    throw bad('passphrase-and-recipients', 'age cannot encrypt one file to a passphrase and to keys together. Choose custody keys or a passphrase.');
  }
  if (i.passphrase !== undefined) return { passphrase: i.passphrase, scryptLogN: i.scryptLogN };
  if (!i.recipients?.length) throw bad('no-recipient', 'Choose at least one custody key, or a passphrase.');
  for (const r of i.recipients) if (!isRecipient(r)) throw bad('recipient', `${r} is not an age public key (age1…).`);
  return { recipients: i.recipients };
}

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
  const entries = readZip(bytes);
  const payload = entries.find((e) => e.name === MEMBERS.payload)!;
  const zip = await decrypt(extractEntry(bytes, payload), keys);
  const files = readZipFiles(zip, { limits: { ...PAYLOAD_LIMITS, ...opts.limits } });
  for (const name of [INNER.meta, INNER.records, INNER.csv, INNER.checklist, INNER.auditLog]) {
    if (!files.has(name)) throw new AppError('INVALID_INPUT', `The bundle's payload has no ${name}.`, { details: { reason: 'missing-member', name } });
  }
  let meta: { format?: unknown; version?: unknown; number?: unknown };
  try {
    meta = JSON.parse(fromUtf8(files.get(INNER.meta)!));
  } catch (cause) {
    throw new AppError('INVALID_INPUT', 'The payload’s bundle.json is malformed.', { cause, details: { reason: 'payload-meta' } });
  }
  if (meta.format !== PAYLOAD_FORMAT) throw new AppError('INVALID_INPUT', 'The payload is not a Closeout bundle payload.', { details: { reason: 'payload-meta' } });
  if (meta.version !== 1) throw new AppError('UNSUPPORTED_VERSION', `The payload uses format version ${String(meta.version)}. Use a newer Closeout.`, { details: { reason: 'payload-version' } });
  if (meta.number !== report.manifest.number) throw new AppError('AUTH_FAILED', 'The payload names another bundle number than its manifest.', { details: { reason: 'payload-number' } });
  return { ...report, files };
}
