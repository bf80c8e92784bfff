import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRecoveryKey, encodeRecoveryKey, ALPHABET } from '../../../src/core/formats/recovery-key.ts';
import { errorCode } from '../../../src/core/errors.ts';

function caught(fn: () => unknown): { code?: string; details?: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    return { code: errorCode(e), details: (e as { details?: Record<string, unknown> }).details };
  }
  return {};
}

describe('recovery key text', () => {
  it('round-trips any 32 bytes through 13 groups of 5', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (b) => {
        const t = encodeRecoveryKey(b);
        expect(t).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){12}[0-9A-HJKMNP-TV-Z]{5}$/);
        expect(decodeRecoveryKey(t)).toEqual(b);
        expect(decodeRecoveryKey(t.toLowerCase().replace(/-/g, ' '))).toEqual(b);
      }),
    );
  });

  it('has a fixed known answer', () => {
    const b = Uint8Array.from({ length: 32 }, (_, i) => i);
    expect(encodeRecoveryKey(b)).toBe(encodeRecoveryKey(b));
    expect(encodeRecoveryKey(new Uint8Array(32))).toBe(Array.from({ length: 13 }, (_, i) => '0000' + ALPHABET[(11 * i) % 32]).join('-'));
  });

  it('names the group with a typo', () => {
    const b = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const t = encodeRecoveryKey(b).split('-');
    const c = t[2]![1]!;
    t[2] = t[2]![0] + (c === 'A' ? 'B' : 'A') + t[2]!.slice(2);
    const r = caught(() => decodeRecoveryKey(t.join('-')));
    expect(r.code).toBe('INVALID_INPUT');
    expect(r.details?.groups).toEqual([3]);
  });

  it('reads look-alike letters as Crockford prescribes', () => {
    const b = new Uint8Array(32).fill(0x84);
    const t = encodeRecoveryKey(b);
    expect(decodeRecoveryKey(t.replace(/1/g, 'l').replace(/0/g, 'O'))).toEqual(b);
  });

  it('reports a wrong length', () => {
    expect(caught(() => decodeRecoveryKey('ABCDE-FGHJK')).details?.length).toBe(10);
  });
});
