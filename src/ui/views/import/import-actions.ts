/**
 * The import's calls to the engine worker. The page hands the chosen File (a Blob) to the worker
 * and never reads it; every value that comes back is masked. Each call shows its progress in
 * `busy`, can be cancelled, and is dropped when the vault locks meanwhile.
 */
import type { ColumnMapping, DuplicateChoice, ImportOptions, ImportProgress, ImportProgressFn } from '../../../engine/import/types.ts';
import { uiError } from '../../app-state.ts';
import { callback, engine, type UiError } from '../../engine-client.ts';
import { busy, currentEpoch, flow, importError, importNotice, lastImportEvidence, resetFlow, type Busy, type Source } from './import-state.ts';

type Outcome<T> = { ok: true; value: T; cancelled: boolean } | { ok: false; error: UiError; cancelled: boolean } | null;

/** Runs `work` with progress in `busy`; null when the vault locked or the flow was reset meanwhile. */
async function track<T>(task: Busy['task'], importId: string | null, work: (onProgress: ImportProgressFn) => Promise<T>): Promise<Outcome<T>> {
  const my = currentEpoch();
  importError.value = null;
  importNotice.value = null;
  busy.value = { task, progress: null, importId, cancelRequested: false };
  const onProgress = callback((p: ImportProgress) => {
    const b = busy.peek();
    if (my !== currentEpoch() || !b) return;
    if (b.cancelRequested && !b.importId) void engine().importCancel(p.importId);
    busy.value = { ...b, progress: p, importId: p.importId };
  });
  try {
    const value = await work(onProgress);
    return my === currentEpoch() ? { ok: true, value, cancelled: !!busy.peek()?.cancelRequested } : null;
  } catch (e) {
    return my === currentEpoch() ? { ok: false, error: uiError(e), cancelled: !!busy.peek()?.cancelRequested } : null;
  } finally {
    if (my === currentEpoch()) busy.value = null;
  }
}

/** Asks the worker to stop the running work; it stores nothing unless its write had already begun. */
export function cancelImport(): void {
  const b = busy.peek();
  if (!b || b.cancelRequested) return;
  busy.value = { ...b, cancelRequested: true };
  if (b.importId) void engine().importCancel(b.importId);
}

function stopped(error: UiError | null): void {
  flow.value = { step: 'choose' };
  if (error && error.code !== 'AbortError') importError.value = error;
  else importNotice.value = 'cancelled';
}

/**
 * Reads `file` in the worker with `opts` (encoding, sheet) and shows its columns. A file over the
 * limit is refused here, before it is sent. The import shown before stays open until the new one
 * is read, so a failed re-read (a sheet without customer columns) leaves it usable.
 */
export async function openFile(file: File, opts: ImportOptions = {}): Promise<void> {
  const { maxBytes } = await engine().importLimits();
  if (file.size > maxBytes) {
    importError.value = { code: 'INVALID_INPUT', message: '', details: { reason: 'TOO_LARGE', limitBytes: maxBytes } };
    return;
  }
  const before = flow.peek();
  const r = await track('reading', null, (p) => engine().importPrepare(file, file.name, opts, p));
  if (!r) return;
  if (r.ok && r.cancelled) void engine().importCancel(r.value.importId);
  const reread = before.step === 'mapping' || before.step === 'report';
  if (r.cancelled || (!r.ok && r.error.code === 'AbortError')) {
    // Cancelling a re-read keeps the file as it was read before.
    if (reread) importNotice.value = 'cancelled';
    else stopped(null);
    return;
  }
  if (!r.ok) {
    importError.value = r.error;
    return;
  }
  if (reread) void engine().importCancel(before.preview.importId);
  const preview = r.value;
  flow.value = { step: 'mapping', file, opts, preview, mapping: preview.mapping.map((m) => ({ ...m })) };
}

function sameMapping(a: readonly ColumnMapping[], b: readonly ColumnMapping[]): boolean {
  const key = (m: ColumnMapping) => `${m.column}:${m.field ?? ''}:${m.field === 'amount' ? (m.unit ?? 'yuan') : ''}`;
  return a.length === b.length && a.every((m, i) => key(m) === key(b[i]!));
}

/** Checks every row under the mapping on screen; the report of the mapping the file was read with is reused. */
export async function checkRows(src: Source): Promise<void> {
  const id = src.preview.importId;
  if (sameMapping(src.mapping, src.preview.mapping)) {
    flow.value = { ...src, step: 'report', report: src.preview.report, choice: 'skip' };
    return;
  }
  const r = await track('checking', id, (p) => engine().importSetMapping(id, src.mapping, p));
  if (!r) return;
  if (r.ok) {
    // The worker now checks with this mapping: the preview follows it, so a return to the same mapping reuses this report.
    const preview = { ...src.preview, mapping: src.mapping.map((m) => ({ ...m })), report: r.value };
    flow.value = { ...src, step: 'report', preview, report: r.value, choice: 'skip' };
  }
  else if (r.cancelled || r.error.code === 'AbortError' || r.error.code === 'NOT_FOUND') stopped(r.cancelled ? null : r.error);
  else importError.value = r.error;
}

/** Stores the checked rows in one transaction; the result (and its checklist evidence) is kept. */
export async function commitImport(src: Source, choice: DuplicateChoice): Promise<void> {
  const id = src.preview.importId;
  const r = await track('committing', id, (p) => engine().importCommit(id, { duplicates: choice }, p));
  if (!r) return;
  if (r.ok) {
    // A cancel that came after the write began does not undo it: say what was stored.
    lastImportEvidence.value = r.value.evidence;
    flow.value = { step: 'result', result: r.value };
  } else if (r.error.code === 'AbortError' || r.error.code === 'NOT_FOUND') stopped(r.error);
  else importError.value = r.error;
}

/** Closes the open import (nothing of it was stored) and goes back to choosing a file. */
export function discardImport(): void {
  const f = flow.peek();
  if (f.step === 'mapping' || f.step === 'report') void engine().importCancel(f.preview.importId);
  resetFlow();
}
