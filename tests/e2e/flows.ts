/** Steps of the user journeys, by the roles and labels a person sees (English locale). */
import type { Page } from 'playwright-core';

export const PASS = 'maple river lantern 42';

export interface NewRecord {
  customerNo: string;
  name: string;
  idNumber?: string;
  phone?: string;
}

/** Creates a vault from the vault list; returns the recovery key text. Ends on the records screen. */
export async function createVault(page: Page, label: string, operator = 'Li Wei', pass = PASS): Promise<string> {
  await page.getByRole('button', { name: 'New vault' }).click();
  await page.getByLabel('Vault label').fill(label);
  await page.getByLabel('Operator name').fill(operator);
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByLabel('Repeat passphrase').fill(pass);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('heading', { name: 'Recovery sheet' }).waitFor({ timeout: 60_000 });
  const key = (await page.getByTestId('recovery-key').innerText()).trim();
  await page.getByLabel('I have saved the recovery sheet somewhere safe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Records' }).waitFor();
  return key;
}

export async function addRecord(page: Page, r: NewRecord): Promise<void> {
  await page.getByRole('button', { name: 'Add record' }).click();
  await page.getByRole('heading', { name: 'New record' }).waitFor();
  await page.getByLabel('Customer number').fill(r.customerNo);
  await page.getByLabel('Name', { exact: true }).fill(r.name);
  if (r.idNumber) await page.getByLabel('ID number').fill(r.idNumber);
  if (r.phone) await page.getByLabel('Mobile phone').fill(r.phone);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Records' }).waitFor();
  await page.getByText(r.customerNo).first().waitFor();
}

/** From the vault list, opens the vault called `label` and unlocks it with the passphrase. */
export async function unlock(page: Page, label: string, pass = PASS): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(pass);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
}
