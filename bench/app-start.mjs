// Cold start of the built app: a fresh browser process whose profile already holds the service
// worker's cache, offline, to an interactive unlock screen; against the same cold start online
// with the service worker blocked (server and HTTP cache: the baseline, same run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASS = 'benchmark passphrase 1';

/** Milliseconds from navigation start until the unlock screen's passphrase box can be typed in. */
async function toUnlockScreen(page, url, label) {
  await page.goto(url);
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByLabel(/^(Passphrase|口令)$/).waitFor();
  return page.evaluate(() => performance.now());
}

export async function measureStart(url) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-bench-'));
  const label = 'Bench start';
  try {
    let ctx = await chromium.launchPersistentContext(dir, { executablePath: exe, args: ARGS, locale: 'en-US' });
    let page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByRole('button', { name: 'New vault' }).click();
    await page.getByLabel('Vault label').fill(label);
    await page.getByLabel('Operator name').fill('Bench');
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByLabel('Repeat passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByRole('heading', { name: 'Recovery sheet' }).waitFor({ timeout: 60_000 });
    await ctx.close();
    const median = async (opts, wantControlled) => {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        ctx = await chromium.launchPersistentContext(dir, { executablePath: exe, args: ARGS, locale: 'en-US', offline: !!opts.offline });
        page = ctx.pages()[0] ?? (await ctx.newPage());
        if (opts.bypass) {
          const cdp = await ctx.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setBypassServiceWorker', { bypass: true });
        }
        runs.push(await toUnlockScreen(page, url, label));
        const controlled = await page.evaluate(() => !!navigator.serviceWorker?.controller);
        await ctx.close();
        if (controlled !== wantControlled) throw new Error(`cold start: service worker control was ${controlled}, expected ${wantControlled}`);
      }
      return runs.sort((a, b) => a - b)[1];
    };
    const coldStart = await median({ offline: true }, true);
    const network = await median({ bypass: true }, false);
    return { coldStart, network };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
