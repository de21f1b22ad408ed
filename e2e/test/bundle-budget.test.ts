import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { useServerAndBrowser } from './support/session';

/** The budget: the JavaScript a first visit downloads, gzip-compressed. */
const FIRST_ROUTE_GZIP_BUDGET = 150 * 1024;
const WEB_DIST = path.resolve(__dirname, '../../apps/web/dist');

interface Sizes {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** The scripts a fresh visit to `url` loads, measured from the built files. */
async function firstRouteScripts(page: Page, url: string, ready: () => Promise<unknown>): Promise<Sizes> {
  const scripts = new Set<string>();
  const onResponse = (res: { url(): string; request(): { resourceType(): string } }) => {
    if (res.request().resourceType() === 'script') scripts.add(new URL(res.url()).pathname);
  };
  page.on('response', onResponse);
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const files = [...scripts].filter((p) => p.startsWith('/assets/')).sort();
  const sizes: Sizes = { files, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const body = fs.readFileSync(path.join(WEB_DIST, file));
    sizes.raw += body.length;
    sizes.gzip += zlib.gzipSync(body, { level: 9 }).length;
    sizes.brotli += zlib.brotliCompressSync(body).length;
  }
  return sizes;
}

/** A GET that keeps the body as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('storefront bundle budget and static delivery (built one-port server)', () => {
  const s = useServerAndBrowser();

  it.each([
    ['home', '/', /software services, paid in π/i],
    ['service page', '/services/landing-page', /landing page/i],
  ])('the first route (%s) loads at most 150 KB of gzip JavaScript', async (name, url, heading) => {
    const page = await s.browser.newPage();
    const sizes = await firstRouteScripts(page, `${s.server.url}${url}`, () =>
      page.getByRole('heading', { level: 1, name: heading }).first().waitFor({ timeout: 30000 }),
    );
    await page.close();
    console.log(
      `first route ${name} (${url}): ${sizes.files.length} scripts, ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli\n  ${sizes.files.join('\n  ')}`,
    );
    expect(sizes.files.length).toBeGreaterThan(1);
    expect(sizes.gzip).toBeLessThanOrEqual(FIRST_ROUTE_GZIP_BUDGET);
  });

  it('splits routes: the sign-in page is not part of the first visit', async () => {
    const page = await s.browser.newPage();
    const home = await firstRouteScripts(page, `${s.server.url}/`, () => page.getByRole('heading', { level: 1 }).first().waitFor());
    await page.close();
    expect(home.files.some((f) => /login-page/.test(f))).toBe(false);
    expect(fs.readdirSync(path.join(WEB_DIST, 'assets')).some((f) => /^login-page-.*\.js$/.test(f))).toBe(true);
  });

  it('sends precompressed assets by Accept-Encoding, cached for a year, and no source maps', async () => {
    const js = fs.readdirSync(path.join(WEB_DIST, 'assets')).find((f) => /^index-.*\.js$/.test(f));
    expect(js).toBeDefined();
    const url = `${s.server.url}/assets/${js}`;
    const plain = fs.readFileSync(path.join(WEB_DIST, 'assets', js!));
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      const res = await rawGet(url, { 'accept-encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toContain('javascript');
      expect(res.body.length).toBeLessThan(plain.length / 2);
      expect(decode(res.body).equals(plain)).toBe(true);
    }
    const identity = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
    const maps = fs.readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.map'));
    expect(maps).toEqual([]);
    expect((await fetch(`${url}.map`)).status).toBe(404);
  });
});
