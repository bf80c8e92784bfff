/**
 * What the app shows and the open session. Record data never lives here: views hold it in
 * component state, so dropping the session unmounts them and the DOM keeps no record text.
 */
import { signal } from '@preact/signals';
import type { SessionInfo, VaultSummary } from '../engine/types.ts';
import { asUiError, engine, type UiError } from './engine-client.ts';
import type { ChecklistPage } from './views/checklist/route.ts';
import type { ArchivePage } from './views/archive/route.ts';
import type { DestructionPage } from './views/destruction/route.ts';

export type LockReason = 'manual' | 'idle' | 'hidden';
export type LockNotice = 'idle' | 'hidden' | 'elsewhere';

export type View = { name: 'records' } | { name: 'record'; id: string | null } | { name: 'import' } | { name: 'audit' } | { name: 'settings' }
  | { name: 'checklist'; page?: ChecklistPage } | { name: 'archive'; page?: ArchivePage }
  | { name: 'destruction'; page?: DestructionPage; batchId?: string | null };

export type Screen =
  | { name: 'vaults' }
  | { name: 'create' }
  | { name: 'recovery'; label: string; createdAt: string; recoveryKey: string }
  | { name: 'unlock'; vault: VaultSummary; notice?: LockNotice }
  | { name: 'vault'; view: View };

export const screen = signal<Screen>({ name: 'vaults' });
export const session = signal<SessionInfo | null>(null);

const clearers: (() => void)[] = [];

/** Registers a function that empties module-level state derived from records (search text…) on lock. */
export function onLockClear(fn: () => void): void {
  clearers.push(fn);
}

/** Shows a view of the unlocked vault. */
export function show(view: View): void {
  screen.value = { name: 'vault', view };
}

/** Enters the unlocked vault after an unlock or once the recovery sheet is saved. */
export function enterVault(info: SessionInfo): void {
  session.value = info;
  show({ name: 'records' });
}

function dropVault(s: SessionInfo, notice?: LockNotice): void {
  session.value = null;
  for (const clear of clearers) clear();
  screen.value = { name: 'unlock', vault: { id: s.vaultId, label: s.label, createdAt: '' }, notice };
}

/** Drops the page's state of the open vault after the engine moved to another (a restore creates and opens a new vault). */
export function leftVault(): void {
  session.value = null;
  for (const clear of clearers) clear();
}

/** Clears every trace of the vault from the page at once, then tells the engine to lock. */
export async function lockVault(reason: LockReason): Promise<void> {
  const s = session.value;
  if (!s) return;
  dropVault(s, reason === 'manual' ? undefined : reason);
  try {
    await engine().lock(reason);
  } catch {
    // Already locked in the worker: nothing left to wipe.
  }
}

/** Turns a rejected engine call into a UiError; a LOCKED error also closes the vault's views. */
export function uiError(e: unknown): UiError {
  const err = asUiError(e);
  if (err.code === 'LOCKED' && session.value) dropVault(session.value, 'elsewhere');
  return err;
}
