import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';

/** A page on another site that shows the shop in an iframe, as Pi Browser does. */
async function framingPage(appUrl: () => string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>framing page</title><iframe id="app" src="${appUrl()}/" style="width:100%;height:600px"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The shop's frame once it has loaded the storefront (fails loudly when it never does). */
async function shopFrame(page: Page, appOrigin: string): Promise<Frame> {
  const frame = await (await page.waitForSelector('#app')).contentFrame();
  if (!frame) throw new Error('no iframe content');
  await frame.waitForLoadState('load');
  if (!frame.url().startsWith(appOrigin)) throw new Error(`the frame shows ${frame.url()}, not the shop`);
  return frame;
}

/** A request from inside the frame, as the storefront makes it (same-origin fetch, JSON). */
function call(frame: Frame, path: string, body: unknown) {
  return frame.evaluate(
    async ([p, b]) => {
      const res = await fetch(p as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    [path, body] as const,
  );
}

/**
 * Pi Browser shows the app inside a frame of Pi's own site. The framing page here is on
 * 127.0.0.1 and the shop on localhost: different sites, as Pi's host and the shop are.
 */
describe.each([
  ['over https: SameSite=None; Secure; Partitioned keeps the session across a reload', 'https://shop.example.com', 200],
  ['over plain http: SameSite=Strict, so a cross-site frame loses it (why https is needed)', undefined, 401],
])('the shop inside a cross-site frame, %s', (_name, publicUrl, statusAfterReload) => {
  let server: RunningServer;
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof framingPage>>;
  let foreign: Awaited<ReturnType<typeof framingPage>>;
  const appOrigin = () => server.url.replace('127.0.0.1', 'localhost');

  beforeAll(async () => {
    allowed = await framingPage(appOrigin);
    foreign = await framingPage(appOrigin);
    // Chromium counts http://localhost as a secure context, so a Secure cookie works there.
    server = await startServer({ PI_FRAME_ANCESTORS: allowed.origin, ...(publicUrl && { PUBLIC_URL: publicUrl }) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await allowed?.close();
    await foreign?.close();
  });

  it('signs in inside the frame, then reloads the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${allowed.origin}/`);
    const frame = await shopFrame(page, appOrigin());
    const tag = Math.random().toString(36).slice(2, 8);
    const registered = await call(frame, '/api/v1/auth/register', { email: `framed${tag}@example.com`, username: `framed_${tag}`, password: 'a-long-password' });
    expect(registered.status).toBe(201);

    await page.reload();
    const again = await shopFrame(page, appOrigin());
    const refreshed = await call(again, '/api/v1/auth/refresh', {});
    expect(refreshed.status).toBe(statusAfterReload);
    if (statusAfterReload === 200) expect(refreshed.body.user.username).toBe(`framed_${tag}`);
    await page.close();
  });

  it('cannot be framed by a site that is not in PI_FRAME_ANCESTORS', async () => {
    const page = await browser.newPage();
    await page.goto(`${foreign.origin}/`);
    await expect(shopFrame(page, appOrigin())).rejects.toThrow(/not the shop/);
    await page.close();
  });
});
