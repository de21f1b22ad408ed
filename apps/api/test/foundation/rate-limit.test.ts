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
});
