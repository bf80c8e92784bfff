import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot } from './harness.ts';
import { addRecord, createVault, lock } from './flows.ts';
import { FIXTURES } from './fixtures.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Every request of every journey stays on the app's origin (checked after each test).
const suite = browserSuite();

interface Violation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe-core violations of the current screen. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const v = (await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe.run()).violations)) as Violation[];
  return v.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id} (${x.impact}) at ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function setLang(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  await page.getByLabel('Language / 语言').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Checks one screen in both languages at the page's width; returns its problems. */
async function checkScreen(page: Page, name: string, width: number): Promise<string[]> {
  const problems: string[] = [];
  for (const lang of ['en', 'zh-CN'] as const) {
    await setLang(page, lang);
    for (const v of await axe(page)) problems.push(`${name} ${width}px ${lang}: ${v}`);
    await screenshot(page, `${name}-${width}-${lang}`);
    if (width <= 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${name} ${width}px ${lang}: scrolls sideways by ${overflow}px`);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]):not([type=radio]), a[href]')]
          .filter((el) => el.offsetParent !== null)
          .filter((el) => el.getBoundingClientRect().height < 44)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      for (const s of small) problems.push(`${name} ${width}px ${lang}: touch target under 44px: ${s}`);
    }
  }
  await setLang(page, 'en');
  return problems;
}

/** The archive screens: fates, custody keys with a key sheet, export and its result, the register, and a bundle opened, decrypted and previewed. */
async function checkArchive(page: Page, width: number): Promise<string[]> {
  const problems: string[] = [];
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await page.getByRole('button', { name: 'Save start dates' }).waitFor();
  problems.push(...(await checkScreen(page, 'archive-fates', width)));
  await page.getByRole('button', { name: 'Suggest fates for these 1 records' }).click();
  await page.getByRole('button', { name: 'Apply the suggestions (1 records)' }).click();
  await page.getByText('Suggested fates saved for 1 records.').waitFor();
  problems.push(...(await checkScreen(page, 'archive-fates-applied', width)));
  await page.getByRole('button', { name: 'Custody keys', exact: true }).click();
  await page.getByRole('textbox', { name: 'Expiry year' }).fill('2046');
  await page.getByRole('button', { name: 'Create custody key' }).click();
  await page.getByRole('button', { name: 'Print key sheet' }).click();
  problems.push(...(await checkScreen(page, 'archive-keys', width)));
  await page.getByLabel('Where it is kept').fill('Safe B');
  await page.getByLabel('Who holds it').fill('Wang');
  await page.getByRole('button', { name: 'Register and show the key sheet' }).click();
  await page.getByRole('heading', { name: 'Custody key sheet: 2046' }).waitFor();
  problems.push(...(await checkScreen(page, 'archive-key-sheet', width)));
  await page.getByRole('button', { name: 'Printed and put away safely' }).click();
  await page.getByRole('button', { name: 'Export a bundle', exact: true }).click();
  await page.getByRole('button', { name: 'Export bundle' }).waitFor();
  problems.push(...(await checkScreen(page, 'archive-export', width)));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export bundle' }).click()]);
  await page.getByText(/^Checklist items ticked/).waitFor();
  problems.push(...(await checkScreen(page, 'archive-exported', width)));
  await page.getByRole('button', { name: 'Register of bundles', exact: true }).click();
  await page.getByRole('button', { name: /^Register a copy of ARC-/ }).click();
  problems.push(...(await checkScreen(page, 'archive-register', width)));
  await page.getByRole('button', { name: 'Open a bundle', exact: true }).click();
  problems.push(...(await checkScreen(page, 'archive-open', width)));
  await page.getByLabel('Bundle file (.closeout)').setInputFiles((await download.path())!);
  await page.getByRole('button', { name: 'Decrypt and preview' }).waitFor();
  problems.push(...(await checkScreen(page, 'archive-verified', width)));
  await page.getByRole('button', { name: 'Decrypt and preview' }).click();
  await page.getByRole('button', { name: 'Create vault and restore records' }).waitFor();
  problems.push(...(await checkScreen(page, 'archive-preview', width)));
  return problems;
}

/**
 * The destruction screens after the archive's: an empty list of batches, a plan of the kept and
 * archived record's working copy, approval, the confirm dialog, the executed batch, the physical
 * entry form, a custody key's copies, the log, the certificate and the vault's end.
 */
async function checkDestruction(page: Page, width: number): Promise<string[]> {
  const problems: string[] = [];
  await page.getByRole('button', { name: 'Destruction', exact: true }).click();
  await page.getByRole('heading', { name: 'Destruction batches' }).waitFor();
  problems.push(...(await checkScreen(page, 'destruction-batches-empty', width)));
  await page.getByRole('button', { name: 'Plan a batch', exact: true }).first().click();
  await page.getByLabel(/^Also remove this vault’s working copies/).check();
  await page.getByRole('heading', { name: 'May be destroyed (1)' }).waitFor();
  problems.push(...(await checkScreen(page, 'destruction-plan', width)));
  await page.getByRole('button', { name: 'Create the batch' }).click();
  await page.getByRole('button', { name: 'Approve the batch' }).waitFor();
  problems.push(...(await checkScreen(page, 'destruction-approve', width)));
  await page.getByLabel('Approver').fill('Chen Jie');
  await page.getByRole('button', { name: 'Approve the batch' }).click();
  await page.getByRole('button', { name: 'Delete these records now' }).click();
  await page.getByRole('heading', { name: 'Delete 1 records?' }).waitFor();
  problems.push(...(await checkScreen(page, 'destruction-confirm', width)));
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByText(/^1 records deleted/).waitFor({ timeout: 60_000 });
  problems.push(...(await checkScreen(page, 'destruction-executed', width)));
  await page.getByRole('button', { name: 'Record physical destruction for this batch' }).click();
  await page.getByRole('button', { name: 'Record the entry' }).waitFor();
  problems.push(...(await checkScreen(page, 'destruction-record', width)));
  await page.getByLabel('Description').fill('Forms, box 1');
  await page.getByLabel('Place').fill('Archive room');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await page.getByLabel('Choose photos').setInputFiles({ name: 'box.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Record the entry' }).click();
  await page.getByText('Recorded as destruction log entry 2.').waitFor();
  await page.getByRole('button', { name: 'Custody keys', exact: true }).click();
  await page.getByRole('button', { name: 'Record this copy’s destruction' }).first().click();
  problems.push(...(await checkScreen(page, 'destruction-keys', width)));
  await page.getByRole('button', { name: 'Destruction log', exact: true }).click();
  await page.getByRole('region', { name: 'Destruction log' }).waitFor();
  await page.getByRole('img', { name: 'Photo: box.png' }).waitFor();
  problems.push(...(await checkScreen(page, 'destruction-log', width)));
  await page.getByRole('button', { name: 'Certificate of the whole wind-down' }).click();
  await page.getByRole('heading', { level: 1, name: /Certificate of destruction/ }).waitFor();
  problems.push(...(await checkScreen(page, 'destruction-certificate', width)));
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'End of vault', exact: true }).click();
  await page.getByRole('button', { name: 'Export the final log and certificate' }).click();
  await page.getByLabel('Type the vault label to confirm').waitFor();
  problems.push(...(await checkScreen(page, 'destruction-end', width)));
  return problems;
}

/** The import screen at each step: choose a file, confirm the columns, read the report (one row duplicates the record added above). */
async function checkImport(page: Page, width: number): Promise<string[]> {
  const problems: string[] = [];
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Import customers' }).waitFor();
  problems.push(...(await checkScreen(page, 'import', width)));
  await page.getByLabel('Customer register (CSV or XLSX)').setInputFiles(path.join(FIXTURES, 'customers-200.csv'));
  await page.getByRole('heading', { name: 'Columns' }).waitFor({ timeout: 60_000 });
  problems.push(...(await checkScreen(page, 'import-columns', width)));
  await page.getByRole('button', { name: 'Check rows' }).click();
  await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 60_000 });
  problems.push(...(await checkScreen(page, 'import-report', width)));
  return problems;
}

describe('every screen is accessible in both languages at 360 and 1280 px', () => {
  for (const width of [360, 1280]) {
    it(`at ${width} px`, async () => {
      const g = await suite.open({ width, height: width < 500 ? 740 : 800, bypassCSP: true, touch: width < 500 });
      const { page } = g;
      const problems: string[] = [];
      await page.getByRole('heading', { name: 'Vaults' }).waitFor();
      problems.push(...(await checkScreen(page, 'vaults-empty', width)));
      await page.getByRole('button', { name: 'New vault' }).click();
      problems.push(...(await checkScreen(page, 'create-vault', width)));
      await page.getByRole('button', { name: 'Back to vaults' }).click();
      await createVault(page, `A11y ${width}`);
      await addRecord(page, { customerNo: 'KH000321', name: '刘洋', idNumber: '110101198402248759', phone: '13912345678' });
      problems.push(...(await checkScreen(page, 'records', width)));
      await page.getByRole('button', { name: 'Add record' }).click();
      problems.push(...(await checkScreen(page, 'record-form', width)));
      await page.getByRole('button', { name: 'Cancel' }).click();
      problems.push(...(await checkImport(page, width)));
      await page.getByRole('button', { name: 'Audit log', exact: true }).click();
      problems.push(...(await checkScreen(page, 'audit-log', width)));
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      problems.push(...(await checkScreen(page, 'settings', width)));
      await page.getByRole('button', { name: 'Checklist', exact: true }).click();
      await page.getByRole('button', { name: 'Save firm profile' }).click();
      problems.push(...(await checkScreen(page, 'checklist-profile', width)));
      await page.getByLabel('SD Securities firm deregistration').check();
      await page.getByLabel('Firm name').fill('A11y Securities');
      await page.getByLabel('Number of people whose data the firm holds').fill('10');
      await page.getByRole('button', { name: 'Save firm profile' }).click();
      await page.getByRole('button', { name: 'Print the whole checklist' }).waitFor();
      problems.push(...(await checkScreen(page, 'checklist-overview', width)));
      await page.getByRole('button', { name: 'P2 Inventory and classification' }).click();
      problems.push(...(await checkScreen(page, 'checklist-phase', width)));
      await page.getByRole('button', { name: /^P2-01 / }).click();
      await page.getByLabel('Choose a photo or PDF').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%a11y\n') });
      await page.getByText('Attached “scan.pdf”.').waitFor();
      problems.push(...(await checkScreen(page, 'checklist-item', width)));
      await page.getByRole('button', { name: /^Back to P2/ }).click();
      await page.getByRole('button', { name: 'Print this phase' }).click();
      problems.push(...(await checkScreen(page, 'checklist-print', width)));
      problems.push(...(await checkArchive(page, width)));
      problems.push(...(await checkDestruction(page, width)));
      await lock(page);
      problems.push(...(await checkScreen(page, 'unlock', width)));
      await page.getByRole('button', { name: 'Back to vaults' }).click();
      problems.push(...(await checkScreen(page, 'vaults', width)));
      expect(problems).toEqual([]);
    });
  }

  it('recovery sheet passes too, and the language switch sets <html lang>', async () => {
    const g = await suite.open({ bypassCSP: true });
    const { page } = g;
    await page.getByRole('button', { name: 'New vault' }).click();
    await page.getByLabel('Vault label').fill('Sheet');
    await page.getByLabel('Operator name').fill('Li Wei');
    await page.getByLabel('Passphrase', { exact: true }).fill('maple river lantern 42');
    await page.getByLabel('Repeat passphrase').fill('maple river lantern 42');
    await page.getByRole('button', { name: 'Create vault' }).click();
    await page.getByRole('heading', { name: 'Recovery sheet' }).waitFor({ timeout: 60_000 });
    expect(await checkScreen(page, 'recovery-sheet', 1280)).toEqual([]);
    await setLang(page, 'zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'recovery-sheet-print');
  });

  it('works with the keyboard alone: visible focus, Escape closes the dialog', async () => {
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Keyboard');
    await addRecord(page, { customerNo: 'KH000999', name: '孙丽' });
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return { tag: el.tagName, outline: cs.outlineStyle, width: cs.outlineWidth, shadow: cs.boxShadow };
    });
    expect(outline.tag).not.toBe('BODY');
    expect(outline.outline !== 'none' || outline.shadow !== 'none').toBe(true);
    await page.getByRole('button', { name: /KH000999/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Edit record' }).waitFor();
    await page.getByRole('button', { name: 'Delete record' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Delete this record?' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Delete this record?' }).waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Edit record' }).waitFor();
  });
});
