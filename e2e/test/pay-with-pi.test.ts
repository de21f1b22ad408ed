import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** A customer's whole journey: sign up, pay with π in the sandbox wallet, see the order paid and the message. */
describe('buying a service with Pi', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs up, pays in the wallet dialog, and finds the order paid with a system message', async () => {
    await page.goto(`${server.url}/register`);
    await page.getByLabel('email').fill('ada@example.com');
    await page.getByLabel('username').fill('ada');
    await page.getByLabel('password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();

    await page.goto(`${server.url}/services`);
    const firstService = page.locator('.card-title a').first();
    const title = (await firstService.textContent())!.trim();
    await firstService.click();
    await page.getByRole('heading', { name: title }).waitFor();
    const pricePi = (await page.getByTestId('price-pi').textContent())!;

    await page.getByRole('button', { name: 'Pay with Pi' }).click();
    const wallet = page.getByRole('dialog', { name: 'Pi Sandbox wallet' });
    await wallet.waitFor();
    await wallet.getByRole('button', { name: 'Confirm payment' }).click();
    await page.getByRole('status').getByText('Payment confirmed').waitFor({ timeout: 30000 });

    await page.getByRole('link', { name: /^Order / }).click();
    await page.locator('.badge', { hasText: 'paid' }).first().waitFor();
    await page.getByText(pricePi.replace('≈ ', '')).first().waitFor();
    const txid = await page.locator('td code').nth(1).textContent();
    expect(txid).toMatch(/^[0-9a-f]{64}$/);

    await page.getByRole('link', { name: 'Receipt' }).click();
    await page.getByRole('heading', { name: /Payment receipt/ }).waitFor();
    await page.getByText(txid!).waitFor();
    await page.getByText('0.30 EUR per π').waitFor();
    await page.goBack();

    await page.getByRole('link', { name: 'Messages about this order' }).click();
    await page.getByText(/^Payment received: .* π for order/).first().waitFor();
  });

  it('lets the customer write to the studio in the order thread', async () => {
    await page.getByLabel('Your message').fill('Hello! When can we start?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Hello! When can we start?').waitFor();
  });
});

describe('profile', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('changes the display name shown in the navigation, and keeps it after a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/register`);
    await page.getByLabel('email').fill('grace@example.com');
    await page.getByLabel('username').fill('grace');
    await page.getByLabel('password').fill('another long password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    await page.getByRole('link', { name: 'grace' }).click();
    await page.getByLabel('Display name').fill('Grace H.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Grace H.' }).waitFor();
  });
});
