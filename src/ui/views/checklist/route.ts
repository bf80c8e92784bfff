/**
 * Where in the checklist the user is: the overview of phases, the firm profile, one phase,
 * one item, or the print view of a phase (or of every phase when `phase` is null).
 */
import type { Phase } from '../../../core/domain/checklists/index.ts';
import { show } from '../../app-state.ts';

export type ChecklistPage =
  | { kind: 'overview' }
  | { kind: 'profile' }
  | { kind: 'phase'; phase: Phase }
  | { kind: 'item'; id: string }
  | { kind: 'print'; phase: Phase | null };

/** Shows a page of the checklist. */
export function go(page: ChecklistPage): void {
  show({ name: 'checklist', page });
}
