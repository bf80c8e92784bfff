// npm run bench: builds the bench page, serves it, runs it in Debian's Chromium and prints each
// figure, ratios included (every baseline is measured in the same run).
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { bundleSizes } from './bundle-size.mjs';
import { measureStart } from './app-start.mjs';
import { generateImportRegister, importProbe } from './import-probe.mjs';
import { archiveProbe } from './archive-probe.mjs';

const line = (name, value, unit) => console.log(`${name.padEnd(86)} ${String(value).padStart(10)} ${unit}`);

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

execSync('npx vite build -c bench/vite.config.ts', { stdio: 'inherit' });
generateImportRegister('dist-bench');
const { server, url } = await serve('dist-bench', 0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
let failed = false;
let archive = null;
try {
  const page = await browser.newPage();
  const probe = await importProbe(page);
  archive = await archiveProbe(page);
  await page.goto(url);
  let seen = 0;
  for (;;) {
    const lines = await page.evaluate(() => window.__bench ?? []);
    for (const l of lines.slice(seen)) {
      if (l.done) throw Object.assign(new Error('done'), { done: true });
      if (l.error) throw new Error(`bench failed: ${l.code ?? ''} ${l.error}`);
      archive.observe(l);
      if (l.quiet) continue;
      if (l.mark?.startsWith('archive-')) {
        for (const [n, v, u] of await archive.mark(l)) line(n, v, u);
        continue;
      }
      if (l.mark) {
        for (const [n, v, u] of await probe.mark(l)) line(n, v, u);
        continue;
      }
      line(l.name, l.value, l.unit);
    }
    seen = lines.length;
    if (probe.running) await probe.sample();
    if (archive.running) await archive.sample();
    await new Promise((r) => setTimeout(r, probe.running || archive.running ? 100 : 250));
  }
} catch (e) {
  if (!e.done) {
    console.error(e.message);
    failed = true;
  }
} finally {
  await browser.close();
  server.close();
}
for (const [n, v, u] of archive?.ageComparison() ?? []) line(n, v, u);

// The app itself: bundle sizes and cold start from the service-worker cache.
execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
const sizes = bundleSizes('dist');
const kb = (n) => Math.round(n / 102.4) / 10;
line(`JS needed before unlock, gzip (${sizes.beforeUnlock.files.length} files; budget 300 KB)`, kb(sizes.beforeUnlock.gzip), 'KB');
line(`everything precached by the service worker, gzip (${sizes.precache.files} files)`, kb(sizes.precache.gzip), 'KB');
line('ratio: before-unlock JS / whole precache (gzip)', Math.round((100 * sizes.beforeUnlock.gzip) / sizes.precache.gzip) / 100, '×');
const app = await serve('dist', 0);
try {
  const start = await measureStart(app.url);
  line('cold start online, service worker blocked, to the unlock screen (baseline, median of 3)', Math.round(start.network), 'ms');
  line('cold start offline from the service-worker cache to the unlock screen (median of 3)', Math.round(start.coldStart), 'ms');
  line('ratio: baseline / service-worker cold start', Math.round((100 * start.network) / start.coldStart) / 100, '×');
} catch (e) {
  console.error(e.message);
  failed = true;
} finally {
  app.server.close();
}
process.exit(failed ? 1 : 0);
