/**
 * Recovery key text: 32 random bytes as Crockford base32 (no I, L, O, U to misread), in 13
 * groups of four characters plus one check character each, e.g. `7K3QF-…` (65 characters,
 * 12 dashes). The per-group check tells the user which group they mistyped.
 *
 * Check character of group i (0-based) with values v0..v3: (v0 + 3·v1 + 5·v2 + 7·v3 + 11·i) mod 32.
 * Odd weights make every single substitution change the check; the index term catches groups
 * typed in the wrong order.
 */
import { AppError } from '../errors.ts';

// FORMAT: never change; add a version
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const GROUPS = 13;
const WEIGHTS = [1, 3, 5, 7];

function checkChar(values: number[], i: number): string {
  let s = 11 * i;
  values.forEach((v, j) => (s += v * WEIGHTS[j]!));
  return ALPHABET[s % 32]!;
}

/** Encodes 32 bytes as the grouped text shown on the recovery sheet. */
export function encodeRecoveryKey(key: Uint8Array): string {
  if (key.length !== 32) throw new RangeError('recovery key must be 32 bytes');
  let bits = 0;
  let acc = 0;
  const vals: number[] = [];
  for (const byte of key) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      vals.push((acc >>> (bits - 5)) & 31);
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  vals.push((acc << (5 - bits)) & 31);
  const groups: string[] = [];
  for (let i = 0; i < GROUPS; i++) {
    const g = vals.slice(4 * i, 4 * i + 4);
    groups.push(g.map((v) => ALPHABET[v]).join('') + checkChar(g, i));
  }
  return groups.join('-');
}

/** Maps look-alike characters the way Crockford base32 prescribes. */
function normalise(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-_—–]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

/**
 * Decodes recovery key text. Throws INVALID_INPUT with `details.groups` (1-based numbers of
 * the groups whose check fails) or `details.length` when the text has the wrong length.
 */
export function decodeRecoveryKey(text: string): Uint8Array {
  const s = normalise(text);
  if (s.length !== GROUPS * 5 || [...s].some((c) => !ALPHABET.includes(c))) {
    const bad = [...s].filter((c) => !ALPHABET.includes(c));
    throw new AppError(
      'INVALID_INPUT',
      bad.length
        ? `The recovery key contains characters it never uses (${[...new Set(bad)].join(' ')}). Copy it again from the recovery sheet.`
        : `The recovery key has ${s.length} characters; it should have ${GROUPS * 5} (13 groups of 5). Copy it again from the recovery sheet.`,
      { details: { length: s.length } },
    );
  }
  const wrong: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < GROUPS; i++) {
    const g = [...s.slice(5 * i, 5 * i + 4)].map((c) => ALPHABET.indexOf(c));
    if (checkChar(g, i) !== s[5 * i + 4]) wrong.push(i + 1);
    vals.push(...g);
  }
  if (wrong.length) {
    throw new AppError('INVALID_INPUT', `Group ${wrong.join(', ')} of the recovery key is mistyped. Check it against the recovery sheet.`, {
      details: { groups: wrong },
    });
  }
  const out = new Uint8Array(32);
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const v of vals) {
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8 && o < 32) {
      out[o++] = (acc >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}
