import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ready } from '../../../src/core/crypto/sodium.ts';
import { buildSlot, parseSlot, SLOT_BYTES, unwrapSlot } from '../../../src/core/formats/slot.ts';
import { passphraseMaterial, recoveryMaterial } from '../../../src/core/crypto/kdf.ts';
import { codeOf, FAST } from '../helpers.ts';

const salt = new Uint8Array(16).fill(3);
const mk = new Uint8Array(32).fill(9);
const ids = { vaultId: 'vault-a', slotId: 'slot-a' };

describe('key slot', () => {
  let material: Uint8Array;
  let slot: Uint8Array;
  beforeAll(async () => {
    await ready();
    material = await passphraseMaterial('right passphrase', salt, FAST);
    slot = buildSlot({ kind: 'passphrase', kdf: FAST, salt, ...ids }, material, mk);
  });

  it('unwraps the master key with the right passphrase and stores its parameters', () => {
    expect(slot.length).toBe(SLOT_BYTES);
    expect(unwrapSlot(slot, material, ids.vaultId, ids.slotId)).toEqual(mk);
    expect(parseSlot(slot).kdf).toEqual(FAST);
    expect(parseSlot(slot).salt).toEqual(salt);
  });

  it('says WRONG_PASSPHRASE for another passphrase', async () => {
    const wrong = await passphraseMaterial('wrong passphrase', salt, FAST);
    expect(codeOf(() => unwrapSlot(slot, wrong, ids.vaultId, ids.slotId))).toBe('WRONG_PASSPHRASE');
  });

  it('says AUTH_FAILED for a slot moved to another vault or slot id', () => {
    expect(codeOf(() => unwrapSlot(slot, material, 'vault-b', ids.slotId))).toBe('AUTH_FAILED');
    expect(codeOf(() => unwrapSlot(slot, material, ids.vaultId, 'slot-b'))).toBe('AUTH_FAILED');
  });

  it('says AUTH_FAILED for every single-byte flip, everywhere in the slot', () => {
    for (let i = 0; i < SLOT_BYTES; i++) {
      const bad = slot.slice();
      bad[i]! ^= 0x01;
      expect([i, codeOf(() => unwrapSlot(bad, material, ids.vaultId, ids.slotId))]).toEqual([i, 'AUTH_FAILED']);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SLOT_BYTES - 1 }), fc.integer({ min: 1, max: 255 }), (i, x) => {
        const bad = slot.slice();
        bad[i]! ^= x;
        return codeOf(() => unwrapSlot(bad, material, ids.vaultId, ids.slotId)) === 'AUTH_FAILED';
      }),
    );
  });

  it('wraps under a recovery key without Argon2', async () => {
    const rk = new Uint8Array(32).fill(1);
    const m = await recoveryMaterial(rk);
    const s = buildSlot({ kind: 'recovery', kdf: null, salt: null, ...ids }, m, mk);
    expect(parseSlot(s).kind).toBe('recovery');
    expect(parseSlot(s).kdf).toBeNull();
    expect(unwrapSlot(s, m, ids.vaultId, ids.slotId)).toEqual(mk);
    const other = await recoveryMaterial(new Uint8Array(32).fill(2));
    expect(codeOf(() => unwrapSlot(s, other, ids.vaultId, ids.slotId))).toBe('WRONG_RECOVERY_KEY');
  });
});

describe('calibration', () => {
  it('never goes below 64 MiB and scales passes to the target', async () => {
    const { calibrate, MIN_MEM_BYTES, MAX_OPS } = await import('../../../src/core/crypto/kdf.ts');
    let clock = 0;
    // A timed 64 MiB pass "takes" 200 ms on this fake clock: stay at 64 MiB, 5 passes for 1 s.
    const slow = () => (clock += 200);
    const p = await calibrate(1000, slow);
    expect(p.memBytes).toBe(MIN_MEM_BYTES);
    expect(p.ops).toBe(5);
    clock = 0;
    // 100 ms a pass: 128 MiB costs 200 ms a pass, so 5 passes.
    const mid = () => (clock += 100);
    expect(await calibrate(1000, mid)).toEqual({ memBytes: 2 * MIN_MEM_BYTES, ops: 5 });
    clock = 0;
    const fast = () => (clock += 5);
    const q = await calibrate(1000, fast);
    expect(q.memBytes).toBe(2 * MIN_MEM_BYTES);
    expect(q.ops).toBe(MAX_OPS);
  });
});
