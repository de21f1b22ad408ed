import { buildTestApp, type TestApp } from '../support/app';
import { catalogSeeder, DEMO_SERVICES } from '../../src/modules/catalog/catalog.seed';
import { callers, raQuery, snapshot, type Callers } from './helpers';

const FEATURES = '/api/v1/admin/service-features';
const FAQS = '/api/v1/admin/service-faqs';

describe('catalog admin: service features and FAQs', () => {
  let t: TestApp;
  let who: Callers;
  let landingId: number;
  let auditId: number;
  beforeAll(async () => {
    t = await buildTestApp();
    await catalogSeeder.run(t.ds, t.config);
    who = await callers(t);
    landingId = (await t.app.inject({ method: 'GET', url: '/api/v1/services/landing-page' })).json().id;
    auditId = (await t.app.inject({ method: 'GET', url: '/api/v1/services/performance-security-audit' })).json().id;
  });
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers = who.admin) =>
    t.app.inject({ method, url, payload, headers });
  const landingDemo = DEMO_SERVICES.find((s) => s.slug === 'landing-page')!;

  it('lists the features of one service (getManyReference) in position order with Content-Range', async () => {
    const res = await inject('GET', `${FEATURES}?${raQuery({ filter: { serviceId: String(landingId) }, sort: ['position', 'ASC'], range: [0, 24] })}`);
    expect(res.statusCode).toBe(200);
    const n = landingDemo.features.length;
    expect(res.headers['content-range']).toBe(`service-features 0-${n - 1}/${n}`);
    expect(res.json().map((f: { title: string }) => f.title)).toEqual(landingDemo.features.map(([title]) => title));
    expect(res.json()[0]).toEqual({
      id: expect.any(Number), serviceId: landingId, title: landingDemo.features[0][0], description: landingDemo.features[0][1],
      position: 1, createdAt: expect.any(String), updatedAt: expect.any(String),
    });
    const faqs = await inject('GET', `${FAQS}?${raQuery({ filter: { serviceId: landingId, q: 'hosting' } })}`);
    expect(faqs.json().map((f: { question: string }) => f.question)).toEqual(['Is hosting included?']);
    expect(faqs.headers['content-range']).toBe('service-faqs 0-0/1');
  });

  it('adds a feature at the end and shows it on the public page', async () => {
    const res = await inject('POST', FEATURES, { serviceId: landingId, title: 'Free revision round', description: 'One round of changes after delivery.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: expect.any(Number), serviceId: landingId, position: landingDemo.features.length + 1 });
    const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/services/landing-page' })).json();
    expect(pub.features.at(-1)).toEqual({ id: res.json().id, title: 'Free revision round', description: 'One round of changes after delivery.' });
  });

  it('updates (PUT) and deletes a FAQ, answering the deleted record', async () => {
    const created = (await inject('POST', FAQS, { serviceId: auditId, question: 'How long does it take?', answer: 'About a week.' })).json();
    const put = await inject('PUT', `${FAQS}/${created.id}`, { ...created, answer: 'Five working days.', id: 1, createdAt: 'x' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ id: created.id, answer: 'Five working days.', question: 'How long does it take?' });
    const del = await inject('DELETE', `${FAQS}/${created.id}`);
    expect(del.json()).toEqual(put.json());
    expect((await inject('GET', `${FAQS}/${created.id}`)).statusCode).toBe(404);
    expect((await inject('GET', `${FAQS}/${created.id}`)).json().error.code).toBe('SERVICE_FAQ_NOT_FOUND');
  });

  it('refuses a part for a service that does not exist, or without its text, and stores nothing', async () => {
    const before = await snapshot(t.ds);
    const noService = await inject('POST', FEATURES, { serviceId: 987654, title: 'Orphan' });
    expect(noService.statusCode).toBe(400);
    expect(noService.json().errors).toEqual({ serviceId: 'does not match a service' });
    const noText = await inject('POST', FAQS, { serviceId: landingId, question: '', answer: '  ' });
    expect(Object.keys(noText.json().errors).sort()).toEqual(['answer', 'question']);
    const feature = (await inject('GET', `${FEATURES}?${raQuery({ filter: { serviceId: landingId }, range: [0, 0] })}`)).json()[0];
    const moveToNowhere = await inject('PUT', `${FEATURES}/${feature.id}`, { ...feature, serviceId: 987654 });
    expect(moveToNowhere.statusCode).toBe(400);
    expect(await snapshot(t.ds)).toEqual(before);
  });

  it('reorders the FAQs of one service, and refuses mixing services', async () => {
    const faqs = (await inject('GET', `${FAQS}?${raQuery({ filter: { serviceId: landingId }, sort: ['position', 'ASC'] })}`)).json();
    const wanted = faqs.map((f: { id: number }) => f.id).reverse();
    const res = await inject('POST', `${FAQS}/reorder`, { ids: wanted });
    expect(res.statusCode).toBe(200);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/services/landing-page' })).json();
    expect(pub.faqs.map((f: { id: number }) => f.id)).toEqual(wanted);

    const other = (await inject('GET', `${FAQS}?${raQuery({ filter: { serviceId: auditId }, range: [0, 0] })}`)).json()[0];
    const before = await snapshot(t.ds);
    const mixed = await inject('POST', `${FAQS}/reorder`, { ids: [wanted[0], other.id] });
    expect(mixed.statusCode).toBe(400);
    expect(await snapshot(t.ds)).toEqual(before);
  });

  it('only lets admins read or write features and FAQs', async () => {
    const before = await snapshot(t.ds);
    for (const [method, url, payload] of [
      ['GET', FEATURES, undefined], ['POST', FEATURES, { serviceId: landingId, title: 'x' }], ['DELETE', `${FAQS}/1`, undefined],
      ['POST', `${FEATURES}/reorder`, { ids: [1] }],
    ] as const) {
      expect((await t.app.inject({ method, url, payload })).statusCode).toBe(401);
      expect((await inject(method, url, payload, who.customer)).statusCode).toBe(403);
    }
    expect(await snapshot(t.ds)).toEqual(before);
  });
});
