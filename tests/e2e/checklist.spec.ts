import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { browserSuite, scanStorage, screenshot } from './harness.ts';
import { createVault, unlock } from './flows.ts';

const suite = browserSuite();

const PHOTO_CANARY = 'PHOTO-CANARY-7f3q9z';
const NOTE_CANARY = 'NOTE-CANARY-董事会决议-4k2';
const FIRM = '金丝雀证券有限责任公司';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real 64×48 RGB PNG (a gradient, so it decodes into a thumbnail) with a tEXt chunk holding the canary. */
function photo(): Buffer {
  const w = 64;
  const h = 48;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    raw[y * (1 + w * 3)] = 0;
    for (let x = 0; x < w; x++) raw.set([x * 4, y * 5, 160], y * (1 + w * 3) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${PHOTO_CANARY}`, 'latin1')),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function openItem(page: Page, phase: string, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Checklist', exact: true }).click();
  await page.getByRole('button', { name: phase }).click();
  await page.getByRole('button', { name: item }).click();
  await page.getByRole('heading', { level: 1, name: item }).waitFor();
}

async function markDone(page: Page): Promise<void> {
  await page.getByLabel('Done', { exact: true }).check();
  await page.getByRole('button', { name: 'Save item' }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
}

describe('wind-down checklist in Chromium', () => {
  it('profile SD with paper → items done, a photo attached → reload → states, thumbnail and bytes are back → print → nothing in clear', async () => {
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Project Elm');
    await page.getByRole('button', { name: 'Checklist', exact: true }).click();
    await page.getByRole('heading', { name: 'Wind-down checklist' }).waitFor();

    // A contradictory profile is refused, naming the field.
    await page.getByRole('button', { name: 'Save firm profile' }).click();
    await page.getByText('Choose at least one scenario (PF, BT, SD or AV).').waitFor();
    await page.getByLabel('SD Securities firm deregistration').check();
    await page.getByLabel('Firm name').fill(FIRM);
    await page.getByLabel('There are paper customer records').check();
    await page.getByLabel('Number of people whose data the firm holds').fill('1200');
    await page.getByRole('button', { name: 'Save firm profile' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/^Saved\. The checklist has \d+ items\.$/);

    await openItem(page, 'P1 Governance', /^P1-01 /);
    await page.getByLabel('Notes').fill(NOTE_CANARY);
    await markDone(page);

    await page.getByRole('button', { name: /^Back to P1/ }).click();
    await page.getByRole('button', { name: 'All phases' }).click();
    await page.getByRole('button', { name: 'P2 Inventory and classification' }).click();
    await page.getByRole('button', { name: /^P2-01 / }).click();
    // A wrong type is refused with a reason, and nothing is attached.
    await page.getByLabel('Choose a photo or PDF').setInputFiles({ name: 'register.csv', mimeType: 'image/png', buffer: Buffer.from('name,id\n张三,1\n') });
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Only photos');
    await page.getByLabel('Take a photo').setInputFiles({ name: 'evidence.png', mimeType: 'image/png', buffer: photo() });
    await page.getByText('Attached “evidence.png”.').waitFor({ timeout: 30_000 });
    await page.getByRole('img', { name: 'Thumbnail of “evidence.png”' }).waitFor();
    await markDone(page);
    await screenshot(page, 'checklist-item-1280');

    await page.reload();
    await page.getByRole('heading', { name: 'Vaults' }).waitFor();
    await unlock(page, 'Project Elm');
    await page.getByRole('heading', { name: 'Records' }).waitFor({ timeout: 30_000 });

    await openItem(page, 'P1 Governance', /^P1-01 /);
    expect(await page.getByLabel('Done', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Notes').inputValue()).toBe(NOTE_CANARY);
    await page.getByText(/^Done by Li Wei on /).waitFor();

    await openItem(page, 'P2 Inventory and classification', /^P2-01 /);
    expect(await page.getByLabel('Done', { exact: true }).isChecked()).toBe(true);
    const thumb = page.getByRole('img', { name: 'Thumbnail of “evidence.png”' });
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download evidence.png' }).click()]);
    expect(download.suggestedFilename()).toBe('evidence.png');
    expect(fs.readFileSync(await download.path()).equals(photo())).toBe(true);

    await page.getByRole('button', { name: /^Back to P2/ }).click();
    await page.getByRole('button', { name: 'All phases' }).click();
    await page.getByRole('button', { name: 'Print the whole checklist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wind-down checklist' }).waitFor();
    await page.getByRole('button', { name: 'Print', exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('row', { name: /^P1-01 / }).innerText()).toContain('Done');
    expect(await page.getByRole('row', { name: /^P2-01 / }).innerText()).toContain('evidence.png');
    await screenshot(page, 'checklist-print');
    await page.emulateMedia({ media: 'screen' });

    const found = await scanStorage(page, [PHOTO_CANARY, NOTE_CANARY, FIRM]);
    expect(found).toEqual([]);
    expect(g.console.join('\n')).not.toContain(NOTE_CANARY);
  });
});
