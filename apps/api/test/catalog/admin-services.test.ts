import { buildTestApp, type TestApp } from '../support/app';
import { catalogSeeder } from '../../src/modules/catalog/catalog.seed';
import { Service, ServiceFaq, ServiceFeature } from '../../src/modules/catalog/catalog.entity';
import { callers, insertServices, raQuery, snapshot, type Callers } from './helpers';

const BASE = '/api/v1/admin/services';

describe('catalog admin: services (ra-data-simple-rest)', () => {
  let t: TestApp;
  let who: Callers;
  beforeAll(async () => {
    t = await buildTestApp({ CORS_ORIGINS: 'http://admin.example' });
    await catalogSeeder.run(t.ds, t.config); // 6 services
    await insertServices(t.ds, 17); // 23 in all
    who = await callers(t);
  });
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers = who.admin) =>
    t.app.inject({ method, url, payload, headers });

  describe('who may call', () => {
    // Every row has three cells: jest passes `done` to a test whose row is shorter than its parameters.
    const calls: ['GET' | 'POST' | 'PUT' | 'DELETE', string, object | undefined][] = [
      ['GET', BASE, undefined],
      ['GET', `${BASE}/1`, undefined],
      ['POST', BASE, { title: 'Nope', priceEurCents: 100 }],
      ['PUT', `${BASE}/1`, { title: 'Nope', priceEurCents: 100 }],
      ['DELETE', `${BASE}/1`, undefined],
      ['POST', `${BASE}/bulk`, { ids: [1], action: 'deactivate' }],
      ['POST', `${BASE}/reorder`, { ids: [2, 1] }],
    ];

    it.each(calls)('%s %s: 401 without a token, 403 for a customer, nothing changes', async (method, url, payload) => {
      const before = await snapshot(t.ds);
      const anon = await t.app.inject({ method, url, payload });
      expect(anon.statusCode).toBe(401);
      const customer = await inject(method, url, payload, who.customer);
      expect(customer.statusCode).toBe(403);
      expect(customer.json().error.code).toBe('FORBIDDEN');
      expect(await snapshot(t.ds)).toEqual(before);
    });
  });

  describe('getList', () => {
    it('answers Content-Range "services 0-9/23" for the first page', async () => {
      const res = await inject('GET', `${BASE}?${raQuery({ sort: ['id', 'ASC'], range: [0, 9] })}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-range']).toBe('services 0-9/23');
      expect(res.json()).toHaveLength(10);
      expect(res.headers['cache-control']).toBe('private, no-store');
    });

    it('answers the last partial page and an empty page past the end', async () => {
      const last = await inject('GET', `${BASE}?${raQuery({ sort: ['id', 'ASC'], range: [20, 29] })}`);
      expect(last.headers['content-range']).toBe('services 20-22/23');
      expect(last.json()).toHaveLength(3);
      const past = await inject('GET', `${BASE}?${raQuery({ range: [30, 39] })}`);
      expect(past.headers['content-range']).toBe('services */23');
      expect(past.json()).toEqual([]);
    });

    it('sorts by any listed field both ways', async () => {
      const desc = (await inject('GET', `${BASE}?${raQuery({ sort: ['priceEurCents', 'DESC'], range: [0, 24] })}`)).json();
      const prices = desc.map((s: { priceEurCents: number }) => s.priceEurCents);
      expect(prices).toEqual([...prices].sort((a, b) => b - a));
      const titles = (await inject('GET', `${BASE}?${raQuery({ sort: ['title', 'ASC'], range: [0, 24] })}`)).json()
        .map((s: { title: string }) => s.title.toLowerCase());
      expect(titles).toEqual([...titles].sort());
    });

    it('filters by text, status flags, price and creation date, with the filtered total', async () => {
      const q = await inject('GET', `${BASE}?${raQuery({ filter: { q: 'audit' }, range: [0, 9] })}`);
      expect(q.json().map((s: { slug: string }) => s.slug)).toEqual(['performance-security-audit']);
      expect(q.headers['content-range']).toBe('services 0-0/1');

      const featured = await inject('GET', `${BASE}?${raQuery({ filter: { featured: true }, range: [0, 9] })}`);
      expect(featured.headers['content-range']).toBe('services 0-2/3');

      const cheap = await inject('GET', `${BASE}?${raQuery({ filter: { priceEurCents_lte: 1005 }, range: [0, 99] })}`);
      expect(cheap.json().every((s: { priceEurCents: number }) => s.priceEurCents <= 1005)).toBe(true);
      expect(cheap.headers['content-range']).toBe('services 0-5/6'); // bulk services priced 1000..1005

      const future = await inject('GET', `${BASE}?${raQuery({ filter: { createdAt_gte: '2999-01-01' } })}`);
      expect(future.headers['content-range']).toBe('services */0');
      const today = new Date().toISOString().slice(0, 10);
      const upToToday = await inject('GET', `${BASE}?${raQuery({ filter: { createdAt_lte: today }, range: [0, 99] })}`);
      expect(upToToday.headers['content-range']).toBe('services 0-22/23');
    });

    it('answers getMany (filter by ids, no range) with exactly those records', async () => {
      const all = (await inject('GET', `${BASE}?${raQuery({ sort: ['id', 'ASC'], range: [0, 99] })}`)).json();
      const ids = [all[3].id, all[0].id, all[7].id];
      const res = await inject('GET', `${BASE}?${raQuery({ filter: { id: ids } })}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().map((s: { id: number }) => s.id).sort((a: number, b: number) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      expect(res.headers['content-range']).toBe('services 0-2/3');
      const none = await inject('GET', `${BASE}?${raQuery({ filter: { id: [] } })}`);
      expect(none.json()).toEqual([]);
    });

    it.each([
      ['sort', 'sort=%5B%22title%22'],
      ['sort', `sort=${encodeURIComponent('["passwordHash","ASC"]')}`],
      ['sort', `sort=${encodeURIComponent('["title","SIDEWAYS"]')}`],
      ['range', 'range=0-9'],
      ['range', `range=${encodeURIComponent('[9,0]')}`],
      ['range', `range=${encodeURIComponent('[0,"9"]')}`],
      ['filter', 'filter=%7Bq%3A1%7D'],
      ['filter', `filter=${encodeURIComponent('{"unknown":1}')}`],
      ['filter', `filter=${encodeURIComponent('{"active":"sometimes"}')}`],
      ['filter', `filter=${encodeURIComponent('{"id":["x"]}')}`],
      ['filter', `filter=${encodeURIComponent('{"createdAt_gte":"last week"}')}`],
    ])('refuses a malformed %s (%s) with 400 and a message for that parameter', async (param, query) => {
      const before = await snapshot(t.ds);
      const res = await inject('GET', `${BASE}?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().errors[param]).toEqual(expect.any(String));
      expect(await snapshot(t.ds)).toEqual(before);
    });
  });

  describe('create, read, update, delete', () => {
    it('creates with a slug made from the title (accents, duplicates → -2) and answers the record with its id', async () => {
      const first = await inject('POST', BASE, { title: 'Café Crème Design', priceEurCents: 25000, description: '**Bold**' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        id: expect.any(Number), slug: 'cafe-creme-design', active: true, featured: false,
        pricePi: '833.3333334', descriptionHtml: '<p><strong>Bold</strong></p>', imageMediaId: null, imageUrl: null,
      });
      const second = await inject('POST', BASE, { title: 'Cafe Creme  Design!', priceEurCents: 100 });
      expect(second.json().slug).toBe('cafe-creme-design-2');
      // New services go last.
      expect(second.json().position).toBeGreaterThan(first.json().position);
      const read = await inject('GET', `${BASE}/${first.json().id}`);
      expect(read.json()).toEqual(first.json());
    });

    it('refuses a duplicate slug on create with 409 on the slug field, and creates nothing', async () => {
      const before = await t.ds.getRepository(Service).count();
      const res = await inject('POST', BASE, { title: 'Another landing', slug: 'landing-page', priceEurCents: 100 });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('SLUG_TAKEN');
      expect(res.json().errors).toEqual({ slug: 'is already in use' });
      expect(await t.ds.getRepository(Service).count()).toBe(before);
    });

    it('refuses a duplicate slug on update with 409 and keeps the record as it was', async () => {
      const created = (await inject('POST', BASE, { title: 'Rename me', priceEurCents: 100 })).json();
      const res = await inject('PUT', `${BASE}/${created.id}`, { ...created, title: 'Renamed', slug: 'api-development' });
      expect(res.statusCode).toBe(409);
      expect(res.json().errors.slug).toBeDefined();
      expect((await inject('GET', `${BASE}/${created.id}`)).json()).toEqual(created);
    });

    it('turns a unique-key race into the same 409', async () => {
      // Two creates with the same new slug at once: one wins, the other gets 409 (never 500).
      const results = await Promise.all([0, 1].map(() => inject('POST', BASE, { title: 'Race', slug: 'race-slug', priceEurCents: 1 })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    });

    it('updates with the whole record (PUT), ignoring read-only fields', async () => {
      const created = (await inject('POST', BASE, { title: 'Editable', priceEurCents: 1000, featured: true })).json();
      const res = await inject('PUT', `${BASE}/${created.id}`, {
        ...created,
        id: 999999, createdAt: '2000-01-01T00:00:00.000Z', pricePi: '1', descriptionHtml: '<b>x</b>', imageUrl: 'https://evil',
        title: 'Edited', slug: 'edited-service', priceEurCents: 3000, description: '# Hello', featured: false, imageMediaId: null,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: created.id, createdAt: created.createdAt, title: 'Edited', slug: 'edited-service', priceEurCents: 3000,
        pricePi: '100.0000000', descriptionHtml: '<h1>Hello</h1>', featured: false, imageMediaId: null, imageUrl: null,
      });
      expect(await t.ds.getRepository(Service).existsBy({ id: 999999 })).toBe(false);
      // Emptying the slug makes a new one from the title.
      const reslug = await inject('PUT', `${BASE}/${created.id}`, { ...res.json(), title: 'Brand new name', slug: '' });
      expect(reslug.json().slug).toBe('brand-new-name');
    });

    it('reads the nulls react-admin sends for emptied inputs as cleared text, kept flags and no media', async () => {
      const created = (await inject('POST', BASE, {
        title: 'Nullable', slug: null, summary: null, description: null, priceEurCents: 500, imageMediaId: null,
        previewMediaId: null, active: null, featured: null, position: null,
      })).json();
      expect(created).toMatchObject({ slug: 'nullable', summary: '', description: '', active: true, featured: false, imageMediaId: null });
      // A stored reference (media ids are checked on write, so set it underneath).
      await t.ds.getRepository(Service).update(created.id, { imageMediaId: 7 });
      const withImage = (await inject('PUT', `${BASE}/${created.id}`, { summary: 'Short' })).json();
      expect(withImage).toMatchObject({ summary: 'Short', imageMediaId: 7 });
      const res = await inject('PUT', `${BASE}/${created.id}`, {
        ...withImage, summary: null, imageMediaId: null, active: null, featured: null, position: null,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ summary: '', imageMediaId: null, active: true, featured: false, position: created.position });
    });

    it('answers field errors for invalid input and stores nothing', async () => {
      const before = await snapshot(t.ds);
      const res = await inject('POST', BASE, { title: '  ', slug: 'Not A Slug', priceEurCents: 10.5, imageMediaId: 'abc', active: 'yes' });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual(['active', 'imageMediaId', 'priceEurCents', 'slug', 'title']);
      const negative = await inject('POST', BASE, { title: 'Negative', priceEurCents: -1 });
      expect(negative.json().errors).toHaveProperty('priceEurCents');
      const missing = await inject('POST', BASE, {});
      expect(Object.keys(missing.json().errors).sort()).toEqual(['priceEurCents', 'title']);
      // A partial PUT is checked field by field (the rest keeps its stored values).
      const badPut = await inject('PUT', `${BASE}/1`, { title: 'x', priceEurCents: -5 });
      expect(badPut.statusCode).toBe(400);
      expect(Object.keys(badPut.json().errors)).toEqual(['priceEurCents']);
      expect(await snapshot(t.ds)).toEqual(before);
    });

    it('answers 404 for an unknown id on read, update and delete', async () => {
      for (const [method, payload] of [['GET'], ['PUT', { title: 'x', priceEurCents: 1 }], ['DELETE']] as const) {
        const res = await inject(method, `${BASE}/987654`, payload);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('SERVICE_NOT_FOUND');
      }
      expect((await inject('GET', `${BASE}/abc`)).statusCode).toBe(400);
    });

    it('never returns a <script>, an event handler or a javascript: link in rendered HTML', async () => {
      const description = [
        'Hello <script>alert("x")</script>',
        '<img src="x" onerror="alert(1)">',
        '[click](javascript:alert(1)) and <a href="javascript:alert(2)">there</a>',
        '<div onmouseover="steal()">hover</div>',
      ].join('\n\n');
      const created = await inject('POST', BASE, { title: 'XSS attempt', priceEurCents: 100, description });
      expect(created.statusCode).toBe(201);
      const publicDetail = (await t.app.inject({ method: 'GET', url: `/api/v1/services/${created.json().slug}` })).json();
      for (const html of [created.json().descriptionHtml, publicDetail.descriptionHtml]) {
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
        expect(html).toContain('Hello');
      }
      // The source is kept as written, for the editor.
      expect(created.json().description).toBe(description);
    });

    it('deletes a service with its features and FAQs and answers the deleted record', async () => {
      const svc = (await t.app.inject({ method: 'GET', url: '/api/v1/services/api-development' })).json();
      const record = (await inject('GET', `${BASE}/${svc.id}`)).json();
      const res = await inject('DELETE', `${BASE}/${svc.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(record);
      expect((await inject('GET', `${BASE}/${svc.id}`)).statusCode).toBe(404);
      expect(await t.ds.getRepository(ServiceFeature).countBy({ serviceId: svc.id })).toBe(0);
      expect(await t.ds.getRepository(ServiceFaq).countBy({ serviceId: svc.id })).toBe(0);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/services/api-development' })).statusCode).toBe(404);
    });
  });

  describe('bulk status and ordering', () => {
    it('deactivates and reactivates several services at once', async () => {
      const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/services?featured=true' })).json().items;
      const ids = pub.map((s: { id: number }) => s.id);
      const off = await inject('POST', `${BASE}/bulk`, { ids, action: 'deactivate' });
      expect(off.statusCode).toBe(200);
      expect(off.json()).toEqual({ action: 'deactivate', ids });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/services?featured=true' })).json().total).toBe(0);
      await inject('POST', `${BASE}/bulk`, { ids, action: 'activate' });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/services?featured=true' })).json().total).toBe(ids.length);
    });

    it('refuses an unknown id or action in a bulk request and changes nothing', async () => {
      const before = await snapshot(t.ds);
      const unknown = await inject('POST', `${BASE}/bulk`, { ids: [1, 987654], action: 'deactivate' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.details).toEqual({ missing: [987654] });
      const badAction = await inject('POST', `${BASE}/bulk`, { ids: [1], action: 'delete' });
      expect(badAction.statusCode).toBe(400);
      expect(badAction.json().errors).toHaveProperty('action');
      const empty = await inject('POST', `${BASE}/bulk`, { ids: [], action: 'activate' });
      expect(empty.json().errors).toHaveProperty('ids');
      expect(await snapshot(t.ds)).toEqual(before);
    });

    it('reorders services by the listed order, which the storefront follows', async () => {
      const current = (await t.app.inject({ method: 'GET', url: '/api/v1/services?pageSize=3' })).json().items.map((s: { id: number }) => s.id);
      const wanted = [...current].reverse();
      const res = await inject('POST', `${BASE}/reorder`, { ids: wanted });
      expect(res.statusCode).toBe(200);
      const after = (await t.app.inject({ method: 'GET', url: '/api/v1/services?pageSize=3' })).json().items.map((s: { id: number }) => s.id);
      expect(after).toEqual(wanted);
      const positions = (await inject('GET', `${BASE}?${raQuery({ filter: { id: wanted }, sort: ['position', 'ASC'] })}`)).json()
        .map((s: { id: number; position: number }) => [s.id, s.position]);
      expect(positions).toEqual(wanted.map((id, i) => [id, i + 1]));
    });

    it('refuses a reorder with an unknown or repeated id and changes nothing', async () => {
      const before = await snapshot(t.ds);
      expect((await inject('POST', `${BASE}/reorder`, { ids: [1, 987654] })).statusCode).toBe(404);
      expect((await inject('POST', `${BASE}/reorder`, { ids: [1, 1] })).statusCode).toBe(400);
      expect(await snapshot(t.ds)).toEqual(before);
    });
  });

  describe('CORS for the admin console', () => {
    it('allows PUT and DELETE from an allowed origin and exposes Content-Range', async () => {
      const preflight = await t.app.inject({
        method: 'OPTIONS', url: `${BASE}/1`,
        headers: { origin: 'http://admin.example', 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(preflight.statusCode).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://admin.example');
      expect(String(preflight.headers['access-control-allow-methods'])).toEqual(expect.stringContaining('PUT'));
      expect(String(preflight.headers['access-control-allow-methods'])).toEqual(expect.stringContaining('DELETE'));
      const list = await inject('GET', `${BASE}?${raQuery({ range: [0, 0] })}`, undefined, { ...who.admin, origin: 'http://admin.example' });
      expect(String(list.headers['access-control-expose-headers'])).toEqual(expect.stringContaining('Content-Range'));
    });
  });

  describe('large ranges', () => {
    it('caps a range at 1,000 rows (the console export) and says so in Content-Range', async () => {
      await insertServices(t.ds, 1000, 'export');
      const total = await t.ds.getRepository(Service).count();
      expect(total).toBeGreaterThan(1000);
      const res = await inject('GET', `${BASE}?${raQuery({ sort: ['id', 'ASC'], range: [0, 4999] })}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toHaveLength(1000);
      expect(res.headers['content-range']).toBe(`services 0-999/${total}`);
      const exportPage = await inject('GET', `${BASE}?${raQuery({ sort: ['id', 'ASC'], range: [0, 999] })}`);
      expect(exportPage.json()).toHaveLength(1000);
    });
  });
});
