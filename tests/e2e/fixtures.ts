/**
 * Registers for the import journeys: the shared fixtures, generated registers, and the steps of
 * an import by the roles and labels a person sees (English locale).
 */
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARGS, baseURL, CHROMIUM } from './harness.ts';

export const SHARED = path.resolve(process.env.CLOSEOUT_SHARED ?? '../shared');
export const FIXTURES = path.join(SHARED, 'fixtures');

/** The rows of a fixture CSV (header first), decoded as `encoding`; naive split, enough for unquoted ID and name cells. */
export function fixtureRows(name: string, encoding = 'utf-8'): string[][] {
  const text = new TextDecoder(encoding).decode(fs.readFileSync(path.join(FIXTURES, name)));
  return text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

/** Writes a clean UTF-8 register of `rows` customers with ../shared/tools/gen-customers.mjs; returns its path. */
export function generateRegister(rows: number, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-register-'))): string {
  const out = path.join(dir, `customers-${rows}.csv`);
  execFileSync(process.execPath, [path.join(SHARED, 'tools', 'gen-customers.mjs'), '--rows', String(rows), '--seed', '7', '--out', out], { stdio: 'ignore' });
  return out;
}

/** Half-width, no spaces, upper-case X: what the importer makes of an ID number typed by hand. */
export function normaliseId(raw: string): string {
  return raw
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/** True when an 18-character resident ID number's check character is right (GB 11643). */
export function idChecksumOk(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, x, i) => s + x * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

export type FileInput = string | { name: string; mimeType: string; buffer: Buffer };

/** Opens the Import screen and chooses `file`; waits for the column mapping, or returns the alert's text. */
export async function chooseRegister(page: Page, file: FileInput): Promise<string | null> {
  if ((await page.getByRole('heading', { name: 'Import customers' }).count()) === 0) {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import customers' }).waitFor();
  }
  await page.getByLabel('Customer register (CSV or XLSX)').setInputFiles(file);
  const columns = page.getByRole('heading', { name: 'Columns' });
  const alert = page.getByRole('alert');
  await columns.or(alert).first().waitFor({ timeout: 90_000 });
  return (await alert.count()) ? alert.innerText() : null;
}

/** The report's counts (Rows, Valid, Invalid, Duplicates) or the result's, by their labels. */
export async function countsOf(page: Page, testId: 'import-counts' | 'import-result'): Promise<Record<string, number>> {
  return page.getByTestId(testId).evaluate((dl) =>
    Object.fromEntries([...dl.querySelectorAll('div')].map((div) => [div.querySelector('dt')!.textContent!.trim(), Number(div.querySelector('dd')!.textContent!.replace(/[^\d]/g, ''))])),
  );
}

/** "Check rows" on the mapping as suggested; ends on the report. */
export async function checkRows(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check rows' }).click();
  await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 90_000 });
}

/** The records total the Records screen shows (0 for an empty vault). */
export async function recordsTotal(page: Page): Promise<number> {
  await page.getByRole('heading', { name: 'Records' }).waitFor();
  const status = page.getByRole('status').filter({ hasText: /^\d+ records$/ });
  await status.waitFor({ timeout: 30_000 });
  return Number((await status.innerText()).replace(/\D/g, ''));
}

/** A Chromium profile on disk, so a closed browser can be reopened on the same storage; requests off the origin are collected, and the page's long tasks in `window.__longtasks` (ms). */
export async function persistentProfile(dir: string): Promise<{ context: BrowserContext; page: Page; foreign: string[] }> {
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, headless: true, locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const origin = new URL(baseURL()).origin;
  const foreign: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(() => {
    const w = window as unknown as { __longtasks: number[] };
    w.__longtasks = [];
    new PerformanceObserver((list) => void w.__longtasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(baseURL());
  return { context, page, foreign };
}

/** The longest main-thread task (ms) the page has had since the last call, as the longtask observer saw it. */
export async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longtasks: number[] };
    const max = Math.max(0, ...w.__longtasks);
    w.__longtasks = [];
    return max;
  });
}

/** Clicks the button named exactly `name` (navigation and sub-navigation). */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Imports the clean 200-row register through the import screen and returns to Records. */
export async function importCleanFixture(page: Page): Promise<void> {
  expect(await chooseRegister(page, path.join(FIXTURES, 'customers-200.csv'))).toBeNull();
  await checkRows(page);
  await page.getByRole('button', { name: 'Import 200 records' }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Back to records' }).click();
  expect(await recordsTotal(page)).toBe(200);
}
