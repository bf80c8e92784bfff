/**
 * Shared pieces of the end-to-end suite: Chromium with the flags that work on these machines, a
 * guard that fails a test on any request leaving the app's origin, and a scan of every storage
 * area of the origin for canary plaintext.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function baseURL(): string {
  return inject('baseURL');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Requests that went anywhere but the app's origin. */
  foreign: string[];
  /** Console messages and page errors, to check nothing personal is logged. */
  console: string[];
}

/** A fresh context (empty storage) whose every request is checked against the app's origin. */
export async function open(
  browser: Browser,
  o: { locale?: string; width?: number; height?: number; clock?: boolean; url?: string; bypassCSP?: boolean; touch?: boolean; serviceWorkers?: 'allow' | 'block'; init?: () => void } = {},
): Promise<Guarded> {
  const url = o.url ?? baseURL();
  const origin = new URL(url).origin;
  const context = await browser.newContext({
    locale: o.locale ?? 'en-US',
    viewport: { width: o.width ?? 1280, height: o.height ?? 800 },
    serviceWorkers: o.serviceWorkers ?? 'allow',
    bypassCSP: o.bypassCSP ?? false,
    hasTouch: o.touch ?? false,
    isMobile: o.touch ?? false,
  });
  const foreign: string[] = [];
  const consoleLines: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  const page = await context.newPage();
  if (o.clock) await page.clock.install();
  if (o.init) await page.addInitScript(o.init);
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(String(e)));
  await page.goto(url);
  return { context, page, foreign, console: consoleLines };
}

/**
 * One browser for a spec file. Every page opened with `open` gets a fresh context, is closed
 * after its test, and fails the test if any of its requests left the app's origin.
 */
export function browserSuite() {
  let browser: Browser;
  let current: Guarded | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const g = current;
    current = undefined;
    await g?.context.close();
    expect(g?.foreign ?? []).toEqual([]);
  });
  return {
    open: async (o: Parameters<typeof open>[1] = {}): Promise<Guarded> => (current = await open(browser, o)),
  };
}

/** Where a canary string was found: storage area and a location inside it. */
export interface Finding {
  canary: string;
  area: string;
  where: string;
}

/**
 * Reads every IndexedDB database, every Cache Storage entry, localStorage and sessionStorage of
 * the page's origin, and reports each canary found as UTF-8 or UTF-16 (either byte order).
 */
export async function scanStorage(page: Page, canaries: string[]): Promise<Finding[]> {
  return page.evaluate(async (canaries) => {
    const patterns = canaries.flatMap((c) => {
      const u8 = new TextEncoder().encode(c);
      const le = new Uint8Array(c.length * 2);
      const be = new Uint8Array(c.length * 2);
      for (let i = 0; i < c.length; i++) {
        const x = c.charCodeAt(i);
        le[2 * i] = x & 255;
        le[2 * i + 1] = x >> 8;
        be[2 * i] = x >> 8;
        be[2 * i + 1] = x & 255;
      }
      return [u8, le, be].map((p) => ({ c, p }));
    });
    const found: { canary: string; area: string; where: string }[] = [];
    const has = (hay: Uint8Array, p: Uint8Array) => {
      outer: for (let i = 0; i + p.length <= hay.length; i++) {
        for (let j = 0; j < p.length; j++) if (hay[i + j] !== p[j]) continue outer;
        return true;
      }
      return false;
    };
    const check = (bytes: Uint8Array, area: string, where: string) => {
      for (const { c, p } of patterns) if (has(bytes, p) && !found.some((f) => f.canary === c && f.area === area && f.where === where)) found.push({ canary: c, area, where });
    };
    const walk = (v: unknown, area: string, where: string, depth = 0): void => {
      if (v == null || depth > 20) return;
      if (typeof v === 'string') {
        for (const c of canaries) if (v.includes(c)) found.push({ canary: c, area, where });
        check(new TextEncoder().encode(v), area, where);
      } else if (v instanceof ArrayBuffer) check(new Uint8Array(v), area, where);
      else if (ArrayBuffer.isView(v)) check(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), area, where);
      else if (v instanceof Blob) return;
      else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) {
        walk(k, area, where);
        walk(x, area, `${where}.${k}`, depth + 1);
      }
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((res, rej) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        rows.forEach((row, i) => walk(row, 'IndexedDB', `${info.name}/${store}[${i}]`));
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        if (res) check(new Uint8Array(await res.arrayBuffer()), 'CacheStorage', req.url);
      }
    }
    for (const [area, st] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < st.length; i++) {
        const k = st.key(i)!;
        walk(k, area, k);
        walk(st.getItem(k), area, k);
      }
    }
    return found;
  }, canaries);
}

/** Resolves once a service worker is active, then reloads so that it controls the page. */
export async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

/** Saves a screenshot under test-results/screenshots (not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join('test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
