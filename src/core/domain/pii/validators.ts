/**
 * Validators for personal identifiers found in customer registers. Every function takes an
 * already normalised value (see `import/normalise.ts`): no spaces, half-width, ID check
 * character upper-case. None throws; each answers a plain yes/no (or a problem code).
 */

export type PrcIdProblem = 'LENGTH' | 'CHARS' | 'BIRTH_DATE' | 'CHECKSUM';

// GB 11643-1999 §5: weights 2^(17-i) mod 11 for positions 1..17; check = table[sum mod 11].
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The GB 11643 check character ('0'–'9' or 'X') for the first 17 digits of an ID number. */
export function prcIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function ymd(d: Date): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}${p(d.getMonth() + 1, 2)}${p(d.getDate(), 2)}`;
}

/** True when `yyyymmdd` (8 digits) is a real calendar date. */
function isRealYmd(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/**
 * Why an 18-character PRC resident ID number is invalid, or null when it is valid: LENGTH
 * (not 18 characters), CHARS (not 17 digits + digit/'X'), BIRTH_DATE (positions 7–14 not a real
 * date, before 1900-01-01 or after `today`, default now), CHECKSUM (GB 11643 check fails).
 */
export function prcIdProblem(id: string, today: Date = new Date()): PrcIdProblem | null {
  if (id.length !== 18) return 'LENGTH';
  if (!/^\d{17}[\dX]$/.test(id)) return 'CHARS';
  const birth = id.slice(6, 14);
  if (!isRealYmd(birth) || birth < '19000101' || birth > ymd(today)) return 'BIRTH_DATE';
  if (prcIdCheckChar(id) !== id[17]) return 'CHECKSUM';
  return null;
}

/** True when `id` is a valid 18-character PRC resident ID number (see `prcIdProblem`). */
export function isValidPrcId(id: string, today?: Date): boolean {
  return prcIdProblem(id, today) === null;
}

/** True for a mainland mobile number already stripped of prefix and separators: 1[3-9] + 9 digits. */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

/** True when `digits` is all ASCII digits and passes the Luhn (mod 10) check. */
export function luhnOk(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** True for a bank card number: 12–19 digits passing Luhn. */
export function isValidBankCard(card: string): boolean {
  return /^\d{12,19}$/.test(card) && luhnOk(card);
}

/** True for a plausible e-mail address: one '@', a non-empty local part, a dotted domain. */
export function isValidEmail(email: string): boolean {
  if (email.length > 254) return false;
  return /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
    email,
  ) && !/^\.|\.\.|\.@/.test(email);
}

// GB 32100-2015: 31-character alphabet (no I, O, Z, S, V); weights 3^i mod 31.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The GB 32100 check character for the first 17 characters of a USCC, or null if a char is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** True for an 18-character unified social credit code (upper-case) whose GB 32100 check character matches. */
export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return usccCheckChar(code) === code[17];
}

/** True for `YYYY-MM-DD` naming a real calendar date (proleptic Gregorian, years 0001–9999). */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && m[1] !== '0000' && isRealYmd(m[1]! + m[2]! + m[3]!);
}
