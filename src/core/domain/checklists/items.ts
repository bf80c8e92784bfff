import type { ItemDefinition } from './definition.ts';
import { MATRIX } from './facts.ts';
import { ITEMS_P1 } from './items-p1.ts';
import { ITEMS_P2 } from './items-p2.ts';
import { ITEMS_P3 } from './items-p3.ts';
import { ITEMS_P4 } from './items-p4.ts';
import { ITEMS_P5 } from './items-p5.ts';
import { ITEMS_P6 } from './items-p6.ts';
import { ITEMS_P7 } from './items-p7.ts';
import type { Phase, Scenario } from './types.ts';

/** A checklist rule: the hand-written texts and conditions joined with its matrix row. */
export interface ChecklistItem extends ItemDefinition {
  phase: Phase;
  scenarios: readonly Scenario[];
  /** Ids of the facts it cites; see citationsFor. */
  facts: readonly string[];
  /** The matrix's English wording, kept for traceability. */
  matrixText: string;
}

/** Every hand-written definition, P1 to P7. */
export const DEFINITIONS: readonly ItemDefinition[] = [
  ...ITEMS_P1,
  ...ITEMS_P2,
  ...ITEMS_P3,
  ...ITEMS_P4,
  ...ITEMS_P5,
  ...ITEMS_P6,
  ...ITEMS_P7,
];

const definitionIndex = new Map(DEFINITIONS.map((d) => [d.id, d]));

// The matrix decides which items exist; a matrix row without a definition is a bug in this
// folder after a rules refresh, so it fails loudly when the module loads.
/** Every checklist item, in matrix order. */
export const ITEMS: readonly ChecklistItem[] = MATRIX.map((row) => {
  const def = definitionIndex.get(row.id);
  if (!def) throw new Error(`checklists: matrix item ${row.id} has no definition in items-p*.ts`);
  return { ...def, phase: row.phase, scenarios: row.scenarios, facts: row.facts, matrixText: row.item };
});

const itemIndex = new Map(ITEMS.map((i) => [i.id, i]));

/** The item with this id, or undefined. */
export function itemById(id: string): ChecklistItem | undefined {
  return itemIndex.get(id);
}
