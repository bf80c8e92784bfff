// npm run bench: builds the bench page, serves it, runs it in Debian's Chromium and prints each
// figure, ratios included (every baseline is measured in the same run).
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

execSync('npx vite build -c bench/vite.config.ts', { stdio: 'inherit' });
const { server, url } = await serve('dist-bench', 0);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
let failed = false;
try {
  const page = await browser.newPage();
  await page.goto(url);
  let seen = 0;
  for (;;) {
    const lines = await page.evaluate(() => window.__bench ?? []);
    for (const l of lines.slice(seen)) {
      if (l.done) throw Object.assign(new Error('done'), { done: true });
      if (l.error) throw new Error(`bench failed: ${l.code ?? ''} ${l.error}`);
      console.log(`${l.name.padEnd(86)} ${String(l.value).padStart(10)} ${l.unit}`);
    }
    seen = lines.length;
    await new Promise((r) => setTimeout(r, 250));
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
process.exit(failed ? 1 : 0);
