import { buildTestApp, type TestApp } from '../support/app';
import { contentSeeder, DEMO_POSTS } from '../../src/modules/content/content.seed';
import { callers, raQuery, snapshot, type Callers } from '../catalog/helpers';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const ADMIN = '/api/v1/admin';

describe('content admin: posts, projects, pages (ra-data-simple-rest)', () => {
  let t: TestApp;
  let who: Callers;
  beforeAll(async () => {
    t = await buildTestApp();
    await contentSeeder.run(t.ds, t.config);
    who = await callers(t);
  });
  afterAll(() => t.close());

  const inject = (method: Method, url: string, payload?: object, headers = who.admin) => t.app.inject({ method, url, payload, headers });

  it.each(['posts', 'projects', 'pages'])('only admins read or write %s (401 anonymous, 403 customers), and nothing changes', async (resource) => {
    const before = await snapshot(t.ds);
    const calls: [Method, string, object | undefined][] = [
      ['GET', `${ADMIN}/${resource}`, undefined],
      ['GET', `${ADMIN}/${resource}/1`, undefined],
      ['POST', `${ADMIN}/${resource}`, { title: 'Hack', body: 'x' }],
      ['PUT', `${ADMIN}/${resource}/1`, { title: 'Hack', body: 'x' }],
      ['DELETE', `${ADMIN}/${resource}/1`, undefined],
    ];
    for (const [method, url, payload] of calls) {
      expect((await t.app.inject({ method, url, payload })).statusCode).toBe(401);
      expect((await inject(method, url, payload, who.customer)).statusCode).toBe(403);
    }
    expect(await snapshot(t.ds)).toEqual(before);
  });

  describe('posts', () => {
    it('lists with Content-Range, newest first by default, and filters by status and date', async () => {
      const all = await inject('GET', `${ADMIN}/posts?${raQuery({ range: [0, 1] })}`);
      expect(all.headers['content-range']).toBe(`posts 0-1/${DEMO_POSTS.length}`);
      const drafts = await inject('GET', `${ADMIN}/posts?${raQuery({ filter: { published: false } })}`);
      expect(drafts.json().map((p: { slug: string }) => p.slug)).toEqual(['pi-browser-checklist-draft']);
      const autumn = await inject('GET', `${ADMIN}/posts?${raQuery({ filter: { publishedAt_gte: '2025-10-01', publishedAt_lte: '2025-11-20' }, sort: ['publishedAt', 'ASC'] })}`);
      expect(autumn.json().map((p: { slug: string }) => p.slug)).toEqual(['landing-pages-that-convert', 'why-we-write-tests']);
      expect(autumn.headers['content-range']).toBe('posts 0-1/2');
      const text = await inject('GET', `${ADMIN}/posts?${raQuery({ filter: { q: 'TESTS' } })}`);
      expect(text.json().map((p: { slug: string }) => p.slug)).toEqual(['why-we-write-tests']);
    });

    it('creates a draft, then publishes it (the date defaults to now)', async () => {
      const draft = await inject('POST', `${ADMIN}/posts`, { title: 'Ünïcode and π', body: 'Hello **π**' });
      expect(draft.statusCode).toBe(201);
      expect(draft.json()).toMatchObject({ slug: 'unicode-and-pi', published: false, publishedAt: null, bodyHtml: '<p>Hello <strong>π</strong></p>' });
      const before = Date.now();
      const published = await inject('PUT', `${ADMIN}/posts/${draft.json().id}`, { ...draft.json(), published: true });
      expect(published.statusCode).toBe(200);
      const at = Date.parse(published.json().publishedAt);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/posts/unicode-and-pi' })).statusCode).toBe(200);
    });

    it('refuses a duplicate slug on create and on update (409) and changes nothing', async () => {
      const before = await snapshot(t.ds);
      const create = await inject('POST', `${ADMIN}/posts`, { title: 'Copy', slug: 'why-we-write-tests', body: '' });
      expect(create.statusCode).toBe(409);
      expect(create.json().errors).toEqual({ slug: 'is already in use' });
      const first = (await inject('GET', `${ADMIN}/posts?${raQuery({ sort: ['id', 'ASC'], range: [0, 0] })}`)).json()[0];
      const update = await inject('PUT', `${ADMIN}/posts/${first.id}`, { ...first, slug: 'why-we-write-tests' });
      expect(update.statusCode).toBe(409);
      expect(await snapshot(t.ds)).toEqual(before);
    });

    it('reads nulls from emptied inputs: cleared text, no date (now when published)', async () => {
      const res = await inject('POST', `${ADMIN}/posts`, { title: 'Nulls', slug: null, excerpt: null, body: null, imageMediaId: null, published: null, publishedAt: null });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ slug: 'nulls', excerpt: '', body: '', published: false, publishedAt: null });
      const project = await inject('POST', `${ADMIN}/projects`, { title: 'Null project', description: null, link: null, position: null });
      expect(project.json()).toMatchObject({ description: '', link: null, position: expect.any(Number) });
      const put = await inject('PUT', `${ADMIN}/projects/${project.json().id}`, { ...project.json(), position: null, description: null });
      expect(put.json().position).toBe(project.json().position);
    });

    it('refuses invalid fields with field errors', async () => {
      const res = await inject('POST', `${ADMIN}/posts`, { title: '', publishedAt: 'tomorrow', published: 'yes', body: 'x'.repeat(16_001) });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual(['body', 'published', 'publishedAt', 'title']);
    });

    it('never renders scripts, handlers or javascript: links from a post body', async () => {
      const res = await inject('POST', `${ADMIN}/posts`, {
        title: 'Hostile', published: true,
        body: '<script>document.cookie</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))',
      });
      const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/posts/${res.json().slug}` })).json();
      for (const html of [res.json().bodyHtml, pub.bodyHtml]) {
        expect(html).not.toMatch(/<script|\son[a-z]+\s*=|href\s*=\s*["']?javascript:/i);
      }
    });

    it('deletes a post and answers it', async () => {
      const created = (await inject('POST', `${ADMIN}/posts`, { title: 'Short-lived', body: 'bye' })).json();
      const del = await inject('DELETE', `${ADMIN}/posts/${created.id}`);
      expect(del.statusCode).toBe(200);
      expect(del.json()).toEqual(created);
      expect((await inject('GET', `${ADMIN}/posts/${created.id}`)).json().error.code).toBe('POST_NOT_FOUND');
    });
  });

  describe('projects', () => {
    it('creates at the end, validates the link, and reorders', async () => {
      const bad = await inject('POST', `${ADMIN}/projects`, { title: 'Evil', link: 'javascript:alert(1)' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toHaveProperty('link');
      const last = (await inject('GET', `${ADMIN}/projects?${raQuery({ sort: ['position', 'DESC'], range: [0, 0] })}`)).json()[0];
      const res = await inject('POST', `${ADMIN}/projects`, { title: 'New build', link: 'https://example.com/new', description: '*nice*' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ slug: 'new-build', position: last.position + 1, link: 'https://example.com/new', descriptionHtml: '<p><em>nice</em></p>' });

      const ids = (await inject('GET', `${ADMIN}/projects?${raQuery({ sort: ['position', 'ASC'] })}`)).json().map((p: { id: number }) => p.id);
      const wanted = [ids.at(-1), ...ids.slice(0, -1)];
      expect((await inject('POST', `${ADMIN}/projects/reorder`, { ids: wanted })).statusCode).toBe(200);
      const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/projects' })).json().items.map((p: { id: number }) => p.id);
      expect(pub).toEqual(wanted);
    });

    it('clears a link with an empty string and refuses a duplicate slug', async () => {
      const p = (await inject('POST', `${ADMIN}/projects`, { title: 'Linked', link: 'https://example.com/x' })).json();
      const cleared = await inject('PUT', `${ADMIN}/projects/${p.id}`, { ...p, link: '' });
      expect(cleared.json().link).toBeNull();
      const dup = await inject('PUT', `${ADMIN}/projects/${p.id}`, { ...p, slug: 'new-build' });
      expect(dup.statusCode).toBe(409);
    });
  });

  describe('pages', () => {
    it('edits a legal page, keeps it public, and refuses a second "privacy"', async () => {
      const list = await inject('GET', `${ADMIN}/pages?${raQuery({ filter: { slug: 'privacy' } })}`);
      expect(list.headers['content-range']).toBe('pages 0-0/1');
      const privacy = list.json()[0];
      const put = await inject('PUT', `${ADMIN}/pages/${privacy.id}`, { ...privacy, body: '## Updated\n\nWe changed things.' });
      expect(put.statusCode).toBe(200);
      const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/pages/privacy' })).json();
      expect(pub.bodyHtml).toBe('<h2>Updated</h2>\n<p>We changed things.</p>');
      const dup = await inject('POST', `${ADMIN}/pages`, { slug: 'privacy', title: 'Privacy again', body: '' });
      expect(dup.statusCode).toBe(409);
      const imprint = await inject('POST', `${ADMIN}/pages`, { title: 'Imprint', body: 'Studio Pi, Berlin' });
      expect(imprint.json().slug).toBe('imprint');
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/pages/imprint' })).statusCode).toBe(200);
    });
  });
});
