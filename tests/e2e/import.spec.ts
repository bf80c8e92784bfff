import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSuite, scanStorage } from './harness.ts';
import { createVault, unlock } from './flows.ts';
import { checkRows, chooseRegister, countsOf, FIXTURES, fixtureRows, generateRegister, idChecksumOk, longestTask, normaliseId, persistentProfile, recordsTotal } from './fixtures.ts';

// Every request of every journey stays on the app's origin (checked after each test).
const suite = browserSuite();

const CLEAN = [
  ['customers-200.csv', 'Auto (detected UTF-8)'],
  ['customers-200-gb18030.csv', 'Auto (detected GB18030)'],
  ['customers-200.xlsx', null],
] as const;

describe('importing customer registers through the UI', () => {
  for (const [name, encoding] of CLEAN) {
    it(`${name}: 200 rows become 200 records`, async () => {
      const { page } = await suite.open();
      await createVault(page, `Import ${name}`);
      expect(await chooseRegister(page, path.join(FIXTURES, name))).toBeNull();
      if (encoding) expect(await page.getByLabel('Encoding').locator('option:checked').innerText()).toBe(encoding);
      else expect(await page.getByLabel('Sheet').count()).toBe(1);
      expect(await page.getByLabel(/^Field for column /).count()).toBeGreaterThan(10);
      await checkRows(page);
      expect(await countsOf(page, 'import-counts')).toEqual({ Rows: 200, Valid: 200, Invalid: 0, Duplicates: 0 });
      await page.getByRole('button', { name: 'Import 200 records' }).click();
      await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
      expect(await countsOf(page, 'import-result')).toMatchObject({ Stored: 200, Skipped: 0, Merged: 0 });
      await page.getByRole('button', { name: 'Back to records' }).click();
      expect(await recordsTotal(page)).toBe(200);
      if (name === 'customers-200.csv') {
        const rows = fixtureRows(name).slice(1, 4);
        const canaries = rows.flatMap((r) => [r[1]!, r[3]!, r[6]!]);
        expect(canaries.every((c) => c.length >= 2)).toBe(true);
        expect(await scanStorage(page, canaries)).toEqual([]);
        // The same layout again: the confirmed mapping is offered, and every row is now in the vault.
        expect(await chooseRegister(page, path.join(FIXTURES, name))).toBeNull();
        await page.getByText('Preselected: the mapping you confirmed last time').waitFor();
        await checkRows(page);
        expect(await countsOf(page, 'import-counts')).toEqual({ Rows: 200, Valid: 200, Invalid: 0, Duplicates: 200 });
      }
    });
  }

  it('the messy GB18030 register: duplicates found, checksums flagged, full-width and spaced IDs normalised', async () => {
    const NAME = 'customers-messy-300-gb18030.csv';
    const { page } = await suite.open();
    await createVault(page, 'Import messy');
    expect(await chooseRegister(page, path.join(FIXTURES, NAME))).toBeNull();
    expect(await page.getByLabel('Encoding').locator('option:checked').innerText()).toBe('Auto (detected GB18030)');
    await checkRows(page);
    expect(await countsOf(page, 'import-counts')).toEqual({ Rows: 303, Valid: 293, Invalid: 10, Duplicates: 3 });
    expect(await page.getByTestId('import-duplicates').locator('li').count()).toBe(3);
    expect(await page.getByText('ID number checksum does not match: 10').count()).toBe(1);
    const problems = page.getByRole('region', { name: 'Problems by row and column' });
    expect(await problems.getByRole('row').filter({ hasText: 'ID number checksum does not match' }).count()).toBe(10);
    // Values in the report are masked: region and check part only.
    expect(await problems.innerText()).toMatch(/\d{4}\*{10}[\dX]{4}/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^import-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.match(/ID_CHECKSUM/g)?.length).toBe(10);
    expect(csv.match(/DUPLICATE_IN_FILE/g)?.length).toBe(3);
    expect(csv).not.toMatch(/\d{17}[\dX]/);
    await page.getByRole('radio', { name: 'Skip' }).check();
    await page.getByRole('button', { name: 'Import 290 records' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    expect(await countsOf(page, 'import-result')).toEqual({ Stored: 290, Skipped: 3, Merged: 0, 'Invalid, not imported': 10 });
    await page.getByRole('button', { name: 'Back to records' }).click();
    expect(await recordsTotal(page)).toBe(290);

    // A full-width ID and a spaced one, stored normalised: found by their last digits.
    const raw = fixtureRows(NAME, 'gb18030').slice(1);
    const fullWidth = raw.find((r) => /[０-９]/.test(r[2]!) && idChecksumOk(normaliseId(r[2]!)))!;
    const spaced = raw.find((r) => /\d\s+\d|^\s|\s$/.test(r[2]!) && !/[０-９]/.test(r[2]!) && idChecksumOk(normaliseId(r[2]!)))!;
    for (const row of [fullWidth, spaced]) {
      const id = normaliseId(row[2]!);
      await page.getByLabel('Search records').fill(id.slice(-6));
      const list = page.getByRole('list', { name: 'Record list' });
      await list.getByText(row[1]!.trim()).first().waitFor({ timeout: 15_000 });
      expect(await list.innerText()).toContain(`ID …${id.slice(-4)}`);
    }
  });

  it('a 0-byte file and a binary renamed .csv are refused with what to do, and the vault is unchanged', async () => {
    const { page } = await suite.open();
    await createVault(page, 'Import bad files');
    const events = async () => {
      await page.getByRole('button', { name: 'Audit log', exact: true }).click();
      await page.getByRole('table').waitFor();
      return page.getByRole('table').locator('tbody tr').count();
    };
    const before = await events();
    const empty = await chooseRegister(page, { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    expect(empty).toContain('The file is empty.');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))]);
    const binary = await chooseRegister(page, { name: 'customers.csv', mimeType: 'text/csv', buffer: png });
    expect(binary).toContain('This is not a CSV or Excel file');
    expect(binary).toContain('Export the register as CSV or .xlsx');
    await page.getByRole('button', { name: 'Records', exact: true }).click();
    expect(await recordsTotal(page)).toBe(0);
    expect(await events()).toBe(before);
  });

  it('"Try with sample data" fills an empty vault with 200 records marked Sample', async () => {
    const { page } = await suite.open();
    await createVault(page, 'Import sample');
    await page.getByRole('button', { name: 'Try with sample data' }).click();
    await page.getByRole('status').filter({ hasText: /^200 records$/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('list', { name: 'Record list' }).getByText('Sample', { exact: true }).count()).toBeGreaterThan(3);
    expect(await page.getByRole('button', { name: 'Try with sample data' }).count()).toBe(0);
  });
});

describe('an import survives the tab closing halfway', () => {
  it('20,000 rows: cancel once, then close the browser during the commit; the vault holds none or all, and the audit log verifies', async () => {
    const file = generateRegister(20_000);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-import-profile-'));
    let phase = 'none';
    try {
      const first = await persistentProfile(profile);
      try {
        const { page } = first;
        await createVault(page, 'Project Halfway');
        // Cancel while the worker reads and checks: nothing is kept, and the file can be chosen again.
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        await page.getByLabel('Customer register (CSV or XLSX)').setInputFiles(file);
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.getByText('Import cancelled; nothing was stored.').waitFor({ timeout: 60_000 });
        await longestTask(page);
        expect(await chooseRegister(page, file)).toBeNull();
        await checkRows(page);
        expect(await countsOf(page, 'import-counts')).toMatchObject({ Rows: 20_000, Valid: 20_000 });
        process.stdout.write(`longest main-thread task while the worker read and checked 20,000 rows: ${await longestTask(page)} ms\n`);
        // The page tells the test the moment the progress says "Storing" (the one write transaction),
        // so the browser closes while it runs rather than a polling interval later.
        const storing = new Promise<string>((resolve) => void page.exposeBinding('importPhase', (_source, p: string) => resolve(p)));
        await page.evaluate(() => {
          const w = window as unknown as { importPhase: (p: string) => void };
          const watch = new MutationObserver(() => {
            if ([...document.querySelectorAll('[aria-live]')].some((e) => e.textContent === 'Storing')) {
              watch.disconnect();
              w.importPhase('Storing');
            }
          });
          watch.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await page.getByRole('button', { name: 'Import 20,000 records' }).click();
        const finished = page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 90_000 }).then(() => 'finished', () => 'closed');
        phase = await Promise.race([storing, finished]);
      } finally {
        await first.context.close();
      }
      expect(first.foreign).toEqual([]);

      const again = await persistentProfile(profile);
      try {
        const { page } = again;
        await unlock(page, 'Project Halfway');
        const total = await recordsTotal(page);
        expect([0, 20_000]).toContain(total);
        process.stdout.write(`tab closed during "${phase}": the reopened vault holds ${total} records\n`);
        await page.getByRole('button', { name: 'Audit log', exact: true }).click();
        await page.getByRole('button', { name: 'Verify audit log' }).click();
        await page.getByText(/Audit log verified: \d+ events, chain intact\./).waitFor({ timeout: 60_000 });
      } finally {
        await again.context.close();
      }
      expect(again.foreign).toEqual([]);
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
