export type { Fate, FateChoice, FateFunnel, FateKind, FateStatus, Hold, RetentionDates, StartEvent } from './types.ts';
export { FATE_STATUSES } from './types.ts';
export type { RetentionRule } from './rules.ts';
export { RETENTION_RULES } from './rules.ts';
export type { BasisLine, Retention } from './retention.ts';
export { addYears, isDate, retentionOf, rulesFor, underRetention } from './retention.ts';
export type { FateProblem, Suggestion } from './fates.ts';
export { destroyable, fateOf, fateProblem, fateStatus, funnelOf, sameFate, suggestFate } from './fates.ts';
export { bundleFate, parseBundleFate } from './bundle-fate.ts';
