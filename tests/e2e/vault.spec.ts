import { describe, expect, it } from 'vitest';
import { browserSuite, scanStorage, screenshot } from './harness.ts';
import { addRecord, createVault, lock, PASS, unlock } from './flows.ts';

// Every request of every journey stays on the app's origin (checked after each test).
const suite = browserSuite();

const CANARY = { customerNo: 'KH900001', name: '司马金丝雀', idNumber: '110101198402248759', phone: '13912345678' };

describe('vault journeys in Chromium', () => {
  it('create → add record → reload → unlock → record shown → lock → no record text left', async () => {
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Project Alder');
    await addRecord(page, CANARY);
    await screenshot(page, 'records-1280');
    await page.reload();
    await page.getByRole('heading', { name: 'Vaults' }).waitFor();
    await unlock(page, 'Project Alder');
    await page.getByText(CANARY.name).waitFor();
    expect(await page.getByText('KH900001').count()).toBeGreaterThan(0);
    await lock(page);
    const html = await page.content();
    for (const s of [CANARY.name, CANARY.customerNo, '8759', CANARY.phone]) expect(html).not.toContain(s);
    expect(g.console.join('\n')).not.toContain(CANARY.name);
  });

  it('says "Passphrase incorrect." for a wrong passphrase and stays locked', async () => {
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Project Birch');
    await lock(page);
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 30_000 }).toContain('Passphrase incorrect.');
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).count()).toBe(0);
  });

  it('unlocks with the recovery key, and names a mistyped group first', async () => {
    const g = await suite.open();
    const { page } = g;
    const key = await createVault(page, 'Project Cedar');
    await addRecord(page, { customerNo: 'KH000123', name: '王小明' });
    await lock(page);
    await page.getByRole('button', { name: 'Use recovery key' }).click();
    const groups = key.split('-');
    groups[1] = groups[1]!.slice(0, 4) + (groups[1]!.endsWith('A') ? 'B' : 'A');
    await page.getByLabel('Recovery key').fill(groups.join('-'));
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Group 2 of the recovery key is mistyped.');
    await page.getByLabel('Recovery key').fill(key);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('王小明').waitFor({ timeout: 30_000 });
  });

  it('a second operator unlocks and the audit log names them', async () => {
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Project Dogwood', 'Li Wei');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('New operator name').fill('Wang Fang');
    await page.getByLabel('New operator passphrase').fill('second operator phrase');
    await page.getByRole('button', { name: 'Add operator' }).click();
    await page.getByText('Wang Fang', { exact: true }).waitFor({ timeout: 30_000 });
    await lock(page);
    await page.getByLabel('Passphrase', { exact: true }).fill('second operator phrase');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByText('Signed in as Wang Fang').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Audit log' }).click();
    const firstRow = page.getByRole('row').nth(1);
    await expect.poll(() => firstRow.innerText()).toContain('Wang Fang');
    await page.getByRole('button', { name: 'Verify audit log' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/Audit log verified: \d+ events, chain intact\./);
  });

  it('locks itself after the idle time', async () => {
    const g = await suite.open({ clock: true });
    const { page } = g;
    await createVault(page, 'Project Elm');
    await addRecord(page, { customerNo: 'KH000777', name: '赵静' });
    await page.clock.runFor('04:30');
    expect(await page.getByText('赵静').count()).toBe(1);
    await page.clock.runFor('00:45');
    await page.getByText('Locked after inactivity.').waitFor();
    expect(await page.content()).not.toContain('赵静');
  });

  it('locks itself after a minute in the background, not before', async () => {
    const g = await suite.open({ clock: true });
    const { page } = g;
    await createVault(page, 'Project Fig');
    await addRecord(page, { customerNo: 'KH000778', name: '孙背景' });
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await page.clock.runFor('00:50');
    await setHidden(false);
    expect(await page.getByText('孙背景').count()).toBe(1);
    await setHidden(true);
    await page.clock.runFor('01:05');
    await setHidden(false);
    await page.getByText('Locked after the app was in the background for over a minute.').waitFor();
    expect(await page.content()).not.toContain('孙背景');
  });

  it('names the customers of a damaged storage block and still opens the rest', async () => {
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Project Hazel');
    await addRecord(page, { customerNo: 'KH000808', name: '钱多多' });
    await lock(page);
    // Flip one byte of the sealed records of the only pack, as disk damage or tampering would.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('closeout');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction('packs', 'readwrite');
      const store = tx.objectStore('packs');
      const rows = await new Promise<{ blob: Uint8Array }[]>((res) => {
        const r = store.getAll();
        r.onsuccess = () => res(r.result);
      });
      const row = rows[0]!;
      row.blob[row.blob.length - 5]! ^= 0x40;
      store.put(row);
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    });
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), { timeout: 30_000 }).toContain('KH000808');
    expect(await page.getByRole('alert').innerText()).toContain('1 storage block(s) failed their integrity check');
    expect(await page.getByText('钱多多').count()).toBe(0);
    await page.getByRole('button', { name: 'Add record' }).waitFor();
  });

  it('leaves no canary plaintext in IndexedDB, Cache Storage, localStorage or sessionStorage', async () => {
    const g = await suite.open();
    const { page } = g;
    await createVault(page, 'Project Fir');
    await addRecord(page, CANARY);
    await addRecord(page, { customerNo: 'KH900002', name: '欧阳灯塔', idNumber: '44010619830612106X', phone: '13800138000' });
    const canaries = [CANARY.name, CANARY.idNumber, CANARY.phone, '欧阳灯塔', '44010619830612106X', PASS, 'Li Wei'];
    expect(await scanStorage(page, canaries)).toEqual([]);
    // The scan itself can see plaintext: a canary put in storage is found, in each encoding.
    await page.evaluate(() => localStorage.setItem('probe', '司马金丝雀'));
    expect((await scanStorage(page, [CANARY.name])).map((f) => f.area)).toEqual(['localStorage']);
    await page.evaluate(async () => {
      const c = await caches.open('probe');
      const utf16 = new Uint8Array(new Uint16Array([...'13912345678'].map((ch) => ch.charCodeAt(0))).buffer);
      await c.put('/probe', new Response(utf16));
    });
    expect((await scanStorage(page, [CANARY.phone])).map((f) => f.area).sort()).toEqual(['CacheStorage']);
  });
});
