/**
 * Whether a destruction run is unfinished, read from the sealed marker alone: asked at every
 * unlock, so it loads nothing of the destruction use cases (nor the bundled regulations they use).
 */
import type { Session } from '../session.ts';
import { readBatches, readRun } from './docs.ts';
import type { RunStatus } from './types.ts';

type GetMeta = (vaultId: string, key: string) => Promise<Uint8Array | undefined>;

/** The interrupted run, or null. */
export async function runStatus(get: GetMeta, s: Session): Promise<RunStatus | null> {
  const run = await readRun(get, s);
  if (!run) return null;
  const number = (await readBatches(get, s)).batches.find((b) => b.id === run.batchId)?.number ?? '?';
  return { batchId: run.batchId, number, done: run.deleted, total: run.total, remainingChunks: run.chunks.length };
}
