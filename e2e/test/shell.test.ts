import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

describe('one-port server in a real browser', () => {
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

  it('shows the storefront at / and answers deep links with it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: /software services, paid in π/i }).waitFor();
    await page.goto(`${server.url}/services/anything`);
    await page.getByRole('link', { name: 'Pi Services Studio' }).waitFor();
    await page.close();
  });

  it('shows the back office sign-in at /admin', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel(/username/i).waitFor();
    await page.getByLabel(/password/i).first().waitFor();
    await page.close();
  });

  it('serves the API docs page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('Pi Services Studio API').first().waitFor();
    await page.close();
  });
});
