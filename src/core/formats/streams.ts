/**
 * Adapters between async iterables (how our formats produce and consume bytes: pull-driven,
 * so memory stays bounded) and web ReadableStreams (what age-encryption takes and gives).
 * ReadableStream.from is not in every browser we support, hence the hand-written pull source.
 */
import { concatAll } from '../bytes.ts';

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** A ReadableStream that pulls one chunk from `source` per read; errors pass through. */
export function toReadableStream(source: ByteSource): ReadableStream<Uint8Array> {
  const it = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()) as
    | AsyncIterator<Uint8Array>
    | Iterator<Uint8Array>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const r = await it.next();
        if (r.done) controller.close();
        else controller.enqueue(r.value);
      },
      async cancel(reason) {
        await it.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Yields a ReadableStream's chunks; stopping early cancels the stream. */
export async function* fromAsync(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) {
        finished = true;
        return;
      }
      yield r.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Concatenates every chunk of a source into one array. */
export async function readAllChunks(source: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of source) parts.push(c);
  return parts.length === 1 ? parts[0]! : concatAll(parts);
}
