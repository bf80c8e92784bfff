/**
 * Which retention facts apply to which record categories, in which scenarios, and what starts
 * their clock. The periods themselves are never written here: they come from the bundled facts
 * (`retention_years` of regulations.generated.json), the one source of truth, so a reviewed
 * fact changes every rule that cites it.
 *
 * Left out on purpose: FUND-15Y (contractual, not statutory), FDL-117 (futures business only,
 * which the profile does not record), AML06-19 (superseded by AML24-34), and PIPL-56, NDSR-12
 * and CSL-21 (they keep the firm's own processing records and logs, not customer records).
 */
import type { Category } from '../fields.ts';
import type { Scenario } from '../checklists/types.ts';
import type { StartEvent } from './types.ts';

export interface RetentionRule {
  /** A fact id of the bundled regulations with a `retention_years`. */
  fact: string;
  /** Record categories whose data the fact requires to be kept. */
  categories: readonly Category[];
  /** Scenarios of the firm profile it applies in (a subset of the fact's own). */
  scenarios: readonly Scenario[];
  start: StartEvent;
}

export const RETENTION_RULES: readonly RetentionRule[] = [
  // Account-opening materials, orders, trades: everything a securities firm holds on a client.
  // The article does not say when the 20 years start; the end of the relationship is the cautious reading.
  { fact: 'SECLAW-137', categories: ['identity', 'contact', 'financial', 'investment', 'contract'], scenarios: ['BT', 'SD'], start: 'relationship-end' },
  // Suitability: risk level, qualified-investor confirmation, risk disclosures.
  { fact: 'SUIT-32', categories: ['investment', 'contract'], scenarios: ['PF', 'BT', 'SD'], start: 'relationship-end' },
  // Fund registrar data (holder identity and holdings), 20 years after the fund account is closed.
  { fact: 'FUNDLAW-102', categories: ['identity', 'investment'], scenarios: ['PF'], start: 'relationship-end' },
  // Investment decision, trading and suitability records, 10 years from the fund's liquidation.
  { fact: 'PF-10Y', categories: ['investment', 'contract'], scenarios: ['PF'], start: 'fund-liquidation' },
  // Customer identification (CDD) and transaction data, 10 years after the relationship ends.
  { fact: 'AML24-34', categories: ['identity', 'contact', 'financial', 'investment'], scenarios: ['PF', 'BT', 'SD'], start: 'relationship-end' },
  // Engagement files of a securities service institution, 10 years after the engagement.
  { fact: 'SECLAW-162', categories: ['contract', 'communications'], scenarios: ['BT'], start: 'relationship-end' },
  // Vouchers and ledgers carry customers' names and accounts: kept from the end of the fiscal year.
  { fact: 'ACA-SCHED', categories: ['financial'], scenarios: ['AV'], start: 'fiscal-year-end' },
  { fact: 'TAX-29', categories: ['financial'], scenarios: ['AV'], start: 'fiscal-year-end' },
];
