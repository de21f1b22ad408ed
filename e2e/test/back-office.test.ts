import type { Browser, Page } from 'playwright-core';
import { createAdmin } from './support/admin';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

describe('back office', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    createAdmin(server, 'owner@example.com', 'owner-password-123');
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong password with the server message', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel(/username/i).fill('owner@example.com');
    await page.getByLabel(/password/i).first().fill('wrong-password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByText(/invalid|incorrect|wrong/i).first().waitFor();
  });

  it('signs the seller in and lists the demo services from the API', async () => {
    await page.getByLabel(/password/i).first().fill('owner-password-123');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('menuitem', { name: /services/i }).first().click();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
  });

  it('deactivates a service in bulk so the storefront no longer offers it', async () => {
    const offered = async () => {
      const res = await fetch(`${server.url}/api/v1/services?pageSize=100`);
      return ((await res.json()) as { items: { title: string }[] }).items.map((s) => s.title);
    };
    const firstRow = page.locator('tbody tr').first();
    const title = (await firstRow.locator('td.column-title').textContent())!.trim();
    expect(await offered()).toContain(title);
    await firstRow.locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Deactivate: 1 done').waitFor();
    expect(await offered()).not.toContain(title);
  });
});
