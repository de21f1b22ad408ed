import { buildTestApp, type TestApp } from '../support/app';

describe('global rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ RATE_LIMIT_MAX: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with a coded error once a client passes RATE_LIMIT_MAX per minute', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await t.app.inject({ method: 'GET', url: '/api/v1/services' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.json().error.code).toBe('RATE_LIMITED');
    expect(last!.headers['retry-after']).toBeDefined();
  });

  it('counts a percent-encoded path like the route it reaches, and guarded or refused requests too', async () => {
    const from = (url: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, headers, remoteAddress: '198.51.100.9' });
    // The router decodes %61pi to api: the same route, the same counter.
    expect((await from('/%61pi/v1/services')).statusCode).toBe(200);
    // A request its guard refuses (401) still counts.
    expect((await from('/api/v1/orders')).statusCode).toBe(401);
    expect((await from('/api/v1/services', { authorization: 'Bearer pishop_made-up-key' })).statusCode).toBe(401);
    const limited = await from('/%61pi/v1/services');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/try again in \d+ seconds?$/);
  });
});

describe('rate limit with Redis gone', () => {
  it('lets requests through uncounted instead of answering 500', async () => {
    // Nothing listens on this port: every Redis command fails.
    const t = await buildTestApp({ REDIS_URL: 'redis://127.0.0.1:1/0', RATE_LIMIT_MAX: '1' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/api/v1/services' })).statusCode);
      expect(statuses).toEqual([200, 200, 200]);
    } finally {
      await t.close();
    }
  });
});
