/**
 * The UI's bridge to the engine worker. The page holds a proxy and never a key: every call is a
 * message to the worker. Errors arrive as plain { code, message, details }.
 */
import * as Comlink from 'comlink';
import type { Engine } from '../engine/engine.ts';

export type EngineProxy = Comlink.Remote<Engine>;

let proxy: EngineProxy | null = null;

export function engine(): EngineProxy {
  if (!proxy) {
    const worker = new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    proxy = Comlink.wrap<Engine>(worker);
  }
  return proxy;
}

/** Wraps a callback (progress reports) so the worker can call it. */
export function callback<T extends (...a: never[]) => unknown>(fn: T): T & Comlink.ProxyMarked {
  return Comlink.proxy(fn);
}

export interface UiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function asUiError(e: unknown): UiError {
  const o = (e ?? {}) as Partial<UiError>;
  return { code: typeof o.code === 'string' ? o.code : 'INTERNAL', message: typeof o.message === 'string' ? o.message : String(e), details: o.details };
}
