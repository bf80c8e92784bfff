/**
 * Building an archive bundle (layout in bundle.ts) as a stream: README.txt, then payload.age as
 * age encrypts the payload ZIP chunk by chunk (hashed on the way), then the manifest and its
 * signature. Records and attachments are pulled only as fast as the output is read.
 */
import { AppError } from '../errors.ts';
import { toHex, utf8 } from '../bytes.ts';
import { memzero, sha256, sha256Stream } from '../crypto/sodium.ts';
import { createZipWriter } from './zip-write.ts';
import { encryptStream, isRecipient } from './age.ts';
import { createSigner, keyIdHex, minisignKeyPair, publicKeyBase64 } from './minisign.ts';
import { bundleReadme } from './bundle-readme.ts';
import { BUNDLE_FORMAT, BUNDLE_NUMBER, BUNDLE_VERSION, MEMBERS, PASSPHRASE_RECIPIENT, manifestText, manifestTrustedComment, type BundleManifest } from './bundle-manifest.ts';
import { emptyCounts, payloadZip, type PayloadInput } from './bundle-inner.ts';

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
