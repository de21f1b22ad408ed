import { PiSandboxClient } from '@pishop/pi-sandbox';
import type { Page } from 'playwright-core';
import { useServerAndBrowser, type E2eSession } from './support/session';

async function signUp(s: E2eSession, page: Page, name: string) {
  await page.goto(`${s.server.url}/register`);
  await page.getByLabel('email').fill(`${name}@example.com`);
  await page.getByLabel('username').fill(name);
  await page.getByLabel('password').fill(`${name} has a long password`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Your orders' }).waitFor();
}

/** Opens the first service and starts paying; the sandbox wallet dialog opens. */
async function startPaying(s: E2eSession, page: Page) {
  await page.goto(`${s.server.url}/services`);
  await page.locator('.card-title a').first().click();
  await page.getByRole('button', { name: 'Pay with Pi' }).click();
  const wallet = page.getByRole('dialog', { name: 'Pi Sandbox wallet' });
  await wallet.waitFor();
  return wallet;
}

/** The storefront pays an order again after a cancelled payment, and cancels an unpaid order. */
describe('a pending order after a cancelled payment', () => {
  const s = useServerAndBrowser();

  it('pays the same order again with "Pay now" after the payment was cancelled in the wallet', async () => {
    const page = s.page;
    await signUp(s, page, 'rosa');
    const wallet = await startPaying(s, page);
    await wallet.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').getByText('The payment was cancelled').waitFor({ timeout: 30000 });

    await page.getByRole('link', { name: /^Order / }).click();
    await page.getByRole('heading', { name: /^Order / }).locator('.badge', { hasText: 'pending' }).waitFor();
    const actions = page.getByRole('region', { name: 'Pay or cancel this order' });
    await actions.getByRole('button', { name: 'Pay now' }).click();
    const walletAgain = page.getByRole('dialog', { name: 'Pi Sandbox wallet' });
    await walletAgain.waitFor();
    await walletAgain.getByRole('button', { name: 'Confirm payment' }).click();

    // The same order turns paid (its pay box goes away); its first payment failed and the second one is confirmed.
    await page.getByRole('heading', { name: /^Order / }).locator('.badge', { hasText: 'paid' }).waitFor({ timeout: 30000 });
    const payments = page.getByTestId('payment');
    await payments.filter({ hasText: 'confirmed' }).waitFor();
    expect(await payments.count()).toBe(2);
    expect(await payments.filter({ hasText: 'failed' }).count()).toBe(1);
    await expect(actions.count()).resolves.toBe(0);

    // No second order was made.
    await page.goto(`${s.server.url}/orders`);
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.getByTestId('order').first().waitFor();
    expect(await page.getByTestId('order').count()).toBe(1);
  });

  it('cancels an unpaid order, which then offers no payment', async () => {
    const page = s.page;
    await signUp(s, page, 'lena');
    const wallet = await startPaying(s, page);
    await wallet.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').getByText('The payment was cancelled').waitFor({ timeout: 30000 });
    await page.getByRole('link', { name: /^Order / }).click();

    const actions = page.getByRole('region', { name: 'Pay or cancel this order' });
    await actions.getByRole('button', { name: 'Cancel order' }).click();
    await actions.getByRole('button', { name: 'Yes, cancel order' }).click();
    await page.getByRole('heading', { name: /^Order / }).locator('.badge', { hasText: 'cancelled' }).waitFor();
    await actions.waitFor({ state: 'detached' });
  });

  it('outside Pi Browser (the SDK never answers) says how to go on', async () => {
    const sandbox = new PiSandboxClient(`${s.server.url}/pi-sandbox`);
    await sandbox.setFaults({ hangAuthenticate: true });
    try {
      const page = s.page;
      await signUp(s, page, 'otto');
      await page.goto(`${s.server.url}/services`);
      await page.locator('.card-title a').first().click();
      await page.getByRole('button', { name: 'Pay with Pi' }).click();
      await page.getByRole('alert').getByText('The local Pi sandbox did not answer').waitFor({ timeout: 30000 });
      await page.getByRole('alert').getByText(/Pi did not answer/).waitFor();
    } finally {
      await sandbox.resetFaults();
    }
  });
});
