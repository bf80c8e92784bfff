/** Helpers for interop tests: temp dirs and the Debian `age` and `minisign` commands. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'closeout-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** True when the command runs; interop tests need it (CI installs age and minisign). */
export function hasTool(cmd: string): boolean {
  return spawnSync(cmd, ['-h'], { stdio: 'ignore' }).error === undefined;
}

/** Runs a command, returning status, stdout and stderr as text; never throws on exit status. */
export function run(cmd: string, args: string[], opts: { cwd?: string; input?: string | Uint8Array } = {}) {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, input: opts.input, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), bytes: new Uint8Array(r.stdout) };
}

export function runOk(cmd: string, args: string[], opts: { cwd?: string; input?: string | Uint8Array } = {}): string {
  return execFileSync(cmd, args, { cwd: opts.cwd, input: opts.input, encoding: 'utf8', timeout: 60_000 });
}

/**
 * Unpacks a ZIP into `dir` with Info-ZIP `unzip` when it is installed, else with our reader, so
 * the age, minisign and sha256sum interop checks never depend on unzip being there.
 */
export function unpack(zipFile: string, dir: string, readZipFiles: (b: Uint8Array) => Map<string, Uint8Array>): void {
  if (hasTool('unzip')) {
    execFileSync('unzip', ['-q', zipFile, '-d', dir]);
    return;
  }
  for (const [name, bytes] of readZipFiles(new Uint8Array(fs.readFileSync(zipFile)))) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
}
