import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { TEST_ENV } from '../support/app';
import { createTestDatabase } from '../support/database';
import { createUser } from '../support/users';

type App = Awaited<ReturnType<typeof buildApp>>;

/** A built-storefront stand-in with the head markers apps/web/index.html carries. */
const INDEX = `<!doctype html><html><head><meta charset="UTF-8" />
<!--page-head--><title>Default</title><meta name="description" content="default" /><!--/page-head-->
</head><body><div id="root"></div><script type="module" src="/assets/index-abc.js"></script></body></html>`;

/** The value of `<meta property|name="key" content="...">` as a browser would read it. */
function meta(html: string, key: string): string | undefined {
  const m = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
  return m?.[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
const canonical = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
const jsonLd = (html: string) => {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return m ? JSON.parse(m[1]) : undefined;
};

describe('storefront link previews without JavaScript (one-port server)', () => {
  let app: App;
  let dir: string;
  let cleanup: () => Promise<void>;
  let admin: Record<string, string>;
  const PUBLIC_URL = 'https://shop.example.com';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-seo-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.mkdirSync(path.join(dir, '.vite'));
    fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify({
      'index.html': { file: 'assets/index-abc.js', isEntry: true, imports: ['_vendor.js'] },
      '_vendor.js': { file: 'assets/vendor-1.js' },
      '_card.js': { file: 'assets/card-2.js', imports: ['_vendor.js'] },
      'src/features/catalog/components/service-page.tsx': { file: 'assets/service-page-3.js', isDynamicEntry: true, imports: ['index.html', '_card.js'] },
    }));
    const db = await createTestDatabase();
    cleanup = db.cleanup;
    const config = loadConfig({ ...TEST_ENV, PUBLIC_URL });
    config.database = db.config;
    app = await buildApp(config, { dataSource: db.ds, logger: false, serveSpas: true, spas: [{ prefix: '/', root: dir }] });
    await app.ready();
    const user = await createUser({ app, ds: db.ds, config, jwtSecret: config.jwtSecret ?? '' } as never, { role: 'admin' });
    admin = { authorization: `Bearer ${user.token}` };
    const create = async (url: string, payload: object) => {
      const res = await app.inject({ method: 'POST', url: `/api/v1/admin/${url}`, headers: admin, payload });
      expect(res.statusCode).toBe(201);
    };
    await create('services', {
      title: 'Landing page build',
      slug: 'landing-page',
      summary: 'A fast landing page, live in a week.',
      description: 'Design and build.',
      priceEurCents: 49_900,
      active: true,
    });
    await create('services', {
      title: '"><script>alert(1)</script> & </title><img src=x onerror=alert(2)>',
      slug: 'xss-service',
      summary: "</script><script>alert('s')</script>",
      description: 'x',
      priceEurCents: 100,
      active: true,
    });
    await create('services', { title: 'Hidden one', slug: 'hidden-one', priceEurCents: 100, active: false });
    await create('posts', { title: 'Shipping on Pi', slug: 'shipping-on-pi', excerpt: 'What we learned.', body: 'Text', published: true });
    await create('pages', { slug: 'privacy', title: 'Privacy policy', body: 'We keep **little** data.' });
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("puts a service's own title, description, image, canonical and Product/Offer JSON-LD into its HTML", async () => {
    const res = await app.inject({ method: 'GET', url: '/services/landing-page' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toContain('<title>Default</title>');
    expect(html).toMatch(/<title>Landing page build · [^<]+<\/title>/);
    expect(meta(html, 'og:title')).toMatch(/^Landing page build/);
    expect(meta(html, 'og:description')).toBe('A fast landing page, live in a week.');
    expect(meta(html, 'description')).toBe('A fast landing page, live in a week.');
    expect(meta(html, 'og:url')).toBe(`${PUBLIC_URL}/services/landing-page`);
    expect(meta(html, 'og:type')).toBe('product');
    expect(meta(html, 'og:image')).toMatch(new RegExp(`^${PUBLIC_URL}/.+\\.(png|webp|jpg)$`));
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:title')).toMatch(/^Landing page build/);
    expect(canonical(html)).toBe(`${PUBLIC_URL}/services/landing-page`);
    const ld = jsonLd(html);
    expect(ld['@type']).toBe('Product');
    expect(ld.name).toBe('Landing page build');
    expect(ld.offers).toMatchObject({ '@type': 'Offer', price: '499.00', priceCurrency: 'EUR', url: `${PUBLIC_URL}/services/landing-page` });
  });

  it("preloads the page's own chunks (not the shell's) and never serves the build manifest", async () => {
    const html = (await app.inject({ method: 'GET', url: '/services/landing-page' })).body;
    const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(preloads).toEqual(['/assets/card-2.js', '/assets/service-page-3.js']);
    expect((await app.inject({ method: 'GET', url: '/blog' })).body).not.toContain('modulepreload');
    expect((await app.inject({ method: 'GET', url: '/.vite/manifest.json' })).statusCode).toBe(404);
  });

  it('answers an unknown service slug, an inactive service and an unknown path with 404 and the SPA HTML', async () => {
    for (const url of ['/services/no-such-service', '/services/hidden-one', '/blog/nope', '/no/such/page']) {
      const res = await app.inject({ method: 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.body).toMatch(/<title>Page not found/);
      expect(meta(res.body, 'robots')).toBe('noindex');
      expect(canonical(res.body)).toBeUndefined();
    }
  });

  it('escapes an attacker-controlled title and summary everywhere it is injected', async () => {
    const res = await app.inject({ method: 'GET', url: '/services/xss-service' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // Only the page's own scripts: the module script and the JSON-LD block.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</title><img');
    expect(meta(html, 'og:title')).toMatch(/^"><script>alert\(1\)<\/script> & <\/title><img src=x onerror=alert\(2\)>/);
    expect(meta(html, 'og:description')).toBe("</script><script>alert('s')</script>");
    // The JSON-LD still parses to the exact title.
    expect(jsonLd(html).name).toBe('"><script>alert(1)</script> & </title><img src=x onerror=alert(2)>');
  });

  it('gives posts BlogPosting JSON-LD and legal pages their own title', async () => {
    const post = await app.inject({ method: 'GET', url: '/blog/shipping-on-pi' });
    expect(post.statusCode).toBe(200);
    expect(meta(post.body, 'og:type')).toBe('article');
    expect(meta(post.body, 'og:description')).toBe('What we learned.');
    expect(jsonLd(post.body)).toMatchObject({ '@type': 'BlogPosting', headline: 'Shipping on Pi' });
    const privacy = await app.inject({ method: 'GET', url: '/privacy' });
    expect(privacy.statusCode).toBe(200);
    expect(privacy.body).toMatch(/<title>Privacy policy · /);
    expect(meta(privacy.body, 'description')).toBe('We keep little data.');
    const terms = await app.inject({ method: 'GET', url: '/terms' });
    expect(terms.statusCode).toBe(404);
  });

  it.each([
    ['/', /^Pi Services Studio/],
    ['/services', /^Services · /],
    ['/projects', /^Projects · /],
    ['/blog', /^Blog · /],
  ])('lists have their own head: %s', async (url, title) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(meta(res.body, 'og:title')).toMatch(title);
    expect(canonical(res.body)).toBe(`${PUBLIC_URL}${url === '/' ? '/' : url}`);
  });

  it('keeps signed-in pages out of search but answers them (the server cannot see the session)', async () => {
    const res = await app.inject({ method: 'GET', url: '/orders/PS-123' });
    expect(res.statusCode).toBe(200);
    expect(meta(res.body, 'robots')).toBe('noindex');
  });

  it('serves sitemap.xml with the public pages and robots.txt pointing at it', async () => {
    const sitemap = await app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.headers['content-type']).toContain('application/xml');
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(expect.arrayContaining([
      `${PUBLIC_URL}/`, `${PUBLIC_URL}/services`, `${PUBLIC_URL}/services/landing-page`,
      `${PUBLIC_URL}/blog/shipping-on-pi`, `${PUBLIC_URL}/privacy`,
    ]));
    expect(locs).not.toContain(`${PUBLIC_URL}/services/hidden-one`);
    const robots = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect(robots.statusCode).toBe(200);
    expect(robots.body).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
    expect(robots.body).toContain('Disallow: /admin/');
  });
});
