import raw from './regulations.generated.json';
import type { Bilingual, Phase, Scenario } from './types.ts';

/** How far a fact was checked: against a full text, from consistent secondary sources, or not. */
export type Confidence = 'verified-from-text' | 'secondary-source' | 'unverified';
/** A rule states the law; an interpretation is a reading of it; superseded is history. */
export type FactKind = 'rule' | 'interpretation' | 'superseded';

/** One cited fact, exactly as bundled in regulations.generated.json. */
export interface Fact {
  id: string;
  source: Bilingual;
  article: string;
  fact: Bilingual;
  confidence: Confidence;
  kind: FactKind;
  retention_years: number | null;
  phases: Phase[];
  scenarios: Scenario[];
  notes?: string;
}

/** One row of matrix.yaml: the item's phase, scenarios and cited fact ids (English text only). */
export interface MatrixRow {
  id: string;
  phase: Phase;
  scenarios: Scenario[];
  facts: string[];
  item: string;
  short: string;
}

interface Regulations {
  meta: { generated: string; source: string; disclaimer: string; factCount: number; itemCount: number };
  facts: Fact[];
  items: MatrixRow[];
}

const data = raw as Regulations;

/** The date (YYYY-MM-DD) the rules were last reviewed against the law. */
export const RULES_REVIEWED: string = data.meta.generated;
/** The research notes' disclaimer (English): paraphrase, not legal advice. */
export const RULES_DISCLAIMER: string = data.meta.disclaimer;
/** Every bundled fact, in the order of facts.yaml. */
export const FACTS: readonly Fact[] = data.facts;
/** Every matrix row, in the order of matrix.yaml. */
export const MATRIX: readonly MatrixRow[] = data.items;

const factIndex = new Map(FACTS.map((f) => [f.id, f]));
const rowIndex = new Map(MATRIX.map((r) => [r.id, r]));

/** The bundled fact with this id, or undefined. */
export function factById(id: string): Fact | undefined {
  return factIndex.get(id);
}

/** The matrix row of an item id, or undefined. */
export function matrixRow(itemId: string): MatrixRow | undefined {
  return rowIndex.get(itemId);
}

/** True for facts from EU law (GDPR), which matter only to firms with EU customers. */
export function isEuFact(f: Fact): boolean {
  return f.source.en.startsWith('EU ');
}

/**
 * The facts an item cites, in matrix order; [] for an unknown item. With a profile that has no EU
 * customers, GDPR facts are left out unless they are the item's only citations.
 */
export function citationsFor(itemId: string, profile?: { euCustomers: boolean }): Fact[] {
  const all = (rowIndex.get(itemId)?.facts ?? []).map((id) => factIndex.get(id)).filter((f): f is Fact => f !== undefined);
  if (!profile || profile.euCustomers) return all;
  const domestic = all.filter((f) => !isEuFact(f));
  return domestic.length > 0 ? domestic : all;
}

/** True when the fact should be confirmed with counsel before relying on it. */
export function checkWithCounsel(f: Fact): boolean {
  return f.confidence !== 'verified-from-text' || f.kind === 'superseded';
}

export const CONFIDENCE_LABELS: Readonly<Record<Confidence, Bilingual>> = {
  'verified-from-text': { zh: '已对照法规原文核实', en: 'Verified against the text' },
  'secondary-source': { zh: '依据二手资料，请与律师确认', en: 'Secondary source: check with counsel' },
  unverified: { zh: '未经核实，使用前请与律师确认', en: 'Unverified: check with counsel before relying on it' },
};

export const KIND_LABELS: Readonly<Record<FactKind, Bilingual>> = {
  rule: { zh: '规定', en: 'Rule' },
  interpretation: { zh: '解释性意见', en: 'Interpretation' },
  superseded: { zh: '已被取代', en: 'Superseded' },
};
