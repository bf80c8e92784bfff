/**
 * The CLI's contact with the machine: reading inputs, asking for a passphrase without echo,
 * and writing decrypted files only inside the chosen folder, readable by the owner alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './args.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  /** Asks for a passphrase on the terminal; undefined when there is no terminal. */
  askPassphrase: (prompt: string) => Promise<string | undefined>;
}

/** Reads a file the user named; a missing or unreadable file is a usage error. */
export function readInput(file: string, what: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(`Cannot read the ${what} ${file}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : ''}.`);
  }
}

export function readText(file: string, what: string): string {
  return new TextDecoder().decode(readInput(file, what));
}

/** A minisign public key given as a file path or as the base64 line itself (like minisign -P). */
export function readPublicKey(arg: string): string {
  if (/^RW[A-Za-z0-9+/]{54}$/.test(arg) && !fs.existsSync(arg)) return arg;
  return readText(arg, 'public key file');
}

/** A passphrase from CLOSEOUT_PASSPHRASE, else asked on the terminal. */
export async function passphrase(io: Io, prompt: string): Promise<string> {
  const fromEnv = io.env.CLOSEOUT_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  const p = await io.askPassphrase(prompt);
  if (p === undefined) throw new UsageError('A passphrase is needed and there is no terminal to ask on: set CLOSEOUT_PASSPHRASE.');
  return p;
}

/** Asks on the controlling terminal with echo off. */
export function askOnTerminal(prompt: string): Promise<string | undefined> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.resolve(undefined);
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let s = '';
    stdin.setRawMode(true);
    stdin.resume();
    const done = (value: string | undefined) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(s);
        if (ch === '\u0003' || ch === '\u0004') return done(undefined);
        if (ch === '\u007f' || ch === '\b') s = Array.from(s).slice(0, -1).join('');
        else s += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * Writes files (relative '/'-separated paths, already checked by zip-safe) under `dir`, which
 * must be new or empty. Refuses any path that would land outside it, never overwrites, and
 * makes folders 0700 and files 0600: the contents are personal data.
 */
export function writeTree(dir: string, files: Map<string, Uint8Array>): string[] {
  if (fs.existsSync(dir)) {
    if (!fs.statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a folder. Choose a new folder for --out.`);
    if (fs.readdirSync(dir).length) throw new UsageError(`${dir} is not empty. Choose a new or empty folder for --out, so nothing is overwritten.`);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const root = fs.realpathSync(dir);
  const written: string[] = [];
  for (const [name, bytes] of files) {
    const target = path.resolve(root, ...name.split('/'));
    if (!target.startsWith(root + path.sep)) throw new Error(`Refusing to write ${name} outside ${root}.`);
    const parent = path.dirname(target);
    fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
    const real = fs.realpathSync(parent);
    if (real !== root && !real.startsWith(root + path.sep)) throw new Error(`Refusing to write ${name} outside ${root}.`);
    fs.writeFileSync(target, bytes, { flag: 'wx', mode: 0o600 });
    written.push(target);
  }
  return written;
}
