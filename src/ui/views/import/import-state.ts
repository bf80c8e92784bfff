/**
 * Where the import stands: the step, the work under way with its progress, the last error and
 * the evidence of the last committed import. Module signals, so an import keeps running (and
 * its progress keeps showing) while the person looks at another screen. Masked samples are
 * still about customers, so everything here is emptied when the vault locks.
 */
import { signal } from '@preact/signals';
import type {
  ColumnMapping,
  DuplicateChoice,
  ImportEvidence,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  ImportReport,
  ImportResult,
} from '../../../engine/import/types.ts';
import { onLockClear } from '../../app-state.ts';
import type { UiError } from '../../engine-client.ts';

/** The register the person chose, and the options it was read with. */
export interface Source {
  file: File;
  opts: ImportOptions;
  preview: ImportPreview;
  /** The mapping as the person has it on screen. */
  mapping: ColumnMapping[];
}

export type Flow =
  | { step: 'choose' }
  | ({ step: 'mapping' } & Source)
  | ({ step: 'report'; report: ImportReport; choice: DuplicateChoice } & Source)
  | { step: 'result'; result: ImportResult };

export interface Busy {
  task: 'reading' | 'checking' | 'committing';
  /** The last report from the worker; null until the first arrives. */
  progress: ImportProgress | null;
  /** The open import, once known (from the flow or the first progress report). */
  importId: string | null;
  cancelRequested: boolean;
}

export const flow = signal<Flow>({ step: 'choose' });
export const busy = signal<Busy | null>(null);
export const importError = signal<UiError | null>(null);
/** A non-error outcome to say once (the import was cancelled). */
export const importNotice = signal<'cancelled' | null>(null);

/**
 * The checklist evidence of the last committed import of this session (an import or the sample
 * data), for the checklist feature to store. Emptied on lock, so it is never credited to
 * another vault.
 */
export const lastImportEvidence = signal<ImportEvidence | null>(null);

let epoch = 0;

/** A token that stops matching once the vault locks or the flow is reset, so late answers are dropped. */
export function currentEpoch(): number {
  return epoch;
}

/** Back to choosing a file, dropping every answer still on its way. */
export function resetFlow(): void {
  epoch++;
  flow.value = { step: 'choose' };
  busy.value = null;
  importError.value = null;
  importNotice.value = null;
}

onLockClear(() => {
  resetFlow();
  lastImportEvidence.value = null;
});
