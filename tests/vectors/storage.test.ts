import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ready } from '../../src/core/crypto/sodium.ts';
import { open } from '../../src/core/formats/envelope.ts';
import { parseSlot, unwrapSlot } from '../../src/core/formats/slot.ts';
import { passphraseMaterial, recoveryMaterial } from '../../src/core/crypto/kdf.ts';
import { decodeRecoveryKey } from '../../src/core/formats/recovery-key.ts';
import { lineHash, verifyChain, parseEventLine, eventLine } from '../../src/core/formats/event.ts';
import { fromHex, toHex, utf8 } from '../../src/core/bytes.ts';
import { makeStorageVectors } from './make-storage-vectors.ts';

const FILE = path.join(__dirname, 'storage-v1.json');

describe('storage format vectors (v1, frozen)', () => {
  let v: Awaited<ReturnType<typeof makeStorageVectors>>;
  beforeAll(async () => {
    await ready();
    if (process.env.MAKE_VECTORS === '1' && !fs.existsSync(FILE)) fs.writeFileSync(FILE, JSON.stringify(await makeStorageVectors(), null, 2) + '\n');
    v = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  });

  it('today’s code writes exactly the frozen bytes', async () => {
    expect(await makeStorageVectors()).toEqual(v);
  });

  it('opens the frozen envelope', () => {
    const e = v.envelope;
    expect(new TextDecoder().decode(open(fromHex(e.key), e.binding, fromHex(e.envelope)))).toBe(e.plaintext);
  });

  it('unwraps the frozen slots', async () => {
    const p = v.passphraseSlot;
    const slot = fromHex(p.slot);
    expect(parseSlot(slot).kdf).toEqual(p.kdf);
    const m = await passphraseMaterial(p.passphrase, fromHex(p.salt), p.kdf);
    expect(toHex(unwrapSlot(slot, m, p.vaultId, p.slotId))).toBe(p.masterKey);
    const r = v.recoverySlot;
    expect(toHex(decodeRecoveryKey(r.recoveryText))).toBe(r.recoveryKey);
    const rm = await recoveryMaterial(fromHex(r.recoveryKey));
    expect(toHex(unwrapSlot(fromHex(r.slot), rm, r.vaultId, r.slotId))).toBe(r.masterKey);
  });

  it('chains the frozen event lines with SHA-256 of each line', () => {
    const [l1, l2] = v.events.lines as [string, string];
    expect(v.events.hashes).toEqual([lineHash(l1), lineHash(l2)]);
    const events = [l1, l2].map((l) => parseEventLine(utf8(l)));
    expect(events.map(eventLine)).toEqual([l1, l2]);
    expect(verifyChain(events.map((event) => ({ ok: true as const, event })), { seq: 2, hash: v.events.hashes[1]! }).ok).toBe(true);
  });
});
