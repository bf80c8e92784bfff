/**
 * Subkeys of a vault master key (MK), one per purpose, by crypto_kdf with versioned 8-byte
 * contexts. A new purpose or a new key version gets a new context; existing ones never change.
 */
import { kdf, memzero } from './sodium.ts';

// FORMAT: never change; add a version
const CONTEXTS = {
  records: 'COrec001',
  events: 'COevt001',
  meta: 'COmeta01',
  attachments: 'COatt001',
  signing: 'COsig001',
  digest: 'COdig001',
} as const;

export type Subkeys = { -readonly [K in keyof typeof CONTEXTS]: Uint8Array };

/** Derives every subkey of `mk` (32 bytes each; `signing` is an Ed25519 seed). */
export function deriveSubkeys(mk: Uint8Array): Subkeys {
  const out = {} as Subkeys;
  for (const [name, ctx] of Object.entries(CONTEXTS) as [keyof Subkeys, string][]) out[name] = kdf(32, 1, ctx, mk);
  return out;
}

/** Overwrites every subkey with zeros. */
export function wipeSubkeys(k: Subkeys): void {
  for (const v of Object.values(k)) memzero(v);
}
