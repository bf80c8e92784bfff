import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { open, seal } from '../../../src/core/formats/envelope.ts';
import { ready } from '../../../src/core/crypto/sodium.ts';
import { randomBytes } from '../../../src/core/crypto/random.ts';
import { utf8 } from '../../../src/core/bytes.ts';
import { codeOf } from '../helpers.ts';

const key = new Uint8Array(32).fill(7);
const where = { vaultId: 'v1', table: 'packs', objectId: 'p1' };

describe('storage envelope', () => {
  beforeAll(ready);

  it('opens what it sealed', () => {
    const env = seal(key, where, utf8('张三 110101198402248759'));
    expect(new TextDecoder().decode(open(key, where, env))).toBe('张三 110101198402248759');
    expect(env.slice(0, 6)).toEqual(new Uint8Array([0x43, 0x4f, 0x45, 0x4e, 1, 0xfe]));
  });

  it('refuses a ciphertext moved to another object, table or vault', () => {
    const env = seal(key, where, utf8('x'));
    expect(codeOf(() => open(key, { ...where, objectId: 'p2' }, env))).toBe('AUTH_FAILED');
    expect(codeOf(() => open(key, { ...where, table: 'events' }, env))).toBe('AUTH_FAILED');
    expect(codeOf(() => open(key, { ...where, vaultId: 'v2' }, env))).toBe('AUTH_FAILED');
  });

  it('fails with AUTH_FAILED on any single-byte flip', () => {
    const env = seal(key, where, utf8('some record text'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: env.length - 1 }), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const bad = env.slice();
        bad[i]! ^= x;
        return codeOf(() => open(key, where, bad)) === 'AUTH_FAILED';
      }),
      { numRuns: 300 },
    );
  });

  it('says TRUNCATED for a cut envelope and UNSUPPORTED_VERSION for a newer one', () => {
    const env = seal(key, where, utf8('x'));
    expect(codeOf(() => open(key, where, env.slice(0, 20)))).toBe('TRUNCATED');
    const newer = env.slice();
    newer[4] = 2;
    newer[5] = 0xff ^ 2;
    expect(codeOf(() => open(key, where, newer))).toBe('UNSUPPORTED_VERSION');
  });

  it('draws independent nonces that are copies, not views', () => {
    const a = randomBytes(24);
    const b = randomBytes(24);
    expect(a.buffer.byteLength).toBe(24);
    expect(a).not.toEqual(b);
  });
});
