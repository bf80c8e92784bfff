/**
 * `closeout`: the command line for auditors and custodians, on the same src/core as the app.
 * bin/closeout.mjs runs the build of this file (see there for why it is built).
 */
import { ready } from '../core/crypto/sodium.ts';
import { parseArgs, UsageError } from './args.ts';
import { decrypt, inspect, verify, verifyLogCommand } from './commands.ts';
import { askOnTerminal, type Io } from './io.ts';

declare const __CLOSEOUT_VERSION__: string;

export const USAGE = `closeout — verify and open Closeout archive bundles and destruction logs

  closeout verify BUNDLE [--pubkey KEY]
      Checks the bundle's signature, manifest and payload hash. No key needed.
      --pubkey also checks who signed it (the vault's minisign key file or RW… line).
  closeout inspect BUNDLE [--json]
      Shows the manifest (no personal data) and whether it verifies.
  closeout decrypt BUNDLE (--identity KEYFILE | --passphrase) --out DIR [--pubkey KEY]
      Verifies, decrypts and unpacks into DIR (new or empty; nothing outside it is written).
      KEYFILE is a custody key (AGE-SECRET-KEY-1…) or a passphrase-protected key file.
      Passphrases are asked on the terminal, or read from CLOSEOUT_PASSPHRASE.
  closeout verify-log LOG --pubkey KEY [--sig SIGFILE]
      Checks a destruction log's signature (LOG.minisig by default) and hash chain.

Exit status: 0 ok, 1 verification or decryption failed, 2 usage error.
`;

const SPEC: Record<string, { valued: string[]; flags: string[] }> = {
  verify: { valued: ['pubkey'], flags: [] },
  inspect: { valued: [], flags: ['json'] },
  decrypt: { valued: ['identity', 'out', 'pubkey'], flags: ['passphrase'] },
  'verify-log': { valued: ['pubkey', 'sig'], flags: [] },
};

/** Runs one command line; returns the exit status. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? io.stdout : io.stderr)(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === 'version') {
    io.stdout(`closeout ${typeof __CLOSEOUT_VERSION__ === 'string' ? __CLOSEOUT_VERSION__ : 'dev'}\n`);
    return 0;
  }
  const spec = SPEC[command];
  try {
    if (!spec) throw new UsageError(`Unknown command "${command}".`);
    const p = parseArgs(rest, spec.valued, spec.flags);
    await ready();
    if (command === 'verify') return verify(p, io);
    if (command === 'inspect') return inspect(p, io);
    if (command === 'decrypt') return await decrypt(p, io);
    return verifyLogCommand(p, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`closeout: ${e.message}\nRun "closeout help" for usage.\n`);
      return 2;
    }
    throw e;
  }
}

/** The process entry: real stdout, stderr, environment and terminal. */
export async function run(): Promise<void> {
  const io: Io = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    askPassphrase: askOnTerminal,
  };
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (e) {
    process.stderr.write(`closeout: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report it.\n`);
    process.exitCode = 1;
  }
}
