import type { FirmProfile } from '../../../src/core/domain/checklists/index.ts';
import type { Engine } from '../../../src/engine/engine.ts';
import type { CloseoutDb } from '../../../src/store/db.ts';
import { makeEngine, PASS } from '../helpers.ts';
import { crc32 } from '../../../src/core/formats/crc32.ts';

/** A securities firm deregistering, with paper records and no transfer. */
export const SD_PAPER: FirmProfile = {
  scenarios: ['SD'],
  firmName: '甲乙证券有限责任公司',
  euCustomers: false,
  paperRecords: true,
  processors: false,
  transferRoute: 'none',
  crossBorder: false,
  peopleCount: 1200,
};

export async function unlockedVault(now?: () => Date) {
  const t = makeEngine({ now });
  const { vaultId } = await t.engine.createVault({ label: 'Case', operator: 'Li Wei', passphrase: PASS });
  return { ...t, vaultId };
}

/** Rows of every table and the audit head, to show that a refused call changed nothing. */
export async function snapshot(engine: Engine, db: CloseoutDb) {
  return {
    events: (await engine.auditEvents(0, 1)).total,
    meta: await db.meta.toArray(),
    attachments: await db.attachments.count(),
  };
}

export { auditEvents as eventLines, failure } from '../helpers.ts';


function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * A PNG signature, IHDR and a tEXt chunk holding `text` repeated to about `size` bytes: enough
 * for the type check (the engine reads magic bytes, it does not decode), and a canary to find.
 */
export function pngWith(text: string, size = 200): Uint8Array<ArrayBuffer> {
  const sig = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, 1);
  new DataView(ihdr.buffer).setUint32(4, 1);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const body = new TextEncoder().encode(`Comment\0${text.repeat(Math.max(1, Math.ceil(size / text.length)))}`);
  const parts = [sig, pngChunk('IHDR', ihdr), pngChunk('tEXt', body), pngChunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `n` pseudo-random bytes (deterministic), so chunks differ from one another. */
export function noise(n: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A PDF of about `size` bytes: a real header and noise. */
export function pdf(size: number): Uint8Array<ArrayBuffer> {
  const out = noise(size, 9);
  out.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
  return out;
}
