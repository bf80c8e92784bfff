import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Server } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARGS, baseURL, browserSuite, CHROMIUM, untilControlled } from './harness.ts';
import { addRecord, createVault, lock, unlock } from './flows.ts';
// @ts-expect-error: plain JavaScript module
import { serve } from '../../scripts/serve.mjs';
// @ts-expect-error: plain JavaScript module
import { bundleSizes } from '../../bench/bundle-size.mjs';

// Every request of every journey stays on the app's origin (checked after each test).
const suite = browserSuite();

describe('installable offline app', () => {
  it('works with the network off after one visit: reload, create, add, reload, unlock', async () => {
    const g = await suite.open();
    const { page, context } = g;
    await untilControlled(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Vaults' }).waitFor();
    await page.getByText('Offline', { exact: false }).first().waitFor();
    await createVault(page, 'Offline Vault');
    await addRecord(page, { customerNo: 'KH000555', name: '离线客户' });
    await page.reload();
    await unlock(page, 'Offline Vault');
    await page.getByText('离线客户').waitFor({ timeout: 30_000 });
    await lock(page);
  });

  it('says clearly when the service worker could not be installed, and the app still works', async () => {
    const { page } = await suite.open({ serviceWorkers: 'block' });
    await page.getByText('Offline use could not be installed').waitFor({ timeout: 30_000 });
    await createVault(page, 'No worker');
    await addRecord(page, { customerNo: 'KH000556', name: '在线客户' });
  });

  it('says so when the browser has no service workers at all (private mode)', async () => {
    const { page } = await suite.open({ init: () => void delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker });
    await page.getByText('This browser cannot run the app offline').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Vaults' }).waitFor();
  });

  it('sends a strict Content-Security-Policy as a header and a meta tag', async () => {
    const g = await suite.open();
    const { page } = g;
    const res = await page.request.get(page.url());
    const header = res.headers()['content-security-policy'] ?? '';
    const meta = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    for (const csp of [header, meta]) {
      for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
        expect(csp).toContain(d);
      }
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toMatch(/'unsafe-eval'/);
    }
    // The policy is in force: a request to another origin is refused by the browser.
    const blocked = await page.evaluate(async () => {
      try {
        await fetch('http://127.0.0.2:9/probe');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
    expect(g.console.join('\n')).toContain('Content Security Policy');
  });

  it('keeps the JS needed before unlock within its 300 KB gzip budget', () => {
    const { beforeUnlock } = bundleSizes('dist') as { beforeUnlock: { files: string[]; gzip: number } };
    expect(beforeUnlock.files.some((f) => f.includes('engine.worker'))).toBe(true);
    expect(beforeUnlock.gzip).toBeLessThanOrEqual(300 * 1024);
  });

  it('has no installability errors and the service worker controls the page', async () => {
    // Installability is only judged outside incognito, so this test uses a real profile.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-profile-'));
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const foreign: string[] = [];
      context.on('request', (r) => void (new URL(r.url()).origin !== new URL(baseURL()).origin && foreign.push(r.url())));
      await page.goto(baseURL());
      await untilControlled(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
      expect(installabilityErrors).toEqual([]);
      const manifest = await (await page.request.get(new URL('/manifest.webmanifest', page.url()).href)).json();
      expect(manifest).toMatchObject({ display: 'standalone', start_url: '/', scope: '/', lang: 'zh-CN' });
      expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows "a new version is ready" and reloads only when the user accepts', async () => {
    const builds = { dir: 'dist' };
    const { server, url } = (await serve(() => builds.dir, 0)) as { server: Server; url: string };
    try {
      const g = await suite.open({ url });
      const { page } = g;
      await untilControlled(page);
      const version = await page.getByTestId('app-version').innerText();
      await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
      builds.dir = 'dist-update';
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await page.getByText('A new version is ready.').waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
      expect(await page.getByTestId('app-version').innerText()).toBe(version);
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload to update' }).click()]);
      await page.getByRole('heading', { name: 'Vaults' }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
      expect(await page.getByTestId('app-version').innerText()).toContain('+update-test');
    } finally {
      server.close();
    }
  });
});
