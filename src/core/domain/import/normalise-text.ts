/**
 * Shared pieces of the import normalisers: the result shape, problem codes, full-width to
 * half-width folding and the plain-text normalisers (names, free text). Pure, no DOM.
 */

/** Why a cell could not be normalised. Codes survive the worker boundary; the UI words them. */
export type NormaliseProblem =
  | 'ID_NUMBER_DAMAGED' // stored as a number by a spreadsheet: digits lost, never guessed back
  | 'ID_NUMBER_FIRST_GENERATION' // 15-digit ID of the first generation (before 1999)
  | 'PHONE_DAMAGED' // scientific notation or a decimal point in a phone number
  | 'BANK_CARD_DAMAGED' // card number stored as a number: digits lost
  | 'AMOUNT_INVALID'
  | 'DATE_INVALID';

/** `ok`: `value` is the normalised text and `changed` says whether it differs from the input. */
export type NormaliseResult =
  | { ok: true; value: string; changed: boolean }
  | { ok: false; problem: NormaliseProblem };

/** Builds a success result; `changed` compares against the raw input. */
export function normalised(raw: string, value: string): NormaliseResult {
  return { ok: true, value, changed: value !== raw };
}

/** Builds a failure result. */
export function problem(code: NormaliseProblem): NormaliseResult {
  return { ok: false, problem: code };
}

/**
 * Folds full-width forms (U+FF01–U+FF5E: digits, Latin letters, ASCII punctuation) and the
 * ideographic space U+3000 to their ASCII equivalents. CJK punctuation such as 。、“” is kept.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Unicode White_Space plus zero-width space and BOM, which spreadsheets leave behind.
const EDGE_SPACE = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;

/** Trims whitespace (including U+3000, zero-width space and BOM) from both ends. */
export function trimAll(s: string): string {
  return s.replace(EDGE_SPACE, '');
}

/** Short structured text (gender, product, channel…): half-width, trimmed, inner whitespace runs collapsed to one space. */
export function normaliseText(raw: string): NormaliseResult {
  return normalised(raw, trimAll(toHalfWidth(raw)).replace(/[\s\u200b]+/g, ' '));
}

/**
 * A person's or organisation's name: as `normaliseText`, and whitespace between two Han
 * characters is removed (registers pad two-character names to align columns: '王  伟' → '王伟').
 */
export function normaliseName(raw: string): NormaliseResult {
  const text = trimAll(toHalfWidth(raw)).replace(/[\s\u200b]+/g, ' ');
  return normalised(raw, text.replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1'));
}

/** Free text (notes, feedback, complaints): only trimmed and CRLF folded to LF; wording is the customer's. */
export function normaliseFreeText(raw: string): NormaliseResult {
  return normalised(raw, trimAll(raw.replace(/\r\n?/g, '\n')));
}

/**
 * The compact form of an identifier cell: half-width, trimmed, every match of `separators`
 * (default: whitespace) removed, leading apostrophes (Excel's "store as text" mark) dropped.
 */
export function compactIdentifier(raw: string, separators: RegExp = /[\s\u200b]+/g): string {
  return trimAll(toHalfWidth(raw)).replace(separators, '').replace(/^'+/, '');
}
