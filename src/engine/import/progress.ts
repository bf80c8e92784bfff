/**
 * Progress and cancellation for long import work in the engine worker. Work runs in slices:
 * between slices the worker yields to its event loop, so a cancel or lock message can arrive,
 * and reports progress at most every SLICE rows (a comlink callback is a message to the page,
 * so it is called sparingly and never awaited).
 */
import { cancelled } from './bad-input.ts';
import type { ImportProgress, ImportProgressFn } from './types.ts';

/** Rows between yields and progress reports. */
export const SLICE = 2000;

/** Lets queued messages (cancel, lock) run before the next slice. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Throws the AbortError of a cancelled import when any of the signals has fired. */
export function checkAborted(signals: readonly AbortSignal[]): void {
  for (const s of signals) if (s.aborted) throw cancelled();
}

/** Progress of one import through its phases: rate and time left per phase, and the cancellation checks between slices. */
export class Meter {
  private started = 0;
  private phase: ImportProgress['phase'] = 'checking';
  private total = 0;

  constructor(
    private readonly importId: string,
    private readonly signals: readonly AbortSignal[],
    private readonly onProgress?: ImportProgressFn,
  ) {}

  /** Starts a phase of `total` units and reports 0 done. */
  begin(phase: ImportProgress['phase'], total: number): void {
    this.phase = phase;
    this.total = total;
    this.started = performance.now();
    this.report(0);
  }

  /** Reports `done`, yields to the event loop, and throws AbortError if cancelled meanwhile. */
  async step(done: number): Promise<void> {
    checkAborted(this.signals);
    this.report(done);
    await yieldToEvents();
    checkAborted(this.signals);
  }

  /** Reports the phase complete. */
  end(): void {
    this.report(this.total);
  }

  /** Throws AbortError if cancelled. */
  check(): void {
    checkAborted(this.signals);
  }

  private report(done: number): void {
    if (!this.onProgress) return;
    const seconds = (performance.now() - this.started) / 1000;
    const rowsPerSecond = done > 0 && seconds > 0 ? Math.round(done / seconds) : 0;
    const secondsLeft = rowsPerSecond > 0 ? Math.ceil((this.total - done) / rowsPerSecond) : 0;
    try {
      // A proxied callback returns a promise; its failure (the page went away) must not stop the work.
      const r = this.onProgress({ importId: this.importId, phase: this.phase, done, total: this.total, rowsPerSecond, secondsLeft });
      if (r !== null && typeof r === 'object' && typeof (r as PromiseLike<unknown>).then === 'function') (r as PromiseLike<unknown>).then(undefined, () => undefined);
    } catch {
      // The page's progress display is not the import's business.
    }
  }
}
