import type { Condition } from './conditions.ts';
import type { Bilingual } from './types.ts';

/** Extra guidance shown on an applicable item only when its condition holds. */
export interface Addendum {
  when: Condition;
  text: Bilingual;
}

/**
 * The hand-written half of a checklist item; phase, scenarios and citations come from the
 * bundled matrix (regulations.generated.json) so they have one source.
 */
export interface ItemDefinition {
  id: string;
  /** Short and imperative. */
  title: Bilingual;
  /** What to do, with the law it rests on. */
  todo: Bilingual;
  /** What counts as evidence that it is done. */
  evidence: Bilingual;
  /** All must hold (beyond the scenario match); [] means every profile of a matching scenario. */
  appliesWhen: readonly Condition[];
  /** Items to finish first; an item that does not apply is passed through to its own dependencies. */
  dependsOn: readonly string[];
  addenda?: readonly Addendum[];
}
