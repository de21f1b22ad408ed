import type { Browser, Page } from 'playwright-core';
import { createAdmin } from './support/admin';
import { customerPays } from './support/customer';
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

  it('shows a paid order, its payment with the audit trail, and answers the customer in the order thread', async () => {
    const paid = await customerPays(server, 'api-development');
    await page.goto(`${server.url}/admin/#/orders`);
    await page.getByText(paid.orderNumber).click();
    await page.getByText('paid', { exact: true }).first().waitFor();
    await page.getByText(paid.txid).click();
    await page.getByText('Audit trail').waitFor();
    await page.getByText('complete', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Sync from Pi' }).click();
    await page.getByText('Sync from Pi: done').waitFor();

    await page.goto(`${server.url}/admin/#/threads`);
    await page.getByText(paid.orderNumber).click();
    await page.getByText(/^Payment received: /).waitFor();
    await page.getByLabel('Message').fill('Thanks! We start on Monday.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Answer sent').waitFor();

    const threads = await fetch(`${server.url}/api/v1/inbox/threads`, { headers: { Authorization: `Bearer ${paid.accessToken}` } });
    const [thread] = ((await threads.json()) as { items: { id: number }[] }).items;
    const read = await fetch(`${server.url}/api/v1/inbox/threads/${thread.id}`, { headers: { Authorization: `Bearer ${paid.accessToken}` } });
    const bodies = ((await read.json()) as { messages: { kind: string; body: string }[] }).messages.map((m) => `${m.kind}: ${m.body}`);
    expect(bodies).toContain('admin: Thanks! We start on Monday.');
  });
});
