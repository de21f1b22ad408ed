import { buildTestApp, type TestApp } from '../support/app';
import { catalogSeeder } from '../../src/modules/catalog/catalog.seed';
import { contentSeeder, DEMO_PAGES, DEMO_POSTS, DEMO_PROJECTS } from '../../src/modules/content/content.seed';
import { callers, type Callers } from '../catalog/helpers';

const publishedDemo = DEMO_POSTS.filter((p) => p.published).sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!));

describe('content: public reads and /home', () => {
  let t: TestApp;
  let who: Callers;
  beforeAll(async () => {
    t = await buildTestApp();
    await catalogSeeder.run(t.ds, t.config);
    await contentSeeder.run(t.ds, t.config);
    who = await callers(t);
  });
  afterAll(() => t.close());

  const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
  const admin = (method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, payload, headers: who.admin });

  describe('posts', () => {
    it('lists published posts newest first, without drafts', async () => {
      const res = await get('/api/v1/posts');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ total: publishedDemo.length, page: 1, pageSize: 20 });
      expect(body.items.map((p: { slug: string }) => p.slug)).toEqual(publishedDemo.map((p) => p.slug));
      expect(body.items[0]).toEqual({
        id: expect.any(Number), slug: publishedDemo[0].slug, title: publishedDemo[0].title, excerpt: publishedDemo[0].excerpt,
        imageUrl: null, publishedAt: publishedDemo[0].publishedAt,
      });
      const oldest = (await get('/api/v1/posts?sort=oldest&pageSize=1')).json();
      expect(oldest).toMatchObject({ total: publishedDemo.length, pageSize: 1, items: [{ slug: publishedDemo.at(-1)!.slug }] });
    });

    it('shows a published post with its body rendered', async () => {
      const res = await get('/api/v1/posts/accepting-pi-payments-safely');
      expect(res.statusCode).toBe(200);
      expect(res.json().bodyHtml).toContain('<h2>The checklist</h2>');
      expect(res.json().bodyHtml).toContain('<strong>Never take its word for it.</strong>');
    });

    it('answers 404 for a draft and for a post scheduled in the future, which admins still see', async () => {
      const draft = await get('/api/v1/posts/pi-browser-checklist-draft');
      expect(draft.statusCode).toBe(404);
      expect(draft.json().error.code).toBe('POST_NOT_FOUND');

      const future = await admin('POST', '/api/v1/admin/posts', {
        title: 'Coming soon', body: 'Soon.', published: true, publishedAt: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(future.statusCode).toBe(201);
      expect((await get(`/api/v1/posts/${future.json().slug}`)).statusCode).toBe(404);
      expect((await get('/api/v1/posts?q=Coming')).json().total).toBe(0);
      const seen = await t.app.inject({ method: 'GET', url: `/api/v1/admin/posts/${future.json().id}`, headers: who.admin });
      expect(seen.json()).toMatchObject({ slug: 'coming-soon', published: true });

      // Moving the date to the past publishes it.
      await admin('PUT', `/api/v1/admin/posts/${future.json().id}`, { ...seen.json(), publishedAt: '2025-01-01T00:00:00.000Z' });
      expect((await get('/api/v1/posts/coming-soon')).statusCode).toBe(200);
    });

    it('searches posts and caps the page size', async () => {
      expect((await get('/api/v1/posts?q=landing')).json().items.map((p: { slug: string }) => p.slug)).toEqual(['landing-pages-that-convert']);
      expect((await get('/api/v1/posts?pageSize=1000')).json().pageSize).toBe(100);
      expect((await get('/api/v1/posts?sort=random')).statusCode).toBe(400);
    });
  });

  describe('projects and pages', () => {
    it('lists projects in the seller\'s order and shows one by slug', async () => {
      const body = (await get('/api/v1/projects')).json();
      expect(body.total).toBe(DEMO_PROJECTS.length);
      expect(body.items.map((p: { slug: string }) => p.slug)).toEqual(DEMO_PROJECTS.map((p) => p.slug));
      expect(body.items[0]).toMatchObject({ link: 'https://example.com/roastery', imageUrl: null, previewUrl: null, position: 1 });
      expect(body.items[0].descriptionHtml).toMatch(/^<p>/);
      const one = await get(`/api/v1/projects/${DEMO_PROJECTS[1].slug}`);
      expect(one.json()).toMatchObject({ slug: DEMO_PROJECTS[1].slug, link: null });
      expect((await get('/api/v1/projects/nope')).statusCode).toBe(404);
    });

    it.each(DEMO_PAGES.map((p) => p.slug))('serves the %s page', async (slug) => {
      const res = await get(`/api/v1/pages/${slug}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        slug, title: DEMO_PAGES.find((p) => p.slug === slug)!.title, bodyHtml: expect.stringMatching(/^<p>/), updatedAt: expect.any(String),
      });
    });

    it('answers 404 for an unknown page', async () => {
      const res = await get('/api/v1/pages/imprint');
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('PAGE_NOT_FOUND');
    });
  });

  describe('/home', () => {
    it('gathers featured services, the latest projects and posts, and the counters', async () => {
      const res = await get('/api/v1/home');
      expect(res.statusCode).toBe(200);
      const home = res.json();
      expect(home.featuredServices.map((s: { slug: string }) => s.slug)).toEqual(['landing-page', 'pi-app-integration', 'performance-security-audit']);
      expect(home.featuredServices[0]).toMatchObject({ priceEurCents: 49000, pricePi: '1633.3333334' });
      expect(home.latestProjects).toHaveLength(3);
      expect(home.latestPosts.map((p: { slug: string }) => p.slug)).toEqual(
        (await get('/api/v1/posts?pageSize=3')).json().items.map((p: { slug: string }) => p.slug),
      );
      expect(home.counters).toEqual({ services: 6, projects: DEMO_PROJECTS.length, completedOrders: 0 });
    });

    it('counts only active services', async () => {
      const svc = (await get('/api/v1/services/online-shop')).json();
      await admin('POST', '/api/v1/admin/services/bulk', { ids: [svc.id], action: 'deactivate' });
      expect((await get('/api/v1/home')).json().counters.services).toBe(5);
      await admin('POST', '/api/v1/admin/services/bulk', { ids: [svc.id], action: 'activate' });
    });

    it('takes completed orders from a counter another module registers, and 0 if it fails', async () => {
      t.app.homeCounters.register('completedOrders', async () => 42);
      expect((await get('/api/v1/home')).json().counters.completedOrders).toBe(42);
      t.app.homeCounters.register('completedOrders', async () => {
        throw new Error('orders table is gone');
      });
      const res = await get('/api/v1/home');
      expect(res.statusCode).toBe(200);
      expect(res.json().counters.completedOrders).toBe(0);
    });

    it('is cacheable: ETag, Cache-Control and 304', async () => {
      const first = await get('/api/v1/home');
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      const second = await get('/api/v1/home', { 'if-none-match': first.headers.etag as string });
      expect(second.statusCode).toBe(304);
      expect(second.body).toBe('');
      for (const url of ['/api/v1/posts', '/api/v1/projects', '/api/v1/pages/privacy', '/api/v1/posts/why-we-write-tests']) {
        const r = await get(url);
        expect(r.headers.etag).toMatch(/^W\//);
        expect((await get(url, { 'if-none-match': r.headers.etag as string })).statusCode).toBe(304);
      }
    });
  });
});
