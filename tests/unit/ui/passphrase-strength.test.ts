import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../../../src/ui/passphrase-strength.ts';

describe('passphrase strength meter', () => {
  it('rates short, repeated, sequential and common passphrases weak', () => {
    for (const p of ['', 'aaaaaaaaaaaa', 'abcdefghijkl', '12345678', 'password1234', 'Qwerty123']) {
      expect([p, estimateStrength(p).level]).toEqual([p, 'weak']);
    }
  });

  it('rates a few unrelated words fair or better, and long mixed ones strong', () => {
    expect(estimateStrength('maple river lantern').level).not.toBe('weak');
    expect(estimateStrength('maple river lantern 42 Oslo!').level).toBe('strong');
  });

  it('never rates a passphrase lower for being made longer with new characters', () => {
    const a = estimateStrength('tea kettle');
    const b = estimateStrength('tea kettle mountain');
    expect(b.bits).toBeGreaterThan(a.bits);
  });
});
