import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { ApiKey } from '../../src/modules/api-keys';
import { Order } from '../../src/modules/orders/order.entity';
import { bearer, buildTestApp, TEST_ENV, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { CapturingMailTransport } from '../support/mail';
import { createUser } from '../support/users';
import { createService, type World } from '../payments/world';
import { createKey } from './helpers';

describe('API keys', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = (await createUser(t, { role: 'admin' })).token;
    await createService({ t } as World, { slug: 'logo-design', title: 'Logo design' });
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, key: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...bearer(key), ...headers }, ...(payload && { payload }) });

  it('shows the secret once, with its prefix, and only a hash is stored', async () => {
    const key = await createKey(t, admin, ['catalog:read'], { name: 'Catalog mirror' });
    expect(key.secret).toMatch(/^pishop_[A-Za-z0-9_-]{43}$/);
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    expect(key).toMatchObject({ name: 'Catalog mirror', scopes: ['catalog:read'], status: 'active', expiresAt: null });

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-keys', headers: bearer(admin) });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-range']).toMatch(/^api-keys 0-\d+\/\d+$/);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/admin/api-keys/${key.id}`, headers: bearer(admin) });
    for (const res of [list, one]) {
      expect(res.body).not.toContain(key.secret);
      expect(res.body).not.toContain('secretHash');
    }
    expect(one.json()).toMatchObject({ id: key.id, prefix: key.prefix, status: 'active' });
    const row = await t.ds.getRepository(ApiKey).findOneByOrFail({ id: key.id });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.secret);
  });

  it('a catalog:read key reads services and is refused (403) on orders and admin routes', async () => {
    const key = await createKey(t, admin, ['catalog:read']);
    const services = await call('GET', '/api/v1/services', key.secret);
    expect(services.statusCode).toBe(200);
    expect(services.json().items.map((s: { slug: string }) => s.slug)).toContain('logo-design');
    expect((await call('GET', '/api/v1/services/logo-design', key.secret)).statusCode).toBe(200);

    for (const url of ['/api/v1/orders', '/api/v1/admin/orders', '/api/v1/me', '/api/v1/admin/api-keys']) {
      const res = await call('GET', url, key.secret);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('API_KEY_SCOPE_DENIED');
    }
    const checkout = await call('POST', '/api/v1/orders/checkout', key.secret, { serviceSlug: 'logo-design' }, { 'x-customer-id': '1' });
    expect(checkout.statusCode).toBe(403);
    expect(await t.ds.getRepository(Order).count()).toBe(0);
    const row = await t.ds.getRepository(ApiKey).findOneByOrFail({ id: key.id });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('a revoked, rotated-away, expired or unknown key is 401', async () => {
    const revoked = await createKey(t, admin, ['catalog:read']);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/api-keys/${revoked.id}`, headers: bearer(admin) });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ id: revoked.id, status: 'revoked' });
    expect(del.body).not.toContain(revoked.secret);

    const rotated = await createKey(t, admin, ['catalog:read']);
    const rot = await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-keys/${rotated.id}/rotate`, headers: bearer(admin) });
    expect(rot.statusCode).toBe(200);
    const fresh = rot.json() as { secret: string; id: number };
    expect(fresh.id).toBe(rotated.id);
    expect(fresh.secret).not.toBe(rotated.secret);
    expect((await call('GET', '/api/v1/services', fresh.secret)).statusCode).toBe(200);

    const expiring = await createKey(t, admin, ['catalog:read'], { expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await call('GET', '/api/v1/services', expiring.secret)).statusCode).toBe(200);
    await t.ds.getRepository(ApiKey).update({ id: expiring.id }, { expiresAt: new Date(Date.now() - 1000) });

    for (const secret of [revoked.secret, rotated.secret, expiring.secret, `pishop_${'x'.repeat(43)}`]) {
      const res = await call('GET', '/api/v1/services', secret);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('API_KEY_INVALID');
      expect(res.body).not.toContain(secret);
    }
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/admin/api-keys/${expiring.id}`, headers: bearer(admin) });
    expect(listed.json().status).toBe('expired');
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = await t.ds.getRepository(ApiKey).count();
    for (const payload of [
      { name: 'x', scopes: ['everything'] },
      { name: 'x', scopes: [] },
      { name: '', scopes: ['catalog:read'] },
      { name: 'x', scopes: ['catalog:read'], expiresAt: '2001-01-01T00:00:00Z' },
      { name: 'x', scopes: ['catalog:read'], expiresAt: 'tomorrow' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/api-keys', headers: bearer(admin), payload });
      expect(res.statusCode).toBe(400);
    }
    const customer = await createUser(t);
    const asCustomer = await t.app.inject({ method: 'POST', url: '/api/v1/admin/api-keys', headers: bearer(customer.token), payload: { name: 'x', scopes: ['catalog:read'] } });
    expect(asCustomer.statusCode).toBe(403);
    expect(await t.ds.getRepository(ApiKey).count()).toBe(before);
  });

  it('an orders:write key creates an order for the customer it names; admin:read reads the back office but never manages keys', async () => {
    const customer = await createUser(t);
    const writer = await createKey(t, admin, ['orders:write', 'orders:read']);
    const noCustomer = await call('POST', '/api/v1/orders/checkout', writer.secret, { serviceSlug: 'logo-design' });
    expect(noCustomer.statusCode).toBe(400);
    expect(noCustomer.json().error.code).toBe('API_KEY_CUSTOMER_REQUIRED');
    const created = await call('POST', '/api/v1/orders/checkout', writer.secret, { serviceSlug: 'logo-design' }, { 'x-customer-id': String(customer.user.id) });
    expect(created.statusCode).toBe(201);
    const order = await t.ds.getRepository(Order).findOneByOrFail({ number: created.json().order.number });
    expect(order.customerId).toBe(customer.user.id);
    const mine = await call('GET', '/api/v1/orders', writer.secret, undefined, { 'x-customer-id': String(customer.user.id) });
    expect(mine.json().items.map((o: { number: string }) => o.number)).toEqual([order.number]);

    const reader = await createKey(t, admin, ['admin:read']);
    expect((await call('GET', '/api/v1/admin/orders', reader.secret)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/admin/orders/${order.id}`, reader.secret)).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/admin/orders/${order.id}/cancel`, reader.secret, { reason: 'not allowed' })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/admin/api-keys', reader.secret)).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/admin/api-keys', reader.secret, { name: 'y', scopes: ['admin:read'] })).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/admin/webhook-endpoints', reader.secret)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/admin/webhook-deliveries', reader.secret)).statusCode).toBe(403);
  });
});

describe('API keys: rate limit per key, audit lines, never logged', () => {
  const lines: string[] = [];
  let apps: FastifyInstance[] = [];
  let cleanups: (() => Promise<void>)[] = [];

  async function start(env: Record<string, string>, ds?: Awaited<ReturnType<typeof createTestDatabase>>) {
    const db = ds ?? (await createTestDatabase());
    const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'info', API_KEY_RATE_LIMIT_MAX: '3', ...env });
    config.database = db.config;
    const app = await buildApp(config, { dataSource: db.ds, closeDataSource: !ds, mailTransport: new CapturingMailTransport(), logStream: { write: (l) => void lines.push(l) } });
    await app.ready();
    apps.push(app);
    if (!ds) cleanups.push(db.cleanup);
    return { app, db };
  }
  afterEach(async () => {
    for (const a of apps.reverse()) await a.close();
    for (const c of cleanups) await c();
    apps = [];
    cleanups = [];
  });

  async function adminAndKeys(app: FastifyInstance, n: number) {
    const t = { app } as TestApp;
    const admin = (await createUser(t, { role: 'admin' })).token;
    const keys = [];
    for (let i = 0; i < n; i += 1) keys.push(await createKey(t, admin, ['catalog:read']));
    return keys;
  }
  const services = (app: FastifyInstance, secret: string) => app.inject({ method: 'GET', url: '/api/v1/services', headers: bearer(secret) });

  it('counts each key on its own, logs one audit line per use and never the secret', async () => {
    const { app } = await start({});
    const [a, b] = await adminAndKeys(app, 2);
    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await services(app, a.secret)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect((await services(app, b.secret)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/services' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/orders', headers: bearer(b.secret) })).statusCode).toBe(403);

    const log = lines.join('');
    for (const k of [a, b]) expect(log).not.toContain(k.secret);
    const audit = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'api key used');
    expect(audit.filter((l) => l.apiKey.id === a.id).map((l) => l.status)).toEqual([200, 200, 200, 429]);
    expect(audit.filter((l) => l.apiKey.id === b.id).map((l) => [l.route, l.status])).toEqual([
      ['GET /api/v1/services', 200],
      ['GET /api/v1/orders', 403],
    ]);
    expect(audit[0].apiKey.prefix).toBe(a.prefix);
  });

  it('counts made-up and revoked keys against the caller\'s address, not each on a fresh limit of its own', async () => {
    const { app } = await start({ RATE_LIMIT_MAX: '4' });
    const [valid] = await adminAndKeys(app, 1);
    const guess = (i: number) => `pishop_${String(i).padStart(43, 'x')}`;
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push((await services(app, guess(i))).statusCode);
    // createUser/createKey above used the address's budget too: only the guesses' answers matter.
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(answers.every((s) => s === 401 || s === 429)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/services' })).statusCode).toBe(429);
    // A valid key still has its own budget.
    expect((await services(app, valid.secret)).statusCode).toBe(200);
  });

  it('shares the key counters between instances through Redis', async () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:6379/4' };
    const first = await start(env);
    const second = await start(env, first.db);
    const [a] = await adminAndKeys(first.app, 1);
    const codes = [
      (await services(first.app, a.secret)).statusCode,
      (await services(second.app, a.secret)).statusCode,
      (await services(first.app, a.secret)).statusCode,
      (await services(second.app, a.secret)).statusCode,
    ];
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});
