/**
 * Words of retention and fate (DESIGN §2): what happens to a record — keep (with the facts that
 * require it and the date until which), transfer (to a named recipient), destroy — and a legal
 * hold that blocks destruction whatever the fate. Types only, so `record.ts` and the UI can use
 * them without loading the bundled regulations.
 */

export type FateKind = 'keep' | 'transfer' | 'destroy';

/** A decided fate, with when it was decided and by which operator. */
export type Fate =
  | { kind: 'keep'; basis: string[]; until: string | null; at: string; by: string }
  | { kind: 'transfer'; recipient: string; at: string; by: string }
  | { kind: 'destroy'; at: string; by: string };

/** A legal hold: the record may not be destroyed while it stands. */
export interface Hold {
  reason: string;
  at: string;
  by: string;
}

/** Where a record stands in the funnel. A held record counts as held whatever its fate. */
export type FateStatus = 'undecided' | FateKind | 'held';

export const FATE_STATUSES: readonly FateStatus[] = ['undecided', 'keep', 'transfer', 'destroy', 'held'];

/** What starts a retention clock. */
export type StartEvent = 'relationship-end' | 'fund-liquidation' | 'fiscal-year-end';

/**
 * Profile-level start dates (YYYY-MM-DD) that the user sets: when the firm closed its customer
 * accounts (the end of every relationship whose record gives no date of its own), and when the
 * fund was liquidated.
 */
export interface RetentionDates {
  accountsClosed?: string;
  fundLiquidated?: string;
}

/** The choice a user makes for records; basis and date of a keep come from the rules. */
export type FateChoice = { kind: 'keep' } | { kind: 'transfer'; recipient: string } | { kind: 'destroy' } | { kind: 'undecided' };

/** The count of records in each place of the funnel; the five add up to `total`. */
export interface FateFunnel {
  total: number;
  undecided: number;
  keep: number;
  transfer: number;
  destroy: number;
  held: number;
}
