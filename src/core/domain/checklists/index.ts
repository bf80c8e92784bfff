export type { Bilingual, Phase, Scenario } from './types.ts';
export { PHASES, PHASE_NAMES, SCENARIOS, SCENARIO_NAMES } from './types.ts';
export type { FirmProfile, ProfileField, ProfileProblem, TransferRoute } from './profile.ts';
export { TRANSFER_ROUTES, assertValidProfile, validateProfile } from './profile.ts';
export type { Condition } from './conditions.ts';
export { describeCondition, holds } from './conditions.ts';
export type { Addendum, ItemDefinition } from './definition.ts';
export type { Confidence, Fact, FactKind, MatrixRow } from './facts.ts';
export {
  CONFIDENCE_LABELS,
  FACTS,
  KIND_LABELS,
  MATRIX,
  RULES_DISCLAIMER,
  RULES_REVIEWED,
  checkWithCounsel,
  citationsFor,
  factById,
  isEuFact,
} from './facts.ts';
export type { ChecklistItem } from './items.ts';
export { ITEMS, itemById } from './items.ts';
export type { ChecklistStates, EvidenceRef, ItemState, ItemStatus, StoredItemState } from './state.ts';
export { blockedBy, isSettled, newItemState } from './state.ts';
export type { Applicability, Checklist, ChecklistEntry } from './generate.ts';
export { applicableIds, generateChecklist, itemApplies, regenerate } from './generate.ts';
export type { ActionName } from './actions.ts';
export { ACTION_TICKS, applyActionEvidence } from './actions.ts';
