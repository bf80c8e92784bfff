/**
 * Import normalisers: one per field shape, each returning `{ ok, value, changed }` or a problem
 * code (see normalise-text.ts). They clean what a spreadsheet or a typist did to a value and
 * recognise spreadsheet damage; they never guess lost digits back.
 */
import type { FieldKey } from '../fields.ts';
import { luhnOk, prcIdCheckChar } from '../pii/validators.ts';
import { normaliseAmount, type AmountUnit } from './normalise-amount.ts';
import { normaliseDate } from './normalise-date.ts';
import {
  compactIdentifier,
  normaliseFreeText,
  normaliseName,
  normaliseText,
  normalised,
  problem,
  type NormaliseResult,
} from './normalise-text.ts';

export { excelSerialToIso, normaliseDate } from './normalise-date.ts';
export { amountUnitOfHeader, normaliseAmount, type AmountUnit } from './normalise-amount.ts';
export { normaliseFreeText, normaliseName, normaliseText, toHalfWidth, type NormaliseProblem, type NormaliseResult } from './normalise-text.ts';

// How a spreadsheet writes a number it no longer holds exactly: 1.10101E+17, 1.1e17, 110101198402248000.0
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;
const DECIMAL = /^\d+\.\d+$/;

/** True when a digit string is exactly what printing a float gives back (so it may be a float print). */
function isFloatPrint(digits: string): boolean {
  return String(Number(digits)) === digits || /000$/.test(digits);
}

/** True when positions 7–12 of a 15-digit ID (its YYMMDD) form a real date in 19YY. */
function hasFirstGenerationDate(id: string): boolean {
  const y = 1900 + Number(id.slice(6, 8));
  const m = Number(id.slice(8, 10));
  const d = Number(id.slice(10, 12));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Normalises an ID-document number: half-width, spaces and a leading apostrophe removed,
 * letters upper-cased (…x → …X). Problems: ID_NUMBER_DAMAGED for a number a spreadsheet
 * rewrote (scientific notation, a decimal point, 16–17 digits, or 18 digits whose check fails
 * and that end like a float print, e.g. in 000); ID_NUMBER_FIRST_GENERATION for a 15-digit ID
 * with a real 19YYMMDD birth date. Any other value (passport numbers too) is returned cleaned,
 * for the validator to judge.
 */
export function normaliseIdNumber(raw: string): NormaliseResult {
  const id = compactIdentifier(raw).toUpperCase();
  if (SCIENTIFIC.test(id) || DECIMAL.test(id)) return problem('ID_NUMBER_DAMAGED');
  if (/^\d{16,17}$/.test(id)) return problem('ID_NUMBER_DAMAGED');
  if (/^\d{18}$/.test(id) && prcIdCheckChar(id) !== id[17] && isFloatPrint(id)) return problem('ID_NUMBER_DAMAGED');
  if (/^\d{15}$/.test(id) && hasFirstGenerationDate(id)) return problem('ID_NUMBER_FIRST_GENERATION');
  return normalised(raw, id);
}

/**
 * Normalises a phone number: half-width, spaces, dashes, dots and parentheses removed, and a
 * +86 / 0086 / 86 country prefix dropped when an 11-digit mobile number remains. Landlines
 * stay as digits ('010-6512 3456' → '01065123456'). Problem: PHONE_DAMAGED for scientific
 * notation or a decimal point (a number cell).
 */
export function normalisePhone(raw: string): NormaliseResult {
  const compact = compactIdentifier(raw, /[\s\u200b\-–—()（）.]+/g);
  if (SCIENTIFIC.test(compact)) return problem('PHONE_DAMAGED');
  if (DECIMAL.test(compactIdentifier(raw))) return problem('PHONE_DAMAGED');
  const m = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact);
  return normalised(raw, m ? m[1]! : compact);
}

/**
 * Normalises a bank card or account number: half-width, spaces and dashes removed. Problem:
 * BANK_CARD_DAMAGED for scientific notation, a decimal point, or 16–19 digits ending in 000
 * that fail Luhn (a float print of a card number).
 */
export function normaliseBankCard(raw: string): NormaliseResult {
  const card = compactIdentifier(raw, /[\s\u200b\-–—]+/g);
  if (SCIENTIFIC.test(card) || DECIMAL.test(card)) return problem('BANK_CARD_DAMAGED');
  if (/^\d{16,19}$/.test(card) && /000$/.test(card) && !luhnOk(card)) return problem('BANK_CARD_DAMAGED');
  return normalised(raw, card);
}

/** Normalises an e-mail address: half-width, spaces removed, the domain lower-cased. */
export function normaliseEmail(raw: string): NormaliseResult {
  const email = compactIdentifier(raw).replace(/^(?:mailto:)+/i, '');
  const at = email.lastIndexOf('@');
  return normalised(raw, at < 0 ? email : email.slice(0, at + 1) + email.slice(at + 1).toLowerCase());
}

/** Normalises a unified social credit code: half-width, spaces and dashes removed, upper-cased. */
export function normaliseUscc(raw: string): NormaliseResult {
  return normalised(raw, compactIdentifier(raw, /[\s\u200b-]+/g).toUpperCase());
}

const FREE_TEXT: ReadonlySet<FieldKey> = new Set(['feedback', 'complaints', 'notes', 'agreements', 'riskDisclosure']);
const DATES: ReadonlySet<FieldKey> = new Set(['birthDate', 'subscriptionDate', 'relationshipEnd']);

/**
 * Normalises a cell for the field it is mapped to; `unit` scales amounts from a 万元 column.
 * 'customerNo' is treated as an identifier (half-width, trimmed, no spaces).
 */
export function normaliseField(field: FieldKey | 'customerNo', raw: string, unit: AmountUnit = 'yuan'): NormaliseResult {
  if (field === 'customerNo') return normalised(raw, compactIdentifier(raw));
  if (field === 'idNumber') return normaliseIdNumber(raw);
  if (field === 'phone') return normalisePhone(raw);
  if (field === 'bankAccount') return normaliseBankCard(raw);
  if (field === 'email') return normaliseEmail(raw);
  if (field === 'uscc') return normaliseUscc(raw);
  if (field === 'amount') return normaliseAmount(raw, unit);
  if (field === 'name') return normaliseName(raw);
  if (DATES.has(field)) return normaliseDate(raw);
  if (FREE_TEXT.has(field)) return normaliseFreeText(raw);
  return normaliseText(raw);
}
