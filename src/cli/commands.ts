/**
 * The four commands. Each returns an exit code: 0 ok, 1 verification or decryption failed
 * (an AppError from src/core, explained with what to do), 2 usage (thrown as UsageError).
 */
import { AppError } from '../core/errors.ts';
import { fromUtf8 } from '../core/bytes.ts';
import { openBundle, readBundleManifest, verifyBundle, type BundleManifest } from '../core/formats/bundle.ts';
import type { AgeKeys } from '../core/formats/age.ts';
import { isArmored, parseIdentityFile, unprotectIdentity } from '../core/formats/age-key-file.ts';
import { verifyLog } from '../core/formats/destruction-log-verify.ts';
import { parsePublicKey } from '../core/formats/minisign.ts';
import { UsageError, type Parsed } from './args.ts';
import { passphrase, readInput, readPublicKey, readText, writeTree, type Io } from './io.ts';

function one(p: Parsed, what: string): string {
  if (p.positional.length !== 1) throw new UsageError(`Give exactly one ${what}.`);
  return p.positional[0]!;
}

function opt(p: Parsed, name: string): string | undefined {
  const v = p.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

function pubkeyOf(p: Parsed): string | undefined {
  const arg = opt(p, 'pubkey');
  if (arg === undefined) return undefined;
  const text = readPublicKey(arg);
  try {
    parsePublicKey(text);
  } catch (e) {
    throw new UsageError(`${arg} is not a minisign public key: ${(e as Error).message}`);
  }
  return text;
}

/** Explains a failure: the message (which says what to do), then the code for support. */
export function failure(io: Io, file: string, e: unknown): number {
  if (!(e instanceof AppError)) throw e;
  const reason = e.details?.reason ? `, ${String(e.details.reason)}` : '';
  io.stderr(`FAILED  ${file}\n  ${e.message}\n  (${e.code}${reason})\n`);
  return 1;
}

function summary(m: BundleManifest): string {
  const c = m.counts;
  const cats = Object.entries(c.byCategory).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `  number       ${m.number}`,
    `  created      ${m.createdAt} by Closeout ${m.app.version}`,
    `  records      ${c.records} (${cats})`,
    `  attachments  ${c.attachments} (${c.attachmentBytes} bytes); audit events ${c.auditEvents}`,
    `  payload.age  ${m.payload.size} bytes, sha256 ${m.payload.sha256}`,
    `  recipients   ${m.payload.recipients.join('\n               ')}`,
    `  signer       ${m.signer.keyId} (${m.signer.publicKey})`,
  ].join('\n');
}

export function verify(p: Parsed, io: Io): number {
  const file = one(p, 'bundle file');
  const publicKey = pubkeyOf(p);
  const bytes = readInput(file, 'bundle');
  try {
    const r = verifyBundle(bytes, { publicKey });
    io.stdout(`OK  ${file} is intact: signature, manifest and payload verified.\n${summary(r.manifest)}\n`);
    io.stdout(
      r.signerChecked
        ? `  The signer is the key you gave (${r.keyId}).\n`
        : `  Who signed it was not checked: compare key id ${r.keyId} with your register, or pass --pubkey.\n`,
    );
    return 0;
  } catch (e) {
    return failure(io, file, e);
  }
}

export function inspect(p: Parsed, io: Io): number {
  const file = one(p, 'bundle file');
  const bytes = readInput(file, 'bundle');
  let read: ReturnType<typeof readBundleManifest>;
  try {
    read = readBundleManifest(bytes);
  } catch (e) {
    return failure(io, file, e);
  }
  if (p.options.has('json')) io.stdout(JSON.stringify(read.manifest, null, 2) + '\n');
  else io.stdout(`${file}\n${summary(read.manifest)}\n  members      ${read.members.map((m) => `${m.name} (${m.size})`).join(', ')}\n`);
  try {
    verifyBundle(bytes);
    if (!p.options.has('json')) io.stdout('  verified     yes (signature, manifest, payload)\n');
    return 0;
  } catch (e) {
    io.stderr('  verified     NO: do not trust the manifest above.\n');
    return failure(io, file, e);
  }
}

export async function decrypt(p: Parsed, io: Io): Promise<number> {
  const file = one(p, 'bundle file');
  const out = opt(p, 'out');
  if (!out) throw new UsageError('Say where to write the contents: --out DIR (a new or empty folder).');
  const identity = opt(p, 'identity');
  if ((identity === undefined) === !p.options.has('passphrase')) throw new UsageError('Give either --identity KEYFILE or --passphrase.');
  const publicKey = pubkeyOf(p);
  const bytes = readInput(file, 'bundle');
  let keys: AgeKeys;
  try {
    if (identity !== undefined) {
      const text = readText(identity, 'key file');
      keys = { identities: isArmored(text) ? await unprotectIdentity(text, await passphrase(io, `Passphrase for the key file ${identity}: `)) : parseIdentityFile(text) };
    } else {
      keys = { passphrase: await passphrase(io, `Passphrase of ${file}: `) };
    }
    const opened = await openBundle(bytes, keys, { publicKey });
    const written = writeTree(out, opened.files);
    const records = fromUtf8(opened.files.get('records.jsonl')!).split('\n').filter(Boolean).length;
    io.stdout(`OK  ${file} verified and decrypted: ${written.length} files, ${records} records, written to ${out}\n`);
    io.stdout('  These files hold personal information: keep them in a controlled place and destroy them when done.\n');
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT' && identity !== undefined && ['identity-line', 'no-identity', 'armor', 'identity'].includes(String(e.details?.reason))) {
      throw new UsageError(`${identity}: ${e.message}`);
    }
    return failure(io, file, e);
  }
}

export function verifyLogCommand(p: Parsed, io: Io): number {
  const file = one(p, 'log file');
  const publicKey = pubkeyOf(p);
  if (!publicKey) throw new UsageError('Give the signer’s public key: --pubkey KEYFILE (or the RW… key itself).');
  const sigFile = opt(p, 'sig') ?? `${file}.minisig`;
  const text = readText(file, 'log');
  const sig = readText(sigFile, 'signature file');
  const r = verifyLog(text, sig, publicKey);
  if (r.ok) {
    io.stdout(`OK  ${file}: signature and chain verified.\n  entries  ${r.count}\n  head     ${r.head}\n  signer   ${r.keyId}\n`);
    return 0;
  }
  io.stderr(`FAILED  ${file}: ${r.problems.length} problem(s)\n`);
  for (const pr of r.problems) io.stderr(`  ${pr.line === null ? 'signature' : `line ${pr.line}`}: ${pr.message} (${pr.reason})\n`);
  io.stderr('  Use an unaltered copy of the exported log and its .minisig, and the vault’s public key.\n');
  return 1;
}
