import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ready } from '../../src/core/crypto/sodium.ts';
import { openBundle, verifyBundle } from '../../src/core/formats/bundle.ts';
import { parseRecordLines } from '../../src/core/formats/bundle-inner.ts';
import { unprotectIdentity } from '../../src/core/formats/age-key-file.ts';
import { browserSuite, scanStorage, screenshot } from './harness.ts';
import { createVault } from './flows.ts';
import { fixtureRows, importCleanFixture as importFixture, nav, recordsTotal } from './fixtures.ts';

// Every request of every journey stays on the app's origin (checked after each test).
const suite = browserSuite();

const HOLD = 'HOLD-CANARY（2026）京01民初88号';
const RESTORED_PASS = 'restored vault passphrase 7';
const KEYFILE_PASS = 'escrow key file passphrase 9';

async function saveProfile(page: Page): Promise<void> {
  await nav(page, 'Checklist');
  await page.getByLabel('SD Securities firm deregistration').check();
  await page.getByLabel('Firm name').fill('归档证券有限责任公司');
  await page.getByLabel('Number of people whose data the firm holds').fill('200');
  await page.getByRole('button', { name: 'Save firm profile' }).click();
  await page.getByRole('button', { name: 'Print the whole checklist' }).waitFor();
}

/** The funnel's counts by label, from the list with data-testid fate-funnel. */
async function funnel(page: Page): Promise<Record<string, number>> {
  const dl = page.getByTestId('fate-funnel').first();
  await dl.waitFor();
  return dl.evaluate((el) => Object.fromEntries([...el.querySelectorAll('div')].map((div) => [div.querySelector('dt')!.textContent!.trim(), Number(div.querySelector('dd')!.textContent)])));
}

describe('retention, custody keys and archive bundles in Chromium', () => {
  it('import → fates → custody key → export (download) → open, verify, decrypt → restore into a new vault, every record back', async () => {
    await ready();
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Archive journey');
    await importFixture(page);
    await saveProfile(page);

    // Fates: start date, suggestion shown first, then applied; a legal hold on one record.
    await nav(page, 'Archive');
    await page.getByRole('heading', { level: 1, name: 'Retention, archive and restore' }).waitFor();
    await page.getByText('Worked out from the firm profile: scenarios SD.').waitFor();
    await page.getByLabel('All customer accounts closed on').fill('2026-06-30');
    await page.getByRole('button', { name: 'Save start dates' }).click();
    await page.getByText('Start dates saved; keep-until dates worked out again.').waitFor();
    expect(await funnel(page)).toEqual({ Undecided: 200, Keep: 0, Transfer: 0, Destroy: 0, 'Legal hold': 0 });
    await page.getByRole('button', { name: 'Suggest fates for these 200 records' }).click();
    await page.getByText(/^Suggested: keep 200, transfer 0, destroy 0; 200 would change\.$/).waitFor();
    expect((await funnel(page)).Undecided).toBe(200);
    await page.getByRole('button', { name: 'Apply the suggestions (200 records)' }).click();
    await page.getByText('Suggested fates saved for 200 records.').waitFor();
    await expect.poll(() => funnel(page)).toMatchObject({ Undecided: 0, Keep: 200 });
    const table = page.getByRole('region', { name: /^Records 1–50 of 200$/ });
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/SECLAW-137[\s\S]*20 years, until 2046-06-30/);
    await page.getByLabel('Search records').fill('KH000001');
    await page.getByText('1 matching records').waitFor();
    await page.getByLabel('Reason for the hold').fill(HOLD);
    await page.getByRole('button', { name: 'Place a hold on these 1 records' }).click();
    await page.getByText('Legal hold placed on 1 records.').waitFor();
    await page.getByLabel('Fate', { exact: true }).selectOption('destroy');
    await page.getByRole('button', { name: 'Set for these 1 records' }).click();
    await page.getByText('0 changed. 1 left as they were: legal hold.').waitFor();
    await expect.poll(() => funnel(page)).toMatchObject({ Keep: 199, 'Legal hold': 1 });
    await screenshot(page, 'archive-fates-1280');

    // A custody key for 2046; its sheet printed and its key file downloaded, each copy registered.
    await nav(page, 'Custody keys');
    await page.getByRole('textbox', { name: 'Expiry year' }).fill('2046');
    await page.getByRole('button', { name: 'Create custody key' }).click();
    await page.getByText('Custody key created: Expires 2046. Make its escrow copies now.').waitFor();
    await page.getByRole('button', { name: 'Print key sheet' }).click();
    await page.getByLabel('Where it is kept').fill('Safe B, second shelf');
    await page.getByLabel('Who holds it').fill('Counsel Wang');
    await page.getByRole('button', { name: 'Register and show the key sheet' }).click();
    await page.getByRole('heading', { name: 'Custody key sheet: 2046' }).waitFor();
    const identity = (await page.getByTestId('custody-identity').innerText()).trim();
    expect(identity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    await page.getByRole('img', { name: 'QR code of the secret key' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Archive sections' }).isVisible()).toBe(false);
    await screenshot(page, 'archive-key-sheet-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Printed and put away safely' }).click();
    await page.getByRole('button', { name: 'Download key file' }).click();
    await page.getByLabel('Where it is kept').fill('USB stick #3 in safe A');
    await page.getByLabel('Who holds it').fill('CFO Zhao');
    await page.getByLabel('Key file passphrase', { exact: true }).fill(KEYFILE_PASS);
    await page.getByLabel('Repeat key file passphrase').fill(KEYFILE_PASS);
    const [keyDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Register and download the key file' }).click()]);
    expect(keyDownload.suggestedFilename()).toBe('custody-key-2046.age');
    const keyFile = fs.readFileSync((await keyDownload.path())!, 'utf8');
    expect(await unprotectIdentity(keyFile, KEYFILE_PASS)).toEqual([identity]);
    const copies = page.getByRole('list', { name: 'Custody keys' });
    await copies.getByText('Passphrase-protected key file').waitFor();
    expect(await copies.innerText()).toContain('Printed key sheet');

    // Export: the bundle downloads; the register and the checklist know it.
    await nav(page, 'Export a bundle');
    await page.getByRole('heading', { name: /^Export bundle ARC-\d{4}-0001$/ }).waitFor();
    expect(await page.getByLabel('Expires 2046').isChecked()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^ARC-\d{4}-0001\.closeout$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-archive-e2e-'));
    const bundlePath = path.join(dir, name);
    await download.saveAs(bundlePath);
    await page.getByText(`${name.replace('.closeout', '')} exported.`).waitFor();
    await page.getByText(/^Checklist items ticked: P3-01 .*P3-03 /).waitFor();

    // The file itself, outside the browser: verified without a key, opened with the sheet's key, every record there.
    const bytes = new Uint8Array(fs.readFileSync(bundlePath));
    expect(verifyBundle(bytes).manifest.counts.records).toBe(200);
    const opened = await openBundle(bytes, { identities: [identity] });
    const lines = parseRecordLines(opened.files.get('records.jsonl')!);
    const rows = fixtureRows('customers-200.csv').slice(1);
    expect(lines.map((l) => [l.customerNo, l.fields.name, l.fields.idNumber, l.fields.phone])).toEqual(rows.map((r) => [r[0], r[1], r[3], r[6]]));
    expect(lines[0]!.fate).toMatchObject({ kind: 'keep', hold: { reason: HOLD } });

    await nav(page, 'Register of bundles');
    await page.getByRole('heading', { name: name.replace('.closeout', '') }).waitFor();
    await page.getByRole('button', { name: `Register a copy of ${name.replace('.closeout', '')}` }).click();
    await page.getByLabel('Medium').selectOption('usb');
    await page.getByLabel('Where it is kept').fill('Safe A');
    await page.getByLabel('Who holds it').fill('CFO Zhao');
    await page.getByRole('button', { name: 'Register copy' }).click();
    await page.getByText(/^USB stick · Safe A · held by CFO Zhao/).waitFor();

    // Nothing personal in any storage area or the console: names, IDs, phones, the key, the hold reason.
    const canaries = [...rows.slice(0, 5).flatMap((r) => [r[1]!, r[3]!, r[6]!]), identity, identity.slice(16, 40), HOLD];
    expect(await scanStorage(page, canaries)).toEqual([]);
    for (const c of canaries) expect(g.console.join('\n')).not.toContain(c);

    // Bad input first: not a ZIP, and a flipped byte; each refused with what is wrong.
    await nav(page, 'Open a bundle');
    await page.getByLabel('Bundle file (.closeout)').setInputFiles({ name: 'register.closeout', mimeType: 'application/zip', buffer: Buffer.from('客户编号,姓名\nKH1,张三\n') });
    await page.getByText('This is not a Closeout bundle (not a ZIP file).').waitFor();
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0x10;
    await page.getByLabel('Bundle file (.closeout)').setInputFiles({ name, mimeType: 'application/zip', buffer: flipped });
    await page.getByText('The bundle was altered or damaged and fails verification. Use another copy.').waitFor();

    // Open it again in the app: verified without a key, decrypted with this vault's custody key, previewed masked.
    await page.getByLabel('Bundle file (.closeout)').setInputFiles(bundlePath);
    await page.getByRole('heading', { name: `${name.replace('.closeout', '')}: signature and hashes verified` }).waitFor();
    await page.getByText(/^Signed by this vault \(key id [0-9A-F]{16}\)\.$/).waitFor();
    await page.getByText('This vault’s register lists this bundle with the same hash.').waitFor();
    expect(await page.getByLabel('This vault’s custody keys').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Decrypt and preview' }).click();
    await page.getByRole('heading', { name: `Contents of ${name.replace('.closeout', '')}` }).waitFor({ timeout: 60_000 });
    await page.getByText('200 records, 0 attachments', { exact: false }).first().waitFor();
    const preview = page.getByRole('region', { name: 'First 20 of 200 (masked)' });
    const first = await preview.getByRole('row').nth(1).innerText();
    expect(first).toContain(rows[0]![0]!);
    expect(first).toContain(`${rows[0]![1]![0]}*`);
    expect(first).not.toContain(rows[0]![3]!);
    await screenshot(page, 'archive-open-1280');

    // Restore into a new vault: recovery sheet, then the records, every one of them.
    await page.getByLabel('Passphrase', { exact: true }).fill(RESTORED_PASS);
    await page.getByLabel('Repeat passphrase').fill(RESTORED_PASS);
    await page.getByRole('button', { name: 'Create vault and restore records' }).click();
    await page.getByRole('heading', { name: 'Recovery sheet' }).waitFor({ timeout: 60_000 });
    await page.getByLabel('I have saved the recovery sheet somewhere safe').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await recordsTotal(page)).toBe(200);
    expect(await page.locator('.vault-name').innerText()).toBe(`Restored from ${name.replace('.closeout', '')}`);
    expect(await funnel(page)).toEqual({ Undecided: 0, Keep: 199, Transfer: 0, Destroy: 0, 'Legal hold': 1 });
    for (const r of [rows[1]!, rows[99]!, rows[199]!]) {
      await page.getByLabel('Search records').fill(r[0]!);
      const list = page.getByRole('list', { name: 'Record list' });
      await list.getByText(r[1]!).first().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: new RegExp(r[0]!) }).click();
      await page.getByRole('heading', { name: 'Edit record' }).waitFor();
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(r[1]);
      expect(await page.getByLabel('ID number').inputValue()).toBe(r[3]);
      expect(await page.getByLabel('Mobile phone').inputValue()).toBe(r[6]);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: 'Records' }).waitFor();
    }
    await nav(page, 'Audit log');
    await page.getByRole('table').getByText('Records restored from a bundle').waitFor();
    expect(await scanStorage(page, canaries)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
