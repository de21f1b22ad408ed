import type { DataSource } from 'typeorm';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, type TestApp } from '../support/app';
import { secondInstance } from '../support/instances';
import { catalogSeeder } from '../../src/modules/catalog/catalog.seed';
import { callers, type Callers } from '../catalog/helpers';

/** Counts the SQL statements a DataSource sends (through TypeORM's logger, whatever the driver). */
function queryCounter(ds: DataSource): { count: number } {
  const counter = { count: 0 };
  const logger = ds.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (...args: Parameters<typeof logQuery>) => {
    counter.count += 1;
    return logQuery(...args);
  };
  return counter;
}

async function queriesDuring<T>(counter: { count: number }, fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = counter.count;
  const result = await fn();
  return { result, queries: counter.count - before };
}

const CACHE_ON = { READ_CACHE_SECONDS: '600' };

describe('read cache: public reads between changes', () => {
  let t: TestApp;
  let who: Callers;
  let counter: { count: number };
  beforeAll(async () => {
    t = await buildTestApp(CACHE_ON);
    await catalogSeeder.run(t.ds, t.config);
    who = await callers(t);
    counter = queryCounter(t.ds);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('answers a repeated read and a matching If-None-Match without touching the database', async () => {
    await t.app.invalidateReads();
    const first = await queriesDuring(counter, () => get('/api/v1/services?pageSize=24'));
    expect(first.result.statusCode).toBe(200);
    expect(first.queries).toBeGreaterThan(0);
    const etag = first.result.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);

    const again = await queriesDuring(counter, () => get('/api/v1/services?pageSize=24'));
    expect(again.queries).toBe(0);
    expect(again.result.statusCode).toBe(200);
    expect(again.result.body).toBe(first.result.body);
    expect(again.result.headers.etag).toBe(etag);
    expect(again.result.headers['content-type']).toMatch(/application\/json/);

    const notModified = await queriesDuring(counter, () => get('/api/v1/services?pageSize=24', { 'if-none-match': etag }));
    expect(notModified.queries).toBe(0);
    expect(notModified.result.statusCode).toBe(304);
    expect(notModified.result.body).toBe('');
  });

  it('an admin write makes the next read fresh, with a new ETag', async () => {
    const before = await get('/api/v1/services?pageSize=24');
    const id = before.json().items[0].id as number;
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/admin/services/${id}`, headers: who.admin, payload: { title: 'Renamed by the admin', priceEurCents: 5000 } });
    expect(put.statusCode === 200 ? 200 : put.body).toBe(200);

    const after = await get('/api/v1/services?pageSize=24');
    expect(after.json().items[0].title).toBe('Renamed by the admin');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const stale = await get('/api/v1/services?pageSize=24', { 'if-none-match': before.headers.etag as string });
    expect(stale.statusCode).toBe(200);
    const detail = await get(`/api/v1/services/${before.json().items[0].slug}`);
    expect(detail.json().title).toBe('Renamed by the admin');
  });

  it('a refused admin write changes nothing and keeps the cache', async () => {
    const warm = await get('/api/v1/services?pageSize=24');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/services/999999', headers: who.admin, payload: { title: 'x', priceEurCents: 5000 } });
    expect(bad.statusCode).toBe(404);
    const again = await queriesDuring(counter, () => get('/api/v1/services?pageSize=24'));
    expect(again.queries).toBe(0);
    expect(again.result.headers.etag).toBe(warm.headers.etag);
  });

  it('a scheduled post appears once its publish time has passed, without an admin write', async () => {
    const publishAt = new Date(Date.now() + 1500);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/posts',
      headers: who.admin,
      payload: { title: 'Scheduled post', body: 'Soon.', published: true, publishedAt: publishAt.toISOString() },
    });
    expect(created.statusCode).toBe(201);
    const early = await get('/api/v1/posts');
    expect(early.json().items.map((p: { title: string }) => p.title)).not.toContain('Scheduled post');
    // Wait for the publish time itself (a point in time, not a limit on how fast anything is).
    while (Date.now() <= publishAt.getTime() + 50) await new Promise((r) => setTimeout(r, 100));
    // The boundary is read asynchronously after the write; let that query finish.
    const late = await get('/api/v1/posts');
    expect(late.json().items.map((p: { title: string }) => p.title)).toContain('Scheduled post');
  });
});

describe('read cache: two instances sharing Redis', () => {
  let t: TestApp;
  let other: FastifyInstance;
  let who: Callers;
  beforeAll(async () => {
    t = await buildTestApp({ ...CACHE_ON, REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/6' });
    await catalogSeeder.run(t.ds, t.config);
    who = await callers(t);
    other = await secondInstance(t);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it("an admin write on one instance clears the other's cached read", async () => {
    const url = '/api/v1/services?pageSize=24';
    const cached = await other.inject({ method: 'GET', url });
    const id = cached.json().items[0].id as number;
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/admin/services/${id}`, headers: who.admin, payload: { title: 'Changed on instance A', priceEurCents: 5000 } });
    expect(put.statusCode === 200 ? 200 : put.body).toBe(200);
    // The other instance hears of it over Redis pub/sub: wait for that message, then read.
    let title = '';
    for (let i = 0; i < 200 && title !== 'Changed on instance A'; i++) {
      title = (await other.inject({ method: 'GET', url })).json().items[0].title;
      if (title !== 'Changed on instance A') await new Promise((r) => setTimeout(r, 50));
    }
    expect(title).toBe('Changed on instance A');
  });
});
