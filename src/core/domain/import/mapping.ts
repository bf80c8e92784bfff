/**
 * Column-mapping suggestions for an imported register: which record field each column holds,
 * from its header (Chinese and English vocabularies) and from what its sample values are.
 * Content overrides a misleading header for ID numbers: an 18-character value passing the
 * GB 11643 check is an ID number whatever the column is called.
 */
import { FIELD_BY_KEY } from '../fields.ts';
import { isValidBankCard, isValidEmail, isValidMobile, isValidPrcId, isValidUscc } from '../pii/validators.ts';
import { CONTENT_KINDS, isAddress, isChineseName, profileColumn, type ContentKind } from './detect.ts';
import { amountUnitOfHeader, normaliseField, type AmountUnit } from './normalise.ts';
import { matchHeader, type MappedField } from './mapping-synonyms.ts';
import { toHalfWidth, trimAll } from './normalise-text.ts';

export { headerKey, type MappedField } from './mapping-synonyms.ts';

/** One column's suggestion. `unit` is set for amount columns ('wan' when the header says 万元). */
export interface MappingSuggestion {
  column: number;
  header: string;
  field: MappedField | null;
  /** 0–1. For field null: how sure we are the column holds no record field (0: nothing known). */
  confidence: number;
  reason: 'header' | 'content' | 'both';
  unit?: AmountUnit;
}

// Kinds that identify a field from content alone; dates and amounts need a header to say which.
const FIELD_OF_KIND: Partial<Record<ContentKind, MappedField>> = {
  prcId: 'idNumber', prcIdDamaged: 'idNumber', uscc: 'uscc', bankCard: 'bankAccount', mobile: 'phone', email: 'email', chineseName: 'name', address: 'address',
};
const DOMINANT = 0.5;
const round2 = (x: number): number => Math.round(x * 100) / 100;

// Fields whose content test only confirms a header: organisations' names and foreign addresses fail it honestly.
const CONFIRM_ONLY: ReadonlySet<MappedField> = new Set(['name', 'address']);

/** How well samples fit a header's field: fraction of non-empty values passing its check; null when the field has no check. */
function fieldFit(field: MappedField, samples: readonly string[]): number | null {
  const check = field === 'customerNo' ? undefined : CONFIRM_ONLY.has(field) ? field : FIELD_BY_KEY.get(field)?.check;
  if (check === undefined) return null;
  const values = samples.filter((v) => trimAll(v) !== '');
  if (values.length === 0) return null;
  const fits = values.filter((raw) => {
    if (check === 'address') return isAddress(raw);
    if (check === 'name') return isChineseName(raw);
    const r = normaliseField(field, raw);
    if (!r.ok) return r.problem === 'ID_NUMBER_DAMAGED' || r.problem === 'ID_NUMBER_FIRST_GENERATION';
    const tests: Record<string, (v: string) => boolean> = { prcId: isValidPrcId, uscc: isValidUscc, mobile: isValidMobile, email: isValidEmail, bankCard: isValidBankCard };
    return tests[check]?.(r.value) ?? true;
  });
  return fits.length / values.length;
}

/** The dominant content kind of a column's samples (fraction ≥ 0.5) and its fraction, or null. */
function dominantKind(samples: readonly string[]): { kind: ContentKind; fraction: number } | null {
  const { fractions } = profileColumn(samples);
  const kind = CONTENT_KINDS.reduce((a, b) => (fractions[b] > fractions[a] ? b : a));
  return fractions[kind] >= DOMINANT ? { kind, fraction: fractions[kind] } : null;
}

/** Suggests a field for one column from its header and its samples (see `suggestMapping`). */
function suggestColumn(column: number, header: string, samples: readonly string[]): MappingSuggestion {
  const said = matchHeader(header);
  const seen = dominantKind(samples);
  const contentField = seen ? FIELD_OF_KIND[seen.kind] ?? null : null;
  const make = (field: MappedField | null, confidence: number, reason: MappingSuggestion['reason']): MappingSuggestion => ({
    column, header, field, confidence: round2(Math.min(0.99, confidence)), reason, ...(field === 'amount' ? { unit: amountUnitOfHeader(header) } : {}),
  });
  if (seen?.kind === 'prcId' && said?.field !== 'idNumber') return make('idNumber', 0.9 * seen.fraction + 0.05, 'content');
  if (said?.field != null) {
    const fit = fieldFit(said.field, samples);
    if (fit === null) return make(said.field, said.weight, 'header');
    if (fit >= DOMINANT) return make(said.field, 1 - (1 - said.weight) * (1 - 0.9 * fit), 'both');
    if (CONFIRM_ONLY.has(said.field)) return make(said.field, said.weight, 'header');
    if (fit < 0.2 && contentField !== null && contentField !== said.field && seen!.fraction >= 0.8) return make(contentField, 0.8 * seen!.fraction, 'content');
    return make(said.field, said.weight * (0.6 + 0.4 * fit), 'header');
  }
  if (said !== null) return make(null, said.weight, 'header');
  if (contentField !== null) return make(contentField, 0.85 * seen!.fraction, 'content');
  return make(null, 0, 'header');
}

/**
 * Suggests a field for every column of a register from its headers and some sample rows
 * (rows may be ragged; missing cells count as empty). A field goes to one column only: when
 * two columns claim it, the less confident one is left unmapped (field null, confidence 0)
 * for the person to decide. Amount suggestions carry the header's unit.
 */
export function suggestMapping(headers: string[], sampleRows: string[][]): MappingSuggestion[] {
  const suggestions = headers.map((h, c) => suggestColumn(c, h, sampleRows.map((row) => row[c] ?? '')));
  const best = new Map<MappedField, MappingSuggestion>();
  for (const s of suggestions) {
    if (s.field === null) continue;
    const held = best.get(s.field);
    if (held === undefined || s.confidence > held.confidence) best.set(s.field, s);
  }
  return suggestions.map((s) => (s.field === null || best.get(s.field) === s ? s : { column: s.column, header: s.header, field: null, confidence: 0, reason: s.reason }));
}

/**
 * A stable signature of a header row, to remember a confirmed mapping for files laid out the
 * same way: 'h1:' + JSON of each header half-width, lower-cased, without whitespace (brackets
 * and units kept, since 元 and 万元 map differently); trailing empty headers are ignored.
 */
export function headerSignature(headers: string[]): string {
  const keys = headers.map((h) => trimAll(toHalfWidth(h)).toLowerCase().replace(/[\s\u200b]+/g, ''));
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return `h1:${JSON.stringify(keys)}`;
}
