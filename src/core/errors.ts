/**
 * The one error type of the project. Decide on `code`, never on `instanceof`: codes survive the
 * worker boundary (comlink sends plain objects), classes do not.
 */
export type ErrorCode =
  | 'WRONG_PASSPHRASE'
  | 'WRONG_RECOVERY_KEY'
  | 'AUTH_FAILED'
  | 'TRUNCATED'
  | 'UNSUPPORTED_VERSION'
  | 'NO_MATCHING_KEY'
  | 'STORAGE_FULL'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'LOCKED'
  | 'LAST_SLOT'
  | 'CONFLICT'
  | 'AbortError';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = code === 'AbortError' ? 'AbortError' : 'AppError';
    this.code = code;
    this.details = opts.details;
  }
}

/** The code of any thrown value: AppError codes, DOMException AbortError, else undefined. */
export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; name?: unknown };
    if (typeof o.code === 'string') return o.code;
    if (o.name === 'AbortError') return 'AbortError';
  }
  return undefined;
}

/** Throws AbortError when the signal is aborted; cancellation passes through untouched elsewhere. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('AbortError', 'The operation was cancelled.');
}
