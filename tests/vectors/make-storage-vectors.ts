/**
 * Known answers for the storage envelope, key slot and audit event formats. storage-v1.json was
 * written from this once (`MAKE_VECTORS=1 npx vitest run tests/vectors/storage.test.ts`, which
 * only writes a missing file) and never changes; the test checks today's code still makes it.
 */
import { ready } from '../../src/core/crypto/sodium.ts';
import { seal } from '../../src/core/formats/envelope.ts';
import { buildSlot } from '../../src/core/formats/slot.ts';
import { passphraseMaterial, recoveryMaterial } from '../../src/core/crypto/kdf.ts';
import { encodeRecoveryKey } from '../../src/core/formats/recovery-key.ts';
import { eventLine, lineHash, GENESIS, type AuditEvent } from '../../src/core/formats/event.ts';
import { toHex, utf8 } from '../../src/core/bytes.ts';

const seq = (n: number, start = 0) => Uint8Array.from({ length: n }, (_, i) => (start + i) & 255);

export async function makeStorageVectors() {
  await ready();
  const key = seq(32);
  const nonce = seq(24, 100);
  const binding = { vaultId: '0123456789abcdef0123456789abcdef', table: 'packs', objectId: 'fedcba9876543210fedcba9876543210' };
  const plain = '{"v":1,"records":[{"id":"r1","customerNo":"KH000001","fields":{"name":"张三"}}]}';
  const envelope = seal(key, binding, utf8(plain), nonce);

  const mk = seq(32, 200);
  const kdf = { ops: 2, memBytes: 65536 };
  const salt = seq(16, 50);
  const passphrase = 'correct horse battery staple 正确';
  const pm = await passphraseMaterial(passphrase, salt, kdf);
  const ids = { vaultId: binding.vaultId, slotId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' };
  const passSlot = buildSlot({ kind: 'passphrase', kdf, salt, ...ids }, pm, mk, seq(24, 10));
  const rk = seq(32, 7);
  const rm = await recoveryMaterial(rk);
  const recSlot = buildSlot({ kind: 'recovery', kdf: null, salt: null, vaultId: ids.vaultId, slotId: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }, rm, mk, seq(24, 30));

  const e1: AuditEvent = { v: 1, seq: 1, time: '2026-11-22T08:00:00.000Z', slot: ids.slotId, actor: 'Li Wei', action: 'vault.created', subjects: [ids.slotId], prev: GENESIS };
  const l1 = eventLine(e1);
  const e2: AuditEvent = { v: 1, seq: 2, time: '2026-11-22T08:01:00.000Z', slot: ids.slotId, actor: 'Li Wei', action: 'record.created', subjects: ['r1'], data: { count: 1 }, prev: lineHash(l1) };
  const l2 = eventLine(e2);

  return {
    note: 'Closeout storage formats v1. Made by tests/vectors/make-storage-vectors.ts; never edit.',
    envelope: { key: toHex(key), nonce: toHex(nonce), binding, plaintext: plain, envelope: toHex(envelope) },
    passphraseSlot: { passphrase, salt: toHex(salt), kdf, masterKey: toHex(mk), nonce: toHex(seq(24, 10)), ...ids, slot: toHex(passSlot) },
    recoverySlot: { recoveryKey: toHex(rk), recoveryText: encodeRecoveryKey(rk), masterKey: toHex(mk), nonce: toHex(seq(24, 30)), vaultId: ids.vaultId, slotId: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', slot: toHex(recSlot) },
    events: { lines: [l1, l2], hashes: [lineHash(l1), lineHash(l2)] },
  };
}
