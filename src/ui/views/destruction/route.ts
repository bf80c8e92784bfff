/** Where in the destruction screens the user is. */
import { show } from '../../app-state.ts';

export type DestructionPage = 'batches' | 'plan' | 'record' | 'keys' | 'log' | 'end' | 'certificate';

export const DESTRUCTION_PAGES = ['batches', 'plan', 'record', 'keys', 'log', 'end'] as const;

/** Shows a page of the destruction screens; `batchId` picks a batch (the certificate's, or the one to record for). */
export function go(page: DestructionPage, batchId?: string | null): void {
  show({ name: 'destruction', page, batchId });
}
