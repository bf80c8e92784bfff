// The runner's side of the import bench (bench/import.ts): generates the 100,000-row register
// into the served folder, and while the worker imports, samples the engine worker's heap over
// the DevTools protocol and collects the page's long tasks with a PerformanceObserver.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workerHeap } from './worker-heap.mjs';

const MB = 1024 * 1024;

/** Writes ../shared/tools/gen-customers.mjs --rows `rows` output to `servedDir`/import-100k.csv (a temp file, never committed). */
export function generateImportRegister(servedDir, rows = 100_000) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-bench-'));
  const out = path.join(tmp, 'customers.csv');
  execFileSync(process.execPath, [path.resolve('../shared/tools/gen-customers.mjs'), '--rows', String(rows), '--out', out], { stdio: 'ignore' });
  fs.copyFileSync(out, path.join(servedDir, 'import-100k.csv'));
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Call before page.goto. `mark(line)` takes the worker's import-start/-end lines and returns the figures at the end. */
export async function importProbe(page) {
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ at: performance.timeOrigin + e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const heap = await workerHeap(page);

  let start = null;
  let end = null;
  let workerPeak = 0;
  let pagePeak = 0;
  let samples = 0;
  return {
    get running() {
      return start !== null && end === null;
    },
    /** One heap sample of the bench worker (V8's used heap) and of the page (performance.memory). */
    async sample() {
      const used = await heap.usedSize();
      if (used !== null) {
        workerPeak = Math.max(workerPeak, used);
        samples++;
      }
      pagePeak = Math.max(pagePeak, await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0));
    },
    async mark(l) {
      if (l.mark === 'import-start') {
        start = l.at;
        await this.sample();
        return [];
      }
      end = l.at;
      await this.sample();
      const tasks = (await page.evaluate(() => window.__longtasks)).filter((t) => t.at + t.ms >= start && t.at <= end);
      const longest = Math.max(0, ...tasks.map((t) => t.ms));
      const round = (n) => Math.round(n * 10) / 10;
      return [
        [`import: longest main-thread task on the page while the worker imports (longtask observer; ${tasks.length} over 50 ms; aim < 100)`, round(longest), 'ms'],
        [`import: peak JS heap of the engine worker (DevTools Runtime.getHeapUsage, ${samples} samples)`, samples ? round(workerPeak / MB) : 'n/a', 'MB'],
        ['import: peak JS heap of the page (performance.memory.usedJSHeapSize)', round(pagePeak / MB), 'MB'],
      ];
    },
  };
}
