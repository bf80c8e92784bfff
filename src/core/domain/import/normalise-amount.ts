/**
 * Amount normaliser: register amounts with thousands separators, currency marks and 万元 units
 * to a plain yuan decimal string. Arithmetic is done on decimal digits, never on floats, so
 * '1,234.5678万元' is exactly '12345678' and not 12345677.999….
 */
import { normalised, problem, toHalfWidth, trimAll, type NormaliseResult } from './normalise-text.ts';

/** The unit a column's header states: plain yuan, or 万元 (ten thousand yuan). */
export type AmountUnit = 'yuan' | 'wan';

const UNIT_EXPONENT: Record<string, number> = { '': 0, 元: 0, 万: 4, 万元: 4, 亿: 8, 亿元: 8 };
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The unit a header names ('认购金额(万元)', 'amount (10k yuan)' → 'wan'), else 'yuan'. */
export function amountUnitOfHeader(header: string): AmountUnit {
  const h = toHalfWidth(header).toLowerCase().replace(/\s+/g, '');
  return /万元|\(万\)|万$|10kyuan|tenthousandyuan|10,000yuan/.test(h) ? 'wan' : 'yuan';
}

/** Multiplies a non-negative decimal string by 10^exp and returns it in canonical form. */
function shiftDecimal(digits: string, exp: number): string {
  const [intPart = '', fracPart = ''] = digits.split('.');
  const frac = fracPart.padEnd(exp, '0');
  const whole = (intPart + frac.slice(0, exp)).replace(/^0+(?=\d)/, '') || '0';
  const rest = frac.slice(exp).replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}

/**
 * Normalises an amount cell to yuan as a canonical decimal string ('22910000', '1108.5',
 * '-300'): trims, folds full-width, drops ¥/￥/RMB/CNY/人民币 and spaces, checks thousands
 * grouping, applies a 元/万/万元/亿/亿元 suffix, or else `unit` (from the header) when the value has
 * none. Empty stays empty. Problem: AMOUNT_INVALID (bad grouping, scientific notation, text).
 */
export function normaliseAmount(raw: string, unit: AmountUnit = 'yuan'): NormaliseResult {
  let s = trimAll(toHalfWidth(raw)).replace(/[\s\u200b]+/g, '');
  if (s === '') return normalised(raw, '');
  const sign = /^[-+]/.test(s) ? s[0] : '';
  s = s.slice(sign.length).replace(/^(?:[¥￥]|rmb|cny|人民币)/i, '');
  const suffix = /(万元|亿元|万|亿|元)$/.exec(s)?.[1];
  if (suffix !== undefined) s = s.slice(0, -suffix.length);
  if (!GROUPED.test(s) && !PLAIN.test(s)) return problem('AMOUNT_INVALID');
  const exp = suffix !== undefined ? UNIT_EXPONENT[suffix]! : unit === 'wan' ? 4 : 0;
  const value = shiftDecimal(s.replace(/,/g, ''), exp);
  return normalised(raw, sign === '-' && value !== '0' ? `-${value}` : value);
}
