import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_LABELS,
  FACTS,
  ITEMS,
  MATRIX,
  RULES_REVIEWED,
  checkWithCounsel,
  citationsFor,
  factById,
  type Bilingual,
} from '../../../src/core/domain/checklists/index.ts';
import { DEFINITIONS } from '../../../src/core/domain/checklists/items.ts';

const CJK = /[\u4e00-\u9fff]/;

function expectBilingual(t: Bilingual, where: string): void {
  expect(t.zh.trim(), `${where} zh`).not.toBe('');
  expect(t.en.trim(), `${where} en`).not.toBe('');
  expect(t.zh, `${where} zh is Chinese`).toMatch(CJK);
  expect(t.en, `${where} en has no Chinese`).not.toMatch(CJK);
}

describe('checklist items', () => {
  it('are exactly the 58 matrix ids, each defined once', () => {
    expect(ITEMS).toHaveLength(58);
    expect(ITEMS.map((i) => i.id)).toEqual(MATRIX.map((r) => r.id));
    expect(DEFINITIONS.map((d) => d.id).sort()).toEqual(MATRIX.map((r) => r.id).sort());
  });

  it.each(ITEMS.map((i) => [i.id, i] as const))('%s has both languages in title, todo and evidence', (id, item) => {
    expectBilingual(item.title, `${id} title`);
    expectBilingual(item.todo, `${id} todo`);
    expectBilingual(item.evidence, `${id} evidence`);
    for (const a of item.addenda ?? []) expectBilingual(a.text, `${id} addendum`);
    expect(item.title.en.length, `${id} title is short`).toBeLessThanOrEqual(60);
    expect(item.title.zh.length, `${id} title is short`).toBeLessThanOrEqual(24);
  });

  it.each(ITEMS.map((i) => [i.id, i] as const))('%s cites at least one fact, and every cited fact exists', (id, item) => {
    expect(item.facts.length, id).toBeGreaterThan(0);
    for (const f of item.facts) expect(factById(f), `${id} cites ${f}`).toBeDefined();
    expect(citationsFor(id).map((f) => f.id)).toEqual(item.facts);
  });

  it('takes phase and scenarios from the matrix', () => {
    const p401 = ITEMS.find((i) => i.id === 'P4-01');
    expect(p401?.phase).toBe('P4');
    expect(p401?.scenarios).toEqual(['PF', 'BT', 'SD']);
    for (const item of ITEMS) expect(item.id.startsWith(item.phase)).toBe(true);
  });
});

describe('facts', () => {
  it('bundles every fact the matrix cites and nothing else', () => {
    const cited = new Set(MATRIX.flatMap((r) => r.facts));
    expect(new Set(FACTS.map((f) => f.id))).toEqual(cited);
    expect(FACTS).toHaveLength(134);
  });

  it('exposes confidence for the UI', () => {
    const pipl22 = factById('PIPL-22');
    expect(pipl22?.confidence).toBe('verified-from-text');
    expect(pipl22 && checkWithCounsel(pipl22)).toBe(false);
    const officer = factById('CAC-PIPO-1M');
    expect(officer?.confidence).toBe('unverified');
    expect(officer && checkWithCounsel(officer)).toBe(true);
    const old = factById('AML06-19');
    expect(old?.kind).toBe('superseded');
    expect(old && checkWithCounsel(old)).toBe(true);
    expect(CONFIDENCE_LABELS['secondary-source'].en).toMatch(/counsel/);
  });

  it('keeps retention periods as numbers', () => {
    expect(factById('SECLAW-137')?.retention_years).toBe(20);
    expect(factById('AML24-34')?.retention_years).toBe(10);
    expect(factById('PIPL-22')?.retention_years).toBeNull();
  });

  it('drops GDPR citations for firms without EU customers unless they are the only ones', () => {
    expect(citationsFor('P1-06', { euCustomers: true }).map((f) => f.id)).toContain('GDPR-17');
    expect(citationsFor('P1-06', { euCustomers: false }).map((f) => f.id)).not.toContain('GDPR-17');
    expect(citationsFor('P5-08', { euCustomers: false }).map((f) => f.id)).toEqual(['GDPR-12-3']);
    expect(citationsFor('P9-99')).toEqual([]);
  });

  it('carries the review date', () => {
    expect(RULES_REVIEWED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(RULES_REVIEWED).toBe('2026-11-22');
  });
});
