/**
 * Masking for display and logs: enough of a value stays visible for a person to recognise a
 * record, never enough to reconstruct it. Every function works on code points (a rare Han
 * character outside the BMP counts as one) and returns '' for ''.
 */
import { FIELD_BY_KEY, type FieldKey } from '../fields.ts';

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** Keeps `head` leading and `tail` trailing code points and stars the rest. */
function keepEnds(value: string, head: number, tail: number): string {
  const cps = Array.from(value);
  if (cps.length <= head + tail) return stars(cps.length);
  return cps.slice(0, head).join('') + stars(cps.length - head - tail) + cps.slice(cps.length - tail).join('');
}

/** Keeps the first character (the surname, or its first half): '张三' → '张*', '欧阳娜娜' → '欧***'. */
export function maskName(name: string): string {
  const cps = Array.from(name);
  if (cps.length <= 1) return stars(cps.length);
  return cps[0] + stars(cps.length - 1);
}

/**
 * Keeps the first and last four characters of an ID number (region and check part), starring the
 * birth date and sequence: '110101198402248759' → '1101**********8759'. Shorter document numbers
 * keep a quarter of their length at each end: 'E12345678' → 'E1*****78'.
 */
export function maskId(id: string): string {
  const keep = Math.min(4, Math.floor(Array.from(id).length / 4));
  return keepEnds(id, keep, keep);
}

/** Keeps the first three and last four digits of a mobile number: '13812345678' → '138****5678'. */
export function maskPhone(phone: string): string {
  const n = Array.from(phone).length;
  return n >= 9 ? keepEnds(phone, 3, 4) : keepEnds(phone, 0, Math.min(2, Math.floor(n / 3)));
}

/** Keeps the first and last four digits of a card or account number: '6222027724210867550' → '6222***********7550'. */
export function maskCard(card: string): string {
  const n = Array.from(card).length;
  return n >= 12 ? keepEnds(card, 4, 4) : keepEnds(card, 0, Math.min(4, Math.floor(n / 3)));
}

/** Keeps the first character of the local part and the whole domain: 'u339838@example.cn' → 'u******@example.cn'. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return maskName(email);
  return maskName(email.slice(0, at)) + email.slice(at);
}

/** Keeps the first six characters of an address (province and city, usually) and stars the rest. */
export function maskAddress(address: string): string {
  return keepEnds(address, 6, 0);
}

/** Keeps the year of an ISO date: '1984-02-24' → '1984-**-**'. Other text is fully starred. */
export function maskDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 4)}-**-**` : stars(Array.from(date).length);
}

/**
 * Masks a value by the field it belongs to. C1 fields (ID type, bank name, product, term,
 * channel, relationship end) and the customer number are shown as they are; other fields
 * without a specific rule (amount, gender, free text…) become '***', which hides the length too.
 */
export function maskValue(field: FieldKey | 'customerNo', value: string): string {
  if (value === '' || field === 'customerNo') return value;
  switch (field) {
    case 'name':
      return maskName(value);
    case 'idNumber':
    case 'uscc':
      return maskId(value);
    case 'phone':
      return maskPhone(value);
    case 'bankAccount':
      return maskCard(value);
    case 'email':
      return maskEmail(value);
    case 'address':
      return maskAddress(value);
    case 'birthDate':
    case 'subscriptionDate':
      return maskDate(value);
    default:
      return FIELD_BY_KEY.get(field)?.sensitivity === 'C1' ? value : '***';
  }
}
