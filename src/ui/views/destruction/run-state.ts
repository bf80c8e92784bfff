/**
 * Whether a destruction run was interrupted (tab closed, vault locked mid-run): asked of the
 * engine when the vault opens and after each execution, so the banner can offer to complete it.
 */
import { signal } from '@preact/signals';
import type { RunStatus } from '../../../engine/destruction/types.ts';
import { onLockClear } from '../../app-state.ts';
import { engine } from '../../engine-client.ts';

export const interrupted = signal<RunStatus | null>(null);

onLockClear(() => (interrupted.value = null));

/** Asks the engine again; a failure leaves the last answer. */
export async function refreshRun(): Promise<void> {
  try {
    interrupted.value = await engine().destructionStatus();
  } catch {
    // Locked meanwhile: the lock cleared it.
  }
}
