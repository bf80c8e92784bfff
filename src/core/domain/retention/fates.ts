/**
 * Fates: the suggestion the app makes for a record, the checks a chosen fate must pass (a legal
 * hold or an unexpired retention blocks destruction), and the funnel the dashboard shows.
 */
import type { TransferRoute } from '../checklists/profile.ts';
import { underRetention, type Retention } from './retention.ts';
import type { Fate, FateChoice } from './types.ts';

export type Suggestion =
  | { kind: 'keep'; basis: string[]; until: string | null }
  | { kind: 'transfer'; recipient: string }
  | { kind: 'destroy' }
  | { kind: 'none' };

/**
 * The fate the app proposes: none without a firm profile; transfer to the recipient when the
 * data passes to a successor under PIPL art. 22; keep while a retention binds (or a hold
 * stands); destroy otherwise. Art. 23 provision needs each customer's consent and an equity sale
 * changes no processor, so neither suggests a transfer.
 */
export function suggestFate(
  r: { retention: Retention; held: boolean },
  ctx: { profile: { transferRoute: TransferRoute; recipient?: string } | null; today: string },
): Suggestion {
  if (!ctx.profile) return { kind: 'none' };
  const recipient = ctx.profile.recipient?.trim();
  if (ctx.profile.transferRoute === 'pipl22' && recipient) return { kind: 'transfer', recipient };
  if (underRetention(r.retention, ctx.today) || r.held) return { kind: 'keep', basis: r.retention.basis, until: r.retention.until };
  return { kind: 'destroy' };
}

export type FateProblem = 'HELD' | 'UNDER_RETENTION' | 'RECIPIENT_REQUIRED';

/** Why `choice` may not be set on a record, or null. Destruction is blocked by a hold and by a retention that still binds. */
export function fateProblem(choice: FateChoice, r: { retention: Retention; held: boolean }, today: string): FateProblem | null {
  if (choice.kind === 'transfer' && !choice.recipient?.trim()) return 'RECIPIENT_REQUIRED';
  if (choice.kind !== 'destroy') return null;
  if (r.held) return 'HELD';
  if (underRetention(r.retention, today)) return 'UNDER_RETENTION';
  return null;
}

/** The stored fate for a choice (undefined for 'undecided'); keep takes its basis and date from the retention. */
export function fateOf(choice: FateChoice | Suggestion, retention: Retention, at: string, by: string): Fate | undefined {
  switch (choice.kind) {
    case 'keep':
      return { kind: 'keep', basis: [...retention.basis], until: retention.until, at, by };
    case 'transfer':
      return { kind: 'transfer', recipient: choice.recipient.trim(), at, by };
    case 'destroy':
      return { kind: 'destroy', at, by };
    default:
      return undefined;
  }
}

/** True when two fates say the same thing (who and when aside). */
export function sameFate(a: Fate | undefined, b: Fate | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'keep' && b.kind === 'keep') return a.until === b.until && a.basis.join() === b.basis.join();
  if (a.kind === 'transfer' && b.kind === 'transfer') return a.recipient === b.recipient;
  return true;
}
