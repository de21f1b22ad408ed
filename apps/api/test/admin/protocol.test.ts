import fs from 'node:fs';
import { ServiceFaq, ServiceFeature } from '../../src/modules/catalog/catalog.entity';
import { buildTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/users';
import { callers, snapshot, type Callers } from '../catalog/helpers';
import { makeClip, pngOf, tempDir, upload } from '../media/helpers';
import { buildWorld, checkout, createService, get, post, type World } from '../payments/world';

describe('admin protocol: partial PUT, media references, inline features and FAQs', () => {
  let t: TestApp;
  let who: Callers;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    t = await buildTestApp({ MEDIA_ROOT: dir });
    who = await callers(t);
  });
  afterAll(async () => {
    await t.app.mediaJobs?.drain?.();
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: who.admin });

  it('PUT with only {active} changes only that field (ra-data-simple-rest updateMany)', async () => {
    const created = (await call('POST', '/api/v1/admin/services', {
      title: 'Logo design', summary: 'A logo', priceEurCents: 4900, active: false,
      features: [{ title: 'Two drafts' }], faqs: [{ question: 'How long?', answer: 'A week' }],
    })).json();
    const res = await call('PUT', `/api/v1/admin/services/${created.id}`, { active: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: created.id, title: 'Logo design', summary: 'A logo', priceEurCents: 4900, active: true,
      features: [{ title: 'Two drafts' }], faqs: [{ question: 'How long?', answer: 'A week' }],
    });
    expect(res.json().features[0].id).toBe(created.features[0].id);

    const post = (await call('POST', '/api/v1/admin/posts', { title: 'Hello', body: 'Words', published: false })).json();
    const published = await call('PUT', `/api/v1/admin/posts/${post.id}`, { published: true });
    expect(published.json()).toMatchObject({ title: 'Hello', body: 'Words', published: true });
  });

  it('PUT still refuses bad values and emptied required fields, changing nothing', async () => {
    const created = (await call('POST', '/api/v1/admin/services', { title: 'Keep me', priceEurCents: 100 })).json();
    const before = await snapshot(t.ds);
    for (const body of [{ title: '' }, { title: null }, { priceEurCents: -1 }, { active: 'yes' }]) {
      const res = await call('PUT', `/api/v1/admin/services/${created.id}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.json().errors)).toEqual([Object.keys(body)[0]]);
    }
    expect((await call('PUT', '/api/v1/admin/services/999999', { active: true })).statusCode).toBe(404);
    expect(await snapshot(t.ds)).toEqual(before);
  });

  it('refuses media ids that do not exist or are of the wrong kind (422 with a field error)', async () => {
    const image = (await upload(t, { filename: 'a.png', contentType: 'image/png', data: await pngOf(40, 30) }, who.admin)).json();
    const clip = makeClip(dir, 'clip.mp4');
    const video = (await upload(t, { filename: 'clip.mp4', contentType: 'video/mp4', data: fs.readFileSync(clip) }, who.admin)).json();
    const before = await snapshot(t.ds);
    const cases: [string, object, string][] = [
      ['/api/v1/admin/services', { title: 'X', priceEurCents: 1, imageMediaId: 987654 }, 'imageMediaId'],
      ['/api/v1/admin/services', { title: 'X', priceEurCents: 1, imageMediaId: video.id }, 'imageMediaId'],
      ['/api/v1/admin/services', { title: 'X', priceEurCents: 1, previewMediaId: image.id }, 'previewMediaId'],
      ['/api/v1/admin/posts', { title: 'X', body: 'b', imageMediaId: video.id }, 'imageMediaId'],
      ['/api/v1/admin/projects', { title: 'X', previewMediaId: 987654 }, 'previewMediaId'],
    ];
    for (const [url, payload, field] of cases) {
      const res = await call('POST', url, payload);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('MEDIA_REFERENCE_INVALID');
      expect(Object.keys(res.json().errors)).toEqual([field]);
    }
    expect(await snapshot(t.ds)).toEqual(before);

    const ok = await call('POST', '/api/v1/admin/services', { title: 'Pictured', priceEurCents: 1, imageMediaId: image.id, previewMediaId: video.id });
    expect(ok.statusCode).toBe(201);
    const bad = await call('PUT', `/api/v1/admin/services/${ok.json().id}`, { imageMediaId: video.id });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual({ imageMediaId: expect.stringContaining('video') });
  });

  it('saves features and FAQs with the service: add, edit, remove and reorder in one PUT', async () => {
    const created = (await call('POST', '/api/v1/admin/services', {
      title: 'Site', priceEurCents: 100,
      features: [{ title: 'A' }, { title: 'B', description: 'bee' }, { title: 'C' }],
      faqs: [{ question: 'Q1', answer: 'A1' }],
    })).json();
    expect(created.features.map((f: { title: string }) => f.title)).toEqual(['A', 'B', 'C']);
    const [a, b, c] = created.features as { id: number }[];
    const res = await call('PUT', `/api/v1/admin/services/${created.id}`, {
      features: [{ id: c.id, title: 'C2' }, { title: 'New' }, { id: a.id, title: 'A' }],
      faqs: [],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().features).toEqual([
      { id: c.id, title: 'C2', description: '' }, { id: expect.any(Number), title: 'New', description: '' }, { id: a.id, title: 'A', description: '' },
    ]);
    expect(res.json().faqs).toEqual([]);
    expect(await t.ds.getRepository(ServiceFeature).countBy({ id: b.id })).toBe(0);
    expect(await t.ds.getRepository(ServiceFaq).countBy({ serviceId: created.id })).toBe(0);
    const positions = await t.ds.getRepository(ServiceFeature).find({ where: { serviceId: created.id }, order: { position: 'ASC' } });
    expect(positions.map((p) => [p.title, p.position])).toEqual([['C2', 1], ['New', 2], ['A', 3]]);

    // An id of another service refuses the whole save: the title does not change either.
    const other = (await call('POST', '/api/v1/admin/services', { title: 'Other', priceEurCents: 1, features: [{ title: 'Theirs' }] })).json();
    const before = await snapshot(t.ds);
    const refused = await call('PUT', `/api/v1/admin/services/${created.id}`, { title: 'Renamed', features: [{ id: other.features[0].id, title: 'Mine' }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual({ 'features.0.id': expect.any(String) });
    const empty = await call('PUT', `/api/v1/admin/services/${created.id}`, { features: [{ title: '' }] });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().errors)).toEqual(['features.0.title']);
    expect(await snapshot(t.ds)).toEqual(before);
  });
});

describe('admin protocol: reading a thread has no side effect', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  it('GET /admin/threads/:id leaves it unread; POST .../read marks it read', async () => {
    const admin = await createUser(w.t, { role: 'admin' });
    const customer = await createUser(w.t);
    const service = await createService(w);
    const threadId = (await checkout(w, customer.token, service.slug)).json().order.threadId as number;
    await post(w, customer.token, `/api/v1/inbox/threads/${threadId}/messages`, { body: 'Hello?' });

    for (let i = 0; i < 2; i++) {
      const read = await get(w, admin.token, `/api/v1/admin/threads/${threadId}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: threadId, unread: 1 });
    }
    expect((await get(w, admin.token, '/api/v1/inbox/unread-count')).json().unread).toBe(1);

    const marked = await post(w, admin.token, `/api/v1/admin/threads/${threadId}/read`, {});
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toEqual({ id: threadId, unread: 0 });
    expect((await get(w, admin.token, '/api/v1/inbox/unread-count')).json().unread).toBe(0);
    expect((await post(w, customer.token, `/api/v1/admin/threads/${threadId}/read`, {})).statusCode).toBe(403);
    expect((await post(w, admin.token, '/api/v1/admin/threads/999999/read', {})).statusCode).toBe(404);
  });
});

describe('admin protocol: PI_ONLY_LOGIN keeps the console reachable for admins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ PI_ONLY_LOGIN: 'true' });
  });
  afterAll(() => t.close());

  it('an admin signs in with a password; a customer gets 403 PASSWORD_LOGIN_DISABLED', async () => {
    const admin = await createUser(t, { role: 'admin', password: 'admin-password-1' });
    const customer = await createUser(t, { password: 'customer-password-1' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: admin.user.username, password: 'admin-password-1' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.role).toBe('admin');
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: customer.user.email, password: 'customer-password-1' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_LOGIN_DISABLED');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: admin.user.username, password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
  });
});
