import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { browserSuite, scanStorage, screenshot } from './harness.ts';
import { addRecord, createVault } from './flows.ts';
import { fixtureRows, importCleanFixture as importFixture, nav, recordsTotal } from './fixtures.ts';

// Every request of every journey stays on the app's origin (checked after each test).
const suite = browserSuite();

const ROOT = path.resolve(__dirname, '../..');
const HOLD = 'subpoena 2026-88';
// A 1×1 PNG, as a phone camera would hand over a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Sets `fate` on the records the search finds (all with an empty search). */
async function setFate(page: Page, search: string, fate: string, n: number): Promise<void> {
  await page.getByLabel('Search records').fill(search);
  if (search) await page.getByText(`${n} matching records`).waitFor();
  await page.getByLabel('Fate', { exact: true }).selectOption(fate);
  await page.getByRole('button', { name: `Set for these ${n} records` }).click();
  await page.getByText(new RegExp(`^${n} changed`)).waitFor();
}

/** Clicks `button` and collects the `count` downloads it starts, saved into `dir` by their names. */
async function downloads(page: Page, count: number, dir: string, click: () => Promise<void>): Promise<string[]> {
  const got: Download[] = [];
  const done = new Promise<void>((resolve) => {
    const on = (d: Download) => {
      got.push(d);
      if (got.length === count) {
        page.off('download', on);
        resolve();
      }
    };
    page.on('download', on);
  });
  await click();
  await done;
  const names: string[] = [];
  for (const d of got) {
    await d.saveAs(path.join(dir, d.suggestedFilename()));
    names.push(d.suggestedFilename());
  }
  return names.sort();
}

describe('destruction with proof in Chromium', () => {
  it('import → fates → archive the keepers → plan, approve, execute → paper with a photo → log and certificate; the records are gone', async () => {
    const g = await suite.open();
    const { page } = g;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-destruction-e2e-'));
    await createVault(page, 'Destruction journey');
    await importFixture(page);
    const rows = fixtureRows('customers-200.csv').slice(1);

    // Fates: keep everything, then destroy KH000001–KH000009; a hold on KH000009.
    await nav(page, 'Archive');
    await page.getByRole('heading', { level: 1, name: 'Retention, archive and restore' }).waitFor();
    await setFate(page, '', 'keep', 200);
    await setFate(page, 'KH00000', 'destroy', 9);
    await page.getByLabel('Search records').fill('KH000009');
    await page.getByText('1 matching records').waitFor();
    await page.getByLabel('Reason for the hold').fill(HOLD);
    await page.getByRole('button', { name: 'Place a hold on these 1 records' }).click();
    await page.getByText('Legal hold placed on 1 records.').waitFor();

    // Archive the keepers: a custody key, a bundle, a registered copy on a USB stick.
    await nav(page, 'Custody keys');
    await page.getByRole('textbox', { name: 'Expiry year' }).fill('2046');
    await page.getByRole('button', { name: 'Create custody key' }).click();
    await page.getByText('Custody key created: Expires 2046. Make its escrow copies now.').waitFor();
    await nav(page, 'Export a bundle');
    await page.getByRole('heading', { name: /^Export bundle ARC-\d{4}-0001$/ }).waitFor();
    const [bundle] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: 'Export bundle' }).click()]);
    const number = bundle.suggestedFilename().replace('.closeout', '');
    await page.getByText(`${number} exported.`).waitFor();
    await nav(page, 'Register of bundles');
    await page.getByRole('button', { name: `Register a copy of ${number}` }).click();
    await page.getByLabel('Medium').selectOption('usb');
    await page.getByLabel('Where it is kept').fill('Safe A');
    await page.getByLabel('Who holds it').fill('CFO Zhao');
    await page.getByRole('button', { name: 'Register copy' }).click();
    await page.getByText(/^USB stick · Safe A · held by CFO Zhao/).waitFor();

    // Plan: eight may be destroyed, the held one may not; the bundle's copy is to be destroyed.
    await nav(page, 'Destruction');
    await page.getByRole('heading', { level: 1, name: 'Destruction with proof' }).waitFor();
    await nav(page, 'Plan a batch');
    await page.getByRole('heading', { name: 'May be destroyed (8)' }).waitFor();
    const ineligible = page.getByRole('region', { name: 'May not be destroyed now (1)' });
    expect(await ineligible.getByRole('row').nth(1).innerText()).toMatch(/KH000009[\s\S]*Legal hold/);
    const eligible = page.getByRole('region', { name: 'May be destroyed (8)' });
    expect(await eligible.innerText()).not.toContain(rows[0]![1]!);
    await page.getByText(`${number}: holds 8 of these records`).waitFor();
    expect(await page.getByRole('group', { name: 'USB stick in Safe A, held by CFO Zhao' }).getByLabel('Destroy this copy').isChecked()).toBe(true);
    await screenshot(page, 'destruction-plan-1280');
    await page.getByRole('button', { name: 'Create the batch' }).click();

    // Approve and execute.
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /DST-\d{4}-0001/ }) });
    await card.getByText('Waiting for approval').waitFor();
    await card.getByLabel('Approver').fill('Chen Jie, head of the firm');
    await card.getByRole('button', { name: 'Approve the batch' }).click();
    await card.getByText(/^Approved by Chen Jie, head of the firm/).waitFor();
    await card.getByRole('button', { name: 'Delete these records now' }).click();
    await page.getByRole('heading', { name: 'Delete 8 records?' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await card.getByText(/^8 records deleted; all \d+ packs checked, none holds them\.$/).waitFor({ timeout: 60_000 });
    await card.getByText('Executed', { exact: true }).waitFor();
    const batchNo = (await card.getByRole('heading', { name: /DST-\d{4}-0001/ }).innerText()).match(/DST-\d{4}-0001/)![0];

    // Paper shredded with a photo from the camera input; then the USB copy of the bundle.
    await card.getByRole('button', { name: 'Record physical destruction for this batch' }).click();
    await page.getByRole('heading', { name: 'Record physical destruction', level: 2 }).waitFor();
    expect(await page.getByLabel('Take a photo').getAttribute('capture')).toBe('environment');
    await page.getByLabel('Description').fill('Account opening forms of the batch, boxes 1–3');
    await page.getByLabel('Number of items').fill('3');
    expect(await page.getByLabel('Method').inputValue()).toBe('cross-cut-shredding');
    await page.getByLabel('Tool (optional)').fill('HSM Securio B34 (P-5)');
    await page.getByLabel('Witnesses').fill('Qian Min');
    await page.getByLabel('Place').fill('Archive room, 5F');
    await page.getByLabel('These are accounting archives (会计档案): print the destruction register’s sign-off on the certificate').check();
    await page.getByLabel('Take a photo').setInputFiles({ name: 'shredder.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('1 photos chosen').waitFor();
    await page.getByRole('button', { name: 'Record the entry' }).click();
    await page.getByText('Recorded as destruction log entry 2.').waitFor();
    await page.getByLabel('What was destroyed').selectOption('bundle-copy');
    await page.getByLabel('Medium').selectOption('usb');
    await page.getByLabel('Method').selectOption('physical-destruction');
    await page.getByLabel('Description').fill(`USB stick with ${number}`);
    await page.getByLabel('Number of items').fill('1');
    await page.getByRole('button', { name: 'Record the entry' }).click();
    await page.getByText('Recorded as destruction log entry 3.').waitFor();
    await screenshot(page, 'destruction-record-1280');

    // The signed log, saved as three files; the certificate's print view.
    await nav(page, 'Destruction log');
    await page.getByRole('region', { name: 'Destruction log' }).waitFor();
    const saved = await downloads(page, 3, dir, () => page.getByRole('button', { name: 'Export the signed log' }).click());
    expect(saved).toEqual(['destruction-log.jsonl', 'destruction-log.jsonl.minisig', 'destruction-log.pub']);
    const logText = fs.readFileSync(path.join(dir, 'destruction-log.jsonl'), 'utf8');
    expect(logText.trim().split('\n')).toHaveLength(4);
    const head = (await page.locator('dt', { hasText: 'Head hash' }).locator('xpath=following-sibling::dd').innerText()).trim();
    expect(logText).toContain(`"head":"${head}"`);
    // The photo: its thumbnail drawn in the worker, the file back byte for byte, its SHA-256 in the log.
    await page.getByRole('img', { name: 'Photo: shredder.png' }).waitFor();
    const [photo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download shredder.png' }).click()]);
    const photoBytes = fs.readFileSync((await photo.path())!);
    expect(photoBytes.equals(PNG)).toBe(true);
    const { createHash } = await import('node:crypto');
    expect(logText).toContain(`"evidence":["${createHash('sha256').update(PNG).digest('hex')}"]`);
    await nav(page, 'Certificate of the whole wind-down');
    await page.getByRole('heading', { level: 1, name: /Certificate of destruction and sanitization/ }).waitFor();
    await page.getByText(head).waitFor();
    await page.getByRole('img', { name: /QR code of the log head/ }).waitFor();
    await page.getByText('Head of the entity', { exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(false);
    await screenshot(page, 'destruction-certificate-print');
    await page.emulateMedia({ media: 'screen' });

    // The records are gone from the vault; no storage area holds their text; the log names them masked only.
    await nav(page, 'Records');
    expect(await recordsTotal(page)).toBe(192);
    await page.getByLabel('Search records').fill('KH000003');
    await page.getByText('No records match.').or(page.getByText(/^0 records/)).first().waitFor();
    const destroyed = rows.slice(0, 8);
    const canaries = destroyed.flatMap((r) => [r[1]!, r[3]!, r[6]!]);
    expect(await scanStorage(page, canaries)).toEqual([]);
    for (const c of canaries) {
      expect(logText).not.toContain(c);
      expect(g.console.join('\n')).not.toContain(c);
    }
    for (const r of destroyed) expect(logText).toContain(`"customerNo":"${r[0]}"`);
    expect(logText).toContain(`"batch":"${batchNo}"`);

    // The exported log verifies with the command line and with minisign.
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/closeout.mjs'), 'verify-log', path.join(dir, 'destruction-log.jsonl'), '--pubkey', path.join(dir, 'destruction-log.pub')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect([cli.status, cli.stderr]).toEqual([0, '']);
    expect(cli.stdout).toContain('entries  3');
    const pub = fs.readFileSync(path.join(dir, 'destruction-log.pub'), 'utf8').trim().split('\n')[1]!;
    const ms = spawnSync('minisign', ['-Vm', path.join(dir, 'destruction-log.jsonl'), '-P', pub], { encoding: 'utf8' });
    expect(ms.status).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a vault’s end of life: the final log (its last entry the vault itself) and certificate first, then the vault is gone from the list and from storage', async () => {
    const g = await suite.open();
    const { page } = g;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeout-end-e2e-'));
    await createVault(page, 'Closing case 9');
    await addRecord(page, { customerNo: 'KH000777', name: '终结客户', idNumber: '110101198402248759', phone: '13912345678' });
    await nav(page, 'Archive');
    await setFate(page, '', 'destroy', 1);
    await nav(page, 'Destruction');
    await nav(page, 'Plan a batch');
    await page.getByRole('heading', { name: 'May be destroyed (1)' }).waitFor();
    await page.getByRole('button', { name: 'Create the batch' }).click();
    await page.getByLabel('Approver').fill('Chen Jie');
    await page.getByRole('button', { name: 'Approve the batch' }).click();
    await page.getByRole('button', { name: 'Delete these records now' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText(/^1 records deleted/).waitFor({ timeout: 60_000 });

    await nav(page, 'End of vault');
    const saved = await downloads(page, 3, dir, () => page.getByRole('button', { name: 'Export the final log and certificate' }).click());
    expect(saved).toEqual(['destruction-log.jsonl', 'destruction-log.jsonl.minisig', 'destruction-log.pub']);
    const lines = fs.readFileSync(path.join(dir, 'destruction-log.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).kind)).toEqual(['electronic', 'vault', 'checkpoint']);
    expect(JSON.parse(lines[1]!)).toMatchObject({ counts: { records: 0, keySlots: 2 }, method: { category: 'purge' } });
    await page.getByRole('button', { name: 'View the certificate' }).click();
    await page.getByText('Whole vault', { exact: false }).first().waitFor();
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin/closeout.mjs'), 'verify-log', path.join(dir, 'destruction-log.jsonl'), '--pubkey', path.join(dir, 'destruction-log.pub')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(cli.status).toBe(0);

    await page.getByLabel('Type the vault label to confirm').fill('Closing case');
    await page.getByRole('button', { name: 'Delete this vault for good' }).click();
    await page.getByText('That is not the vault’s label.').waitFor();
    await page.getByLabel('Type the vault label to confirm').fill('Closing case 9');
    await page.getByRole('button', { name: 'Delete this vault for good' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete this vault for good' }).click();
    await page.getByRole('heading', { name: 'Vaults' }).waitFor();
    expect(await page.getByRole('button', { name: 'Closing case 9' }).count()).toBe(0);
    expect(await scanStorage(page, ['Closing case 9', '终结客户', '110101198402248759'])).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
