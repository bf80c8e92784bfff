import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { verifyLog } from '../../../src/core/formats/destruction-log-verify.ts';
import type { LogExport } from '../../../src/engine/destruction/types.ts';
import { runOk, tempDir } from '../formats/tools.ts';
import { paper, vaultWithFates } from './support.ts';

const ROOT = path.resolve(__dirname, '../../..');

/** A vault's exported log with an executed batch and two paper entries. */
async function exported(): Promise<LogExport> {
  const { engine } = await vaultWithFates(5, 4);
  const b = await engine.destructionCreateBatch({});
  await engine.destructionApprove(b.id, { approver: 'Chen Jie' });
  await engine.destructionExecute(b.id);
  await engine.destructionRecord(paper(b.id));
  await engine.destructionRecord(paper(b.id, { description: 'Ledgers 2019', count: 12, accounting: true }));
  return engine.destructionExportLog();
}

describe('the exported destruction log', () => {
  let log: LogExport;
  beforeAll(async () => {
    log = await exported();
  });

  it('verifies with its public key: three entries and the checkpoint, the head the overview shows', () => {
    const r = verifyLog(log.text, log.signature, log.publicKey);
    expect(r.problems).toEqual([]);
    expect(r.count).toBe(3);
    expect(r.head).toBe(log.head.hash);
    expect(log.text.trim().split('\n')).toHaveLength(4);
    expect(log.publicKey).toContain(log.keyId);
    expect([log.fileName, log.signatureFileName]).toEqual(['destruction-log.jsonl', 'destruction-log.jsonl.minisig']);
  });

  it('any edit, removal, insertion or reorder of its lines is detected, without the signature too', () => {
    const lines = log.text.split('\n').slice(0, -1);
    const change = fc.oneof(
      fc.record({ op: fc.constant('edit' as const), at: fc.nat(), pos: fc.nat(), ch: fc.string({ minLength: 1, maxLength: 1 }) }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), from: fc.nat() }),
      fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
    );
    fc.assert(
      fc.property(change, (c) => {
        const l = [...lines];
        const i = c.at % l.length;
        if (c.op === 'edit') {
          const p = c.pos % l[i]!.length;
          if (l[i]![p] === c.ch) return;
          l[i] = l[i]!.slice(0, p) + c.ch + l[i]!.slice(p + 1);
        } else if (c.op === 'remove') l.splice(i, 1);
        else if (c.op === 'insert') l.splice(i, 0, l[c.from % l.length]!);
        else {
          const j = c.with % l.length;
          if (i === j || l[i] === l[j]) return;
          [l[i], l[j]] = [l[j]!, l[i]!];
        }
        const text = l.map((x) => x + '\n').join('');
        const r = verifyLog(text, log.signature, log.publicKey);
        expect(r.ok).toBe(false);
        // The chain and checkpoint catch it on their own, not only the signature.
        expect(r.problems.some((p) => p.line !== null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('minisign -Vm destruction-log.jsonl -P PUBKEY verifies it (the Debian minisign command)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, log.fileName), log.text);
    fs.writeFileSync(path.join(dir, log.signatureFileName), log.signature);
    const pub = log.publicKey.trim().split('\n')[1]!;
    const out = runOk('minisign', ['-Vm', path.join(dir, log.fileName), '-P', pub]);
    expect(out).toContain('Signature and comment signature verified');
    expect(out).toContain(`count=3 head=${log.head.hash}`);
    // The chain by sha256sum alone: line 2's prev is the hash of line 1.
    const first = log.text.split('\n')[0]!;
    const h = runOk('sha256sum', [], { input: first }).split(' ')[0];
    expect(JSON.parse(log.text.split('\n')[1]!).prev).toBe(h);
  });

  it('npx closeout verify-log LOG --pubkey KEY exits 0 for it and 1 for an edited copy', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, log.fileName), log.text);
    fs.writeFileSync(path.join(dir, log.signatureFileName), log.signature);
    fs.writeFileSync(path.join(dir, log.publicKeyFileName), log.publicKey);
    const cli = (file: string) => spawnSync(process.execPath, [path.join(ROOT, 'bin/closeout.mjs'), 'verify-log', file, '--pubkey', path.join(dir, log.publicKeyFileName)], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const ok = cli(path.join(dir, log.fileName));
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toContain('entries  3');
    fs.writeFileSync(path.join(dir, 'edited.jsonl'), log.text.replace('"count":12', '"count":2'));
    fs.copyFileSync(path.join(dir, log.signatureFileName), path.join(dir, 'edited.jsonl.minisig'));
    expect(cli(path.join(dir, 'edited.jsonl')).status).toBe(1);
  }, 120_000);
});
