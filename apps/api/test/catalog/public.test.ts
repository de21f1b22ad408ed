import { buildTestApp, type TestApp } from '../support/app';
import { catalogSeeder, DEMO_SERVICES } from '../../src/modules/catalog/catalog.seed';
import { callers, type Callers } from './helpers';

describe('catalog: public reads', () => {
  let t: TestApp;
  let who: Callers;
  beforeAll(async () => {
    t = await buildTestApp();
    await catalogSeeder.run(t.ds, t.config);
    who = await callers(t);
  });
  afterAll(() => t.close());

  const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

  it('lists active services in the seller\'s order with EUR and π prices', async () => {
    const res = await get('/api/v1/services');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: DEMO_SERVICES.length, page: 1, pageSize: 20 });
    expect(body.items.map((s: { slug: string }) => s.slug)).toEqual(DEMO_SERVICES.map((s) => s.slug));
    const landing = body.items[0];
    expect(landing).toEqual({
      id: expect.any(Number),
      slug: 'landing-page',
      title: 'Landing Page',
      summary: expect.any(String),
      featured: true,
      priceEurCents: 49000,
      pricePi: '1633.3333334',
      imageUrl: null,
      previewUrl: null,
    });
  });

  it('filters by featured and searches text (wildcards are literal)', async () => {
    const featured = (await get('/api/v1/services?featured=true')).json();
    expect(featured.items.map((s: { slug: string }) => s.slug)).toEqual(['landing-page', 'pi-app-integration', 'performance-security-audit']);
    expect(featured.total).toBe(3);
    const notFeatured = (await get('/api/v1/services?featured=false')).json();
    expect(notFeatured.total).toBe(3);

    const audit = (await get('/api/v1/services?q=AUDIT')).json();
    expect(audit.items.map((s: { slug: string }) => s.slug)).toEqual(['performance-security-audit']);
    expect((await get('/api/v1/services?q=%25')).json().total).toBe(0);
    expect((await get('/api/v1/services?q=_')).json().total).toBe(0);
  });

  it('sorts by price both ways and by title', async () => {
    const prices = (sort: string) => get(`/api/v1/services?sort=${sort}`).then((r) => r.json().items.map((s: { priceEurCents: number }) => s.priceEurCents));
    const asc = await prices('price');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(await prices('-price')).toEqual([...asc].reverse());
    const titles = (await get('/api/v1/services?sort=title')).json().items.map((s: { title: string }) => s.title);
    expect(titles).toEqual([...titles].sort());
  });

  it.each([
    ['page=0'], ['page=-1'], ['pageSize=0'], ['pageSize=abc'], ['page=1.5'], ['sort=cheapest'], ['featured=maybe'],
  ])('refuses ?%s with 400 naming the parameter', async (query) => {
    const res = await get(`/api/v1/services?${query}`);
    expect(res.statusCode).toBe(400);
    const field = query.split('=')[0];
    expect(res.json().errors).toHaveProperty(field);
  });

  it('shows one service by slug with features, FAQs (in order) and rendered description', async () => {
    const res = await get('/api/v1/services/pi-app-integration');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const demo = DEMO_SERVICES.find((d) => d.slug === 'pi-app-integration')!;
    expect(s.priceEurCents).toBe(120000);
    expect(s.pricePi).toBe('4000.0000000');
    expect(s.features.map((f: { title: string }) => f.title)).toEqual(demo.features.map(([title]) => title));
    expect(s.faqs.map((f: { question: string }) => f.question)).toEqual(demo.faqs.map(([q]) => q));
    expect(s.descriptionHtml).toContain('<h2>Scope</h2>');
    expect(s.descriptionHtml).toContain('<code>Pi.authenticate</code>');
    expect(s).not.toHaveProperty('description');
    expect(s).not.toHaveProperty('active');
  });

  it('answers 404 for an unknown slug', async () => {
    const res = await get('/api/v1/services/no-such-service');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('SERVICE_NOT_FOUND');
  });

  it('prices 10.00 EUR at 0.30 EUR/π as exactly 33.3333334 π in lists and details', async () => {
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/admin/services', headers: who.admin,
      payload: { title: 'Ten euro check', priceEurCents: 1000, summary: 'x', description: 'y' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().pricePi).toBe('33.3333334');
    expect((await get(`/api/v1/services/${created.json().slug}`)).json()).toMatchObject({ priceEurCents: 1000, pricePi: '33.3333334' });
    const listed = (await get('/api/v1/services?q=Ten%20euro')).json().items[0];
    expect(listed).toMatchObject({ priceEurCents: 1000, pricePi: '33.3333334' });
  });

  it('hides inactive services from the public (404, not listed) but not from admins', async () => {
    const created = (await t.app.inject({
      method: 'POST', url: '/api/v1/admin/services', headers: who.admin,
      payload: { title: 'Secret service', priceEurCents: 5000, active: false },
    })).json();
    expect(created.active).toBe(false);

    const pub = await get(`/api/v1/services/${created.slug}`);
    expect(pub.statusCode).toBe(404);
    expect((await get('/api/v1/services?q=Secret')).json()).toMatchObject({ total: 0, items: [] });

    const admin = await t.app.inject({ method: 'GET', url: `/api/v1/admin/services/${created.id}`, headers: who.admin });
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toMatchObject({ slug: created.slug, active: false });
    const adminList = await t.app.inject({ method: 'GET', url: `/api/v1/admin/services?filter=${encodeURIComponent('{"active":false}')}`, headers: who.admin });
    expect(adminList.json().map((s: { id: number }) => s.id)).toContain(created.id);

    // Activating it makes it public.
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/admin/services/${created.id}`, headers: who.admin, payload: { ...created, active: true } });
    expect(put.statusCode).toBe(200);
    expect((await get(`/api/v1/services/${created.slug}`)).statusCode).toBe(200);
  });

  describe('HTTP caching', () => {
    it('sends a weak ETag and Cache-Control, and 304 when unchanged', async () => {
      const first = await get('/api/v1/services');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=60');

      const again = await get('/api/v1/services', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);

      const detail = await get('/api/v1/services/landing-page');
      const cached = await get('/api/v1/services/landing-page', { 'if-none-match': `"other", ${detail.headers.etag}` });
      expect(cached.statusCode).toBe(304);
    });

    it('answers 200 with a new ETag once the data changed', async () => {
      const before = await get('/api/v1/services/landing-page');
      const id = before.json().id;
      const record = (await t.app.inject({ method: 'GET', url: `/api/v1/admin/services/${id}`, headers: who.admin })).json();
      await t.app.inject({ method: 'PUT', url: `/api/v1/admin/services/${id}`, headers: who.admin, payload: { ...record, summary: 'A new summary' } });
      const after = await get('/api/v1/services/landing-page', { 'if-none-match': before.headers.etag as string });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.json().summary).toBe('A new summary');
    });

    it('does not cache errors', async () => {
      const res = await get('/api/v1/services/nope');
      expect(res.statusCode).toBe(404);
      expect(res.headers.etag).toBeUndefined();
      expect(res.headers['cache-control']).not.toBe('public, max-age=60');
    });
  });
});
