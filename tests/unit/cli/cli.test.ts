import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ready, sha256 } from '../../../src/core/crypto/sodium.ts';
import { encrypt } from '../../../src/core/formats/age.ts';
import { minisignKeyPair, sign } from '../../../src/core/formats/minisign.ts';
import { manifestText, manifestTrustedComment } from '../../../src/core/formats/bundle-manifest.ts';
import { readZipFiles } from '../../../src/core/formats/zip-safe.ts';
import { zipSync } from '../../../src/core/formats/zip-write.ts';
import { fromHex, fromUtf8, toHex, utf8 } from '../../../src/core/bytes.ts';
import { rawZip } from '../formats/raw-zip.ts';
import { hasTool, tempDir } from '../formats/tools.ts';

const ROOT = path.resolve(__dirname, '../../..');
const V = path.join(ROOT, 'tests/vectors/bundle-v1');
const L = path.join(ROOT, 'tests/vectors/destruction-log-v1');
const B1 = path.join(V, 'ARC-2026-0001.closeout');
const B2 = path.join(V, 'ARC-2026-0002.closeout');

function cli(args: string[], o: { env?: Record<string, string>; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/closeout.mjs'), ...args], {
    cwd: o.cwd ?? ROOT,
    env: { ...process.env, CLOSEOUT_PASSPHRASE: undefined, ...o.env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const records = (dir: string) => fs.readFileSync(path.join(dir, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const goldenRecords = () => JSON.parse(fs.readFileSync(path.join(V, 'input.json'), 'utf8')).records;

describe('closeout command line', () => {
  beforeAll(() => {
    // The first run builds dist-cli/closeout.mjs when it is missing or stale (about a second).
    const r = cli(['--version']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^closeout \d+\.\d+\.\d+\n$/);
  }, 120_000);

  it('usage errors exit 2 and say what to do', () => {
    expect(cli([]).status).toBe(2);
    expect(cli(['help']).status).toBe(0);
    const unknown = cli(['frobnicate']);
    expect([unknown.status, unknown.err]).toEqual([2, 'closeout: Unknown command "frobnicate".\nRun "closeout help" for usage.\n']);
    expect(cli(['verify']).err).toContain('Give exactly one bundle file.');
    expect(cli(['verify', 'no-such.closeout']).status).toBe(2);
    expect(cli(['verify', B1, '--pubkey']).status).toBe(2);
    expect(cli(['verify', B1, '--bogus']).status).toBe(2);
    expect(cli(['decrypt', B1, '--identity', path.join(V, 'custody-key-1.txt')]).err).toContain('--out DIR');
    expect(cli(['decrypt', B1, '--out', tempDir()]).err).toContain('either --identity KEYFILE or --passphrase');
    expect(cli(['verify-log', path.join(L, 'destruction-log.jsonl')]).err).toContain('--pubkey');
  });

  it('verify: 0 for the golden bundles, signer checked with --pubkey (file or RW… line)', () => {
    const r = cli(['verify', B1]);
    expect(r.status).toBe(0);
    expect(r.out).toContain('ARC-2026-0001');
    expect(r.out).toContain('Who signed it was not checked');
    const pubLine = fs.readFileSync(path.join(V, 'signer.pub'), 'utf8').split('\n')[1]!;
    for (const key of [path.join(V, 'signer.pub'), pubLine]) {
      const c = cli(['verify', B2, '--pubkey', key]);
      expect(c.status).toBe(0);
      expect(c.out).toContain('The signer is the key you gave');
    }
  });

  it('verify: 1 with the reason for a flipped byte, a truncated file, another signer', () => {
    const dir = tempDir();
    const bytes = new Uint8Array(fs.readFileSync(B1));
    bytes[6000] ^= 1;
    fs.writeFileSync(path.join(dir, 'flipped.closeout'), bytes);
    const f = cli(['verify', path.join(dir, 'flipped.closeout')]);
    expect(f.status).toBe(1);
    expect(f.err).toMatch(/^FAILED .*\n .*damaged.*\n  \(AUTH_FAILED, crc\)\n$/);
    fs.writeFileSync(path.join(dir, 'cut.closeout'), bytes.subarray(0, 5000));
    expect(cli(['verify', path.join(dir, 'cut.closeout')]).err).toContain('TRUNCATED');
    const otherKey = path.join(L, 'signer.pub');
    const o = cli(['verify', B1, '--pubkey', otherKey]);
    expect([o.status, o.err.includes('NO_MATCHING_KEY')]).toEqual([1, true]);
    expect(cli(['verify', path.join(V, 'input.json')]).err).toContain('not a ZIP file');
  });

  it('inspect: shows the manifest without a key, and says when it does not verify', () => {
    const r = cli(['inspect', B1]);
    expect(r.status).toBe(0);
    expect(r.out).toContain('members      README.txt');
    expect(r.out).toContain('verified     yes');
    const j = cli(['inspect', B1, '--json']);
    expect(JSON.parse(j.out).number).toBe('ARC-2026-0001');
    const dir = tempDir();
    const files = readZipFiles(new Uint8Array(fs.readFileSync(B1)));
    files.set('README.txt', utf8('altered instructions'));
    fs.writeFileSync(path.join(dir, 'x.closeout'), zipSync([...files], { mtime: new Date('2026-11-22T08:00:00Z') }));
    const bad = cli(['inspect', path.join(dir, 'x.closeout')]);
    expect(bad.status).toBe(1);
    expect(bad.out).toContain('ARC-2026-0001');
    expect(bad.err).toContain('verified     NO');
    expect(bad.err).toContain('(AUTH_FAILED, readme)');
  });

  it('decrypt: with a custody key, the escrowed key file, or the passphrase; files only inside --out, owner-only', () => {
    const base = tempDir();
    const a = path.join(base, 'a');
    const r = cli(['decrypt', B1, '--identity', path.join(V, 'custody-key-2.txt'), '--out', a]);
    expect(r.status).toBe(0);
    expect(r.out).toContain('7 files, 3 records');
    expect(records(a)).toEqual(goldenRecords());
    expect(fs.readFileSync(path.join(a, 'attachments/KH000001/身份证正面.jpg')).length).toBe(3000);
    expect(fs.statSync(path.join(a, 'records.jsonl')).mode & 0o777).toBe(0o600);

    const again = cli(['decrypt', B1, '--identity', path.join(V, 'custody-key-2.txt'), '--out', a]);
    expect([again.status, again.err.includes('is not empty')]).toEqual([2, true]);

    const b = path.join(base, 'b');
    const esc = cli(['decrypt', B1, '--identity', path.join(V, 'custody-key-1.escrow.age'), '--out', b], { env: { CLOSEOUT_PASSPHRASE: 'closeout golden escrow 托管 2026' } });
    expect(esc.status).toBe(0);
    expect(records(b)).toEqual(goldenRecords());
    const noTty = cli(['decrypt', B1, '--identity', path.join(V, 'custody-key-1.escrow.age'), '--out', path.join(base, 'x')]);
    expect([noTty.status, noTty.err.includes('CLOSEOUT_PASSPHRASE')]).toEqual([2, true]);

    const c = path.join(base, 'c');
    expect(cli(['decrypt', B2, '--passphrase', '--out', c], { env: { CLOSEOUT_PASSPHRASE: 'closeout golden bundle 归档 2026' } }).status).toBe(0);
    expect(records(c)).toEqual(goldenRecords());
  });

  it('decrypt: 1 with the reason for a wrong key or passphrase; nothing written', () => {
    const base = tempDir();
    const wrongKey = cli(['decrypt', B2, '--identity', path.join(V, 'custody-key-1.txt'), '--out', path.join(base, 'a')]);
    expect([wrongKey.status, wrongKey.err.includes('NO_MATCHING_KEY')]).toEqual([1, true]);
    const wrongPass = cli(['decrypt', B2, '--passphrase', '--out', path.join(base, 'b')], { env: { CLOSEOUT_PASSPHRASE: 'nope' } });
    expect([wrongPass.status, wrongPass.err.includes('WRONG_PASSPHRASE')]).toEqual([1, true]);
    const notAKey = cli(['decrypt', B1, '--identity', path.join(V, 'input.json'), '--out', path.join(base, 'c')]);
    expect(notAKey.status).toBe(2);
    expect(fs.readdirSync(base)).toEqual([]);
  });

  it('decrypt: a validly signed bundle whose payload tries to leave --out is refused, nothing written', async () => {
    await ready();
    const base = tempDir();
    const files = readZipFiles(new Uint8Array(fs.readFileSync(B1)));
    const manifest = JSON.parse(fromUtf8(files.get('manifest.json')!));
    const recipient = fs.readFileSync(path.join(V, 'custody-key-1.txt'), 'utf8').match(/public key: (age1\S+)/)![1]!;
    const payload = await encrypt(rawZip([{ name: '../escaped.txt', data: utf8('gotcha') }]), { recipients: [recipient] });
    const m = { ...manifest, payload: { ...manifest.payload, recipients: [recipient], size: payload.length, sha256: toHex(sha256(payload)) } };
    const text = utf8(manifestText(m));
    const kp = minisignKeyPair(fromHex(fs.readFileSync(path.join(V, 'signing-seed.hex'), 'utf8').trim()));
    files.set('payload.age', payload);
    files.set('manifest.json', text);
    files.set('manifest.json.minisig', utf8(sign(text, kp, { trustedComment: manifestTrustedComment(m) })));
    const evil = path.join(base, 'evil.closeout');
    fs.writeFileSync(evil, zipSync([...files], { mtime: new Date('2026-11-22T08:00:00Z') }));
    expect(cli(['verify', evil]).status).toBe(0);
    const r = cli(['decrypt', evil, '--identity', path.join(V, 'custody-key-1.txt'), '--out', path.join(base, 'out')]);
    expect(r.status).toBe(1);
    expect(r.err).toContain('(INVALID_INPUT, traversal)');
    expect(fs.readdirSync(base)).toEqual(['evil.closeout']);
  });

  it('verify-log: 0 for the golden log; 1 naming the line of an edit; 1 for another key', () => {
    const log = path.join(L, 'destruction-log.jsonl');
    const ok = cli(['verify-log', log, '--pubkey', path.join(L, 'signer.pub')]);
    expect(ok.status).toBe(0);
    expect(ok.out).toContain('entries  3');
    const dir = tempDir();
    const edited = fs.readFileSync(log, 'utf8').replace('"sheets":340', '"sheets":34');
    fs.writeFileSync(path.join(dir, 'log.jsonl'), edited);
    fs.copyFileSync(`${log}.minisig`, path.join(dir, 'log.jsonl.minisig'));
    const bad = cli(['verify-log', path.join(dir, 'log.jsonl'), '--pubkey', path.join(L, 'signer.pub')]);
    expect(bad.status).toBe(1);
    expect(bad.err).toContain('line 3: Line 3: its prev does not match the hash of line 2');
    const other = cli(['verify-log', log, '--pubkey', path.join(V, 'signer.pub')]);
    expect([other.status, other.err.includes('(wrong-key)')]).toEqual([1, true]);
    expect(cli(['verify-log', log, '--pubkey', path.join(L, 'signer.pub'), '--sig', path.join(dir, 'none.minisig')]).status).toBe(2);
  });

  // The passphrase prompt needs a terminal; util-linux `script` provides one.
  it.runIf(hasTool('script'))('asks for a passphrase on the terminal without echoing it', () => {
    const out = path.join(tempDir(), 'out');
    const cmd = `${process.execPath} ${path.join(ROOT, 'bin/closeout.mjs')} decrypt ${B2} --passphrase --out ${out}`;
    // Typed only after the prompt is up: a terminal echoes what arrives before echo is turned off.
    const typist = `(sleep 3; printf 'closeout golden bundle 归档 2026\\r') | script -qec '${cmd}' /dev/null`;
    const r = spawnSync('bash', ['-c', typist], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, CLOSEOUT_PASSPHRASE: undefined } as NodeJS.ProcessEnv });
    expect(r.stdout).toContain('Passphrase of');
    expect(r.stdout).toContain('OK ');
    expect(r.stdout).not.toContain('归档 2026');
    expect(records(out)).toEqual(goldenRecords());
  }, 60_000);
});
