import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { createAdmin } from './support/admin';
import { launchBrowser } from './support/browser';
import { customerPays } from './support/customer';
import { startServer, type RunningServer } from './support/server';

const SHOTS = path.resolve(__dirname, '../screenshots');
const ADMIN = { email: 'seller@example.com', password: 'seller-password-123' };

/** Real media made by FFmpeg: a small PNG and a 3 s H.264 clip. */
function makeMedia(dir: string) {
  const image = path.join(dir, 'cover.png');
  const video = path.join(dir, 'clip.mp4');
  const ff = (args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  ff(['-f', 'lavfi', '-i', 'color=c=0x3366cc:s=320x200', '-frames:v', '1', image]);
  ff(['-f', 'lavfi', '-i', 'testsrc=duration=3:size=320x180:rate=24', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', video]);
  return { image, video };
}

async function signIn(page: Page, server: RunningServer) {
  await page.goto(`${server.url}/admin/`);
  await page.getByLabel(/username/i).fill(ADMIN.email);
  await page.getByLabel(/password/i).first().fill(ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

/**
 * Holds the next upload until the test has seen the progress bar, then lets it through:
 * "progress shown" without depending on how fast this machine uploads.
 */
async function holdUpload(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/api/v1/admin/uploads', async (route: Route) => {
    await gate;
    await route.continue();
  }, { times: 1 });
  return { release };
}

describe('back office: a seller runs an empty shop', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ DEMO_DATA: 'false' });
    createAdmin(server, ADMIN.email, ADMIN.password);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-e2e-media-'));
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates a service with uploaded media and inline features, activates it, and answers a paying customer', async () => {
    const media = makeMedia(dir);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, server);
      // Lands on the dashboard.
      await page.getByText('Payments needing attention').waitFor();
      await page.getByRole('table', { name: 'Latest orders' }).getByText('No orders yet.').waitFor();

      // A new service: image and video uploaded from the form.
      await page.goto(`${server.url}/admin/#/services/create`);
      await page.getByLabel('Title').fill('Logo design');
      await page.getByLabel('Price (EUR)').fill('49');
      const imageHold = await holdUpload(page);
      await page.getByLabel('Image file').setInputFiles(media.image);
      await page.getByRole('progressbar', { name: 'Uploading Image' }).waitFor();
      imageHold.release();
      await page.getByTestId('media-status-imageMediaId').getByText(/ready/).waitFor();

      const videoHold = await holdUpload(page);
      await page.getByLabel('Preview video file').setInputFiles(media.video);
      await page.getByRole('progressbar', { name: 'Uploading Preview video' }).waitFor();
      videoHold.release();
      await page.getByTestId('media-status-previewMediaId').getByText(/processing|ready/).waitFor();

      // Two features and an FAQ, inline; then the second feature moves up.
      const features = page.locator('.ra-input-features');
      await features.getByRole('button', { name: 'Add' }).click();
      await page.locator('[name="features.0.title"]').fill('Three drafts');
      await features.getByRole('button', { name: 'Add' }).click();
      await page.locator('[name="features.1.title"]').fill('Source files');
      await page.locator('.ra-input-faqs').getByRole('button', { name: 'Add' }).click();
      await page.locator('[name="faqs.0.question"]').fill('How long does it take?');
      await page.locator('[name="faqs.0.answer"]').fill('About a week.');
      // The iterator shows its row buttons on hover.
      const second = features.locator('.RaSimpleFormIterator-line').nth(1);
      await second.hover();
      await second.getByRole('button', { name: 'Move up' }).click();
      expect(await page.locator('[name="features.0.title"]').inputValue()).toBe('Source files');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Element created').waitFor();

      // The video finishes processing while the page is open: no reload.
      await page.getByTestId('media-status-previewMediaId').getByText(/ready/).waitFor({ timeout: 120_000 });

      // Bulk-activate with react-admin's stock bulk update button.
      await page.goto(`${server.url}/admin/#/services`);
      const row = page.locator('tbody tr', { hasText: 'Logo design' });
      await row.locator('input[type="checkbox"]').check();
      await page.getByRole('button', { name: 'Activate', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await page.getByText(/Element updated|1 element updated/).waitFor();
      const pub = await (await fetch(`${server.url}/api/v1/services/logo-design`)).json() as {
        features: { title: string }[]; faqs: { question: string }[]; imageUrl: string | null; previewUrl: string | null;
      };
      expect(pub.features.map((f) => f.title)).toEqual(['Source files', 'Three drafts']);
      expect(pub.faqs.map((f) => f.question)).toEqual(['How long does it take?']);
      expect(pub.imageUrl).toMatch(/^\/media\//);
      expect(pub.previewUrl).toMatch(/_s\.mp4$/);

      // A customer pays; the seller finds the order from the dashboard and answers from the payment's audit trail.
      const paid = await customerPays(server, 'logo-design');
      await page.goto(`${server.url}/admin/#/`);
      await page.getByRole('table', { name: 'Latest orders' }).getByRole('link', { name: paid.orderNumber }).click();
      await page.getByText('paid', { exact: true }).first().waitFor();
      await page.getByText(paid.txid).click();
      await page.getByText('Audit trail').waitFor();
      await page.getByText('complete', { exact: true }).first().waitFor();
      await page.getByRole('link', { name: 'Answer the customer' }).click();
      await page.getByText(/^Payment received: /).waitFor();
      await page.getByLabel('Message').fill('Thanks! We start on Monday.');
      await page.getByRole('button', { name: 'Send answer' }).click();
      await page.getByText('Answer sent').waitFor();

      const threads = await fetch(`${server.url}/api/v1/inbox/threads`, { headers: { Authorization: `Bearer ${paid.accessToken}` } });
      const [thread] = ((await threads.json()) as { items: { id: number }[] }).items;
      const read = await fetch(`${server.url}/api/v1/inbox/threads/${thread.id}`, { headers: { Authorization: `Bearer ${paid.accessToken}` } });
      const bodies = ((await read.json()) as { messages: { kind: string; body: string }[] }).messages.map((m) => `${m.kind}: ${m.body}`);
      expect(bodies).toContain('admin: Thanks! We start on Monday.');
    } finally {
      await browser.close();
    }
  });
});

describe('back office: screenshots of every screen at desktop and phone widths', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
    createAdmin(server, ADMIN.email, ADMIN.password);
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => server?.stop());

  const screens = ['', 'orders', 'payments', 'refunds', 'payment-events', 'threads', 'services', 'services/create', 'posts', 'projects', 'pages', 'media', 'users', 'login-lockouts'];

  it.each([[1280, 900], [390, 844]])('at %i px', async (width, height) => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width, height } });
      await signIn(page, server);
      await page.getByText('Payments needing attention').waitFor();
      for (const screen of screens) {
        await page.goto(`${server.url}/admin/#/${screen}`);
        await page.locator('.RaLayout-content, #main-content').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(SHOTS, `${screen.replace('/', '-') || 'dashboard'}-${width}.png`), fullPage: true });
      }
    } finally {
      await browser.close();
    }
  });

  it('shows a customer the sign-in page with a clear message, never the console', async () => {
    const res = await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'shopper@example.com', username: 'shopper', password: 'shopper-password-123' }),
    });
    expect(res.status).toBe(201);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel(/username/i).fill('shopper@example.com');
      await page.getByLabel(/password/i).first().fill('shopper-password-123');
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.getByText(/not an administrator/).waitFor();
      expect(await page.getByText('Payments needing attention').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
