import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { verifyLog } from '../../../src/core/formats/destruction-log-verify.ts';
import { hasTool, runOk, tempDir } from '../../unit/formats/tools.ts';
import { DIR, makeLog, makeLogVectors } from './make-log-vectors.ts';

const text = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

describe('destruction log v1 (frozen)', () => {
  beforeAll(async () => {
    if (process.env.MAKE_VECTORS === '1') await makeLogVectors();
  });

  it('today’s code writes exactly the frozen log, signature and key', async () => {
    const now = await makeLog();
    expect(now.text).toBe(text('destruction-log.jsonl'));
    expect(now.signature).toBe(text('destruction-log.jsonl.minisig'));
    expect(now.publicKey).toBe(text('signer.pub'));
  });

  it('verifies', () => {
    const r = verifyLog(text('destruction-log.jsonl'), text('destruction-log.jsonl.minisig'), text('signer.pub'));
    expect(r.problems).toEqual([]);
    expect(r.count).toBe(3);
  });
});

describe.runIf(hasTool('minisign'))('destruction log with the standard tools', () => {
  it('minisign -Vm verifies it, and the documented sha256sum check confirms the chain', () => {
    const dir = tempDir();
    for (const f of ['destruction-log.jsonl', 'destruction-log.jsonl.minisig', 'signer.pub']) fs.copyFileSync(path.join(DIR, f), path.join(dir, f));
    expect(runOk('minisign', ['-Vm', 'destruction-log.jsonl', '-p', 'signer.pub'], { cwd: dir })).toContain('count=3 head=');
    // The check of docs/FORMATS.md: each line's SHA-256 must be the next line's prev.
    const script = [
      `while IFS= read -r l; do printf %s "$l" | sha256sum | cut -c1-64; done < destruction-log.jsonl | head -n -1 > hashes`,
      `grep -o '"prev":"[0-9a-f]*"' destruction-log.jsonl | cut -c9-72 | tail -n +2 > prevs`,
      `diff hashes prevs && echo chain ok`,
    ].join('\n');
    expect(runOk('bash', ['-c', script], { cwd: dir })).toBe('chain ok\n');
  });
});
