/**
 * A rough passphrase strength estimate for the meter on the create-vault form: bits from the
 * character classes used and the length, where repeats, runs (abc, 321) and common passwords
 * count for little. Advice, not a guarantee; the engine only requires 8 characters.
 */
export type Strength = 'weak' | 'fair' | 'strong';

export interface StrengthEstimate {
  bits: number;
  level: Strength;
}

const COMMON = ['password', 'passwort', 'qwerty', 'asdfgh', 'zxcvbn', 'iloveyou', 'admin', 'welcome', 'letmein', 'woaini', 'mima', 'abc123', '123456', '111111', '000000', '888888', '666666'];
const FAIR_BITS = 50;
const STRONG_BITS = 75;

function poolSize(chars: string[]): number {
  let pool = 0;
  if (chars.some((c) => /[a-z]/.test(c))) pool += 26;
  if (chars.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (chars.some((c) => /[0-9]/.test(c))) pool += 10;
  if (chars.some((c) => /[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(c))) pool += 33;
  // Han and other scripts: a person picks from common words, so credit far fewer than exist.
  if (chars.some((c) => c.codePointAt(0)! > 0x7e)) pool += 500;
  return Math.max(pool, 1);
}

/** Estimates the strength of `p`, in bits, with a level for the meter. */
export function estimateStrength(p: string): StrengthEstimate {
  const chars = Array.from(p);
  if (!chars.length) return { bits: 0, level: 'weak' };
  const perChar = Math.log2(poolSize(chars));
  const seen = new Set<string>();
  let effective = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = i > 0 ? chars[i - 1]!.codePointAt(0)! : NaN;
    const step = c.codePointAt(0)! - prev;
    if (step === 0 || Math.abs(step) === 1) effective += 0.25;
    else if (seen.has(c)) effective += 0.5;
    else effective += 1;
    seen.add(c);
  }
  let bits = effective * perChar;
  const lower = p.toLowerCase();
  for (const w of COMMON) if (lower.includes(w)) bits -= w.length * perChar * 0.75;
  bits = Math.max(0, Math.round(bits));
  return { bits, level: bits >= STRONG_BITS ? 'strong' : bits >= FAIR_BITS ? 'fair' : 'weak' };
}
