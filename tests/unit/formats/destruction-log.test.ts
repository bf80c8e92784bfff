import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ready } from '../../../src/core/crypto/sodium.ts';
import {
  EMPTY_HEAD,
  advance,
  entryLine,
  exportLog,
  nextEntry,
  recordDigest,
  recordRef,
  type DestructionEntryInput,
} from '../../../src/core/formats/destruction-log.ts';
import { verifyLog, type LogReport } from '../../../src/core/formats/destruction-log-verify.ts';
import { minisignKeyPair, publicKeyFile, sign } from '../../../src/core/formats/minisign.ts';
import { logEntries } from '../../vectors/destruction-log-v1/make-log-vectors.ts';

const kp = () => minisignKeyPair(new Uint8Array(32).fill(0x31));
const key = new Uint8Array(32).fill(7);
const T = '2026-12-02T00:00:00.000Z';

function makeLines(n: number): string[] {
  const base = logEntries();
  let head = EMPTY_HEAD;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = entryLine(nextEntry(head, { ...base[i % base.length]!, batch: `DB-2026-${String(i + 1).padStart(4, '0')}` }));
    lines.push(line);
    head = advance(head, line);
  }
  return lines;
}

/** Problems other than the signature's: the chain and checkpoint catch the change on their own. */
const chainProblems = (r: LogReport) => r.problems.filter((p) => p.line !== null);
const reasons = (r: LogReport) => r.problems.map((p) => `${p.line}:${p.reason}`);

describe('destruction log', () => {
  beforeAll(ready);

  it('exports a log that verifies, naming its count and head', () => {
    const lines = makeLines(4);
    const { text, signature, head } = exportLog(lines, T, kp());
    const r = verifyLog(text, signature, publicKeyFile(kp()));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.count).toBe(4);
    expect(r.head).toBe(head.hash);
    expect(r.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(r.trustedComment).toBe(`closeout-destruction-log v1 count=4 head=${head.hash} time=${T}`);
    expect(verifyLog(exportLog([], T, kp()).text, exportLog([], T, kp()).signature, publicKeyFile(kp())).ok).toBe(true);
  });

  it('names a wrong public key, a truncated file, a checkpoint from another log', () => {
    const { text, signature } = exportLog(makeLines(3), T, kp());
    const pub = publicKeyFile(kp());
    expect(reasons(verifyLog(text, signature, publicKeyFile(minisignKeyPair(new Uint8Array(32).fill(9)))))).toEqual(['null:wrong-key']);

    const withoutCheckpoint = text.split('\n').slice(0, 3).join('\n') + '\n';
    expect(reasons(verifyLog(withoutCheckpoint, signature, pub))).toEqual(['null:signature', '4:missing-checkpoint']);
    const cut = text.slice(0, text.length - 40);
    expect(reasons(verifyLog(cut, signature, pub))).toEqual(['null:signature', '4:no-final-newline', '4:malformed', '5:missing-checkpoint']);

    const other = exportLog(makeLines(3).map((l) => l), '2026-12-03T00:00:00.000Z', kp());
    const otherLog = exportLog(makeLines(2), T, kp()).text.split('\n')[2]!;
    const swapped = text.split('\n').slice(0, 3).concat(otherLog, '').join('\n');
    expect(reasons(verifyLog(swapped, signature, pub))).toEqual(['null:signature', '4:checkpoint', '4:checkpoint', '4:trusted-comment']);
    // Signed again by the right key, the wrong checkpoint is still caught by the chain.
    const resigned = sign(new TextEncoder().encode(swapped), kp(), { trustedComment: other.signature.split('\n')[2]!.slice(17) });
    expect(reasons(verifyLog(swapped, resigned, pub))).toEqual(['4:checkpoint', '4:checkpoint', '4:trusted-comment']);
  });

  it('property: any edit, removal, insertion or reorder is detected by the chain, with its line', () => {
    const lines = makeLines(6);
    const { text, signature } = exportLog(lines, T, kp());
    const all = text.split('\n').slice(0, -1);
    const pub = publicKeyFile(kp());
    const check = (changed: string[]) => {
      const r = verifyLog(changed.join('\n') + '\n', signature, pub);
      expect(r.ok).toBe(false);
      expect(r.problems[0]!.reason).toBe('signature');
      expect(chainProblems(r).length).toBeGreaterThan(0);
      for (const p of chainProblems(r)) expect(p.message).toMatch(/^Line \d+|^The log ends/);
    };
    const idx = fc.integer({ min: 0, max: all.length - 1 });
    fc.assert(
      fc.property(idx, fc.integer({ min: 0, max: 10_000 }), fc.string({ minLength: 1, maxLength: 3 }), (i, at, s) => {
        const line = all[i]!;
        const p = at % (line.length + 1);
        const edited = line.slice(0, p) + s + line.slice(p + 1);
        fc.pre(edited !== line);
        check(all.map((l, j) => (j === i ? edited : l)));
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(idx, (i) => check(all.filter((_, j) => j !== i))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length }), idx, (at, from) => {
        check([...all.slice(0, at), all[from]!, ...all.slice(at)]);
      }),
    );
    fc.assert(
      fc.property(idx, idx, (i, j) => {
        fc.pre(i !== j);
        const c = [...all];
        [c[i], c[j]] = [c[j]!, c[i]!];
        check(c);
      }),
    );
  });

  it('names the line of a changed entry', () => {
    const { text, signature } = exportLog(makeLines(4), T, kp());
    const lines = text.split('\n');
    lines[1] = lines[1]!.replace('"sheets":340', '"sheets":34');
    const r = verifyLog(lines.join('\n'), signature, publicKeyFile(kp()));
    expect(reasons(r)).toEqual(['null:signature', '3:prev']);
    expect(r.problems[1]!.message).toContain('hash of line 2');
  });

  it('digests are keyed and ignore field order; references carry no raw name', () => {
    const a = { customerNo: 'KH1', kind: 'person', fields: { name: '张三', phone: '13800138000' } };
    const b = { customerNo: 'KH1', kind: 'person', fields: { phone: '13800138000', name: '张三' } };
    expect(recordDigest(key, a)).toBe(recordDigest(key, b));
    expect(recordDigest(key, a)).not.toBe(recordDigest(new Uint8Array(32).fill(8), a));
    expect(recordDigest(key, a)).not.toBe(recordDigest(key, { ...a, fields: { ...a.fields, phone: '13800138001' } }));
    expect(recordRef(key, a)).toEqual({ customerNo: 'KH1', maskedName: '张*', digest: recordDigest(key, a) });
  });

  it('refuses malformed entries, naming the field', () => {
    const base = logEntries()[0]!;
    const bad = (o: Partial<DestructionEntryInput>) => {
      try {
        nextEntry(EMPTY_HEAD, { ...base, ...o });
      } catch (e) {
        return (e as { details?: { field?: string } }).details?.field;
      }
      return 'no error';
    };
    expect(bad({ time: 'yesterday' })).toBe('time');
    expect(bad({ method: { category: 'burn' as 'destroy', technique: 'x' } })).toBe('method.category');
    expect(bad({ counts: { records: -1 } })).toBe('counts');
    expect(bad({ performer: ' ' })).toBe('performer');
    expect(bad({ records: [{ customerNo: 'KH1', maskedName: '张*', digest: 'abc' }] })).toBe('records');
    expect(() => exportLog([makeLines(2)[1]!], T, kp())).toThrow(/does not chain/);
  });
});
