import { buildTestApp, type TestApp } from '../support/app';
import { testDatabaseKind } from '../support/database';

describe('GET /api/v1/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('reports the database as up with its driver', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.database.status).toBe('up');
    const expected = { sqlite: 'better-sqlite3', mysql: 'mysql', mariadb: 'mariadb' }[testDatabaseKind()];
    expect(body.database.driver).toBe(expected);
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('answers 503 with the reason when the database is gone', async () => {
    const other = await buildTestApp();
    await other.ds.destroy();
    const res = await other.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().database.status).toBe('down');
    await other.app.close().catch(() => undefined);
  });
});
