export type { BundleFacts, EligibilityFacts, IneligibleReason, Scope } from './eligibility.ts';
export { INELIGIBLE_REASONS, archiveFacts, bundleHolds, bundleHoldsCurrent, ineligibility, inScope } from './eligibility.ts';
export type { MediaKind, NistCategory, PhysicalKind, Technique } from './methods.ts';
export { MEDIA_KINDS, PHYSICAL_KINDS, TECHNIQUES, TECHNIQUE_IDS, techniquesFor } from './methods.ts';
