import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { buildTestApp, TEST_ENV, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';

describe('OpenAPI and site files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ PI_VALIDATION_KEY: 'abc123-validation' });
  });
  afterAll(() => t.close());

  it('serves an OpenAPI 3.1 document describing the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/health'].get.summary).toMatch(/database/i);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('serves the Pi validation key as text', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/validation-key.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('abc123-validation\n');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    // Framing rules in every mode: test/foundation/security-headers.test.ts.
    expect(res.headers['x-frame-options']).toBeUndefined();
  });
});

describe('serving the built SPAs', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-spa-'));
    for (const name of ['web', 'admin']) {
      fs.mkdirSync(path.join(dir, name, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'index.html'), `<html>${name} index</html>`);
      fs.writeFileSync(path.join(dir, name, 'assets', 'app-1a2b3c.js'), `console.log('${name}')`);
    }
    fs.writeFileSync(path.join(dir, 'web', 'sw.js'), '// sw');
    const db = await createTestDatabase();
    cleanup = db.cleanup;
    app = await buildApp(loadConfig(TEST_ENV), {
      dataSource: db.ds,
      logger: false,
      serveSpas: true,
      spas: [
        { prefix: '/admin/', root: path.join(dir, 'admin') },
        { prefix: '/', root: path.join(dir, 'web') },
      ],
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'web index'],
    ['/inbox/12', 'web index'],
    ['/admin', 'admin index'],
    ['/admin/', 'admin index'],
  ])('GET %s answers the SPA shell, never cached', async (url, text) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(text);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers an unknown storefront path with the SPA shell and 404 (the SPA renders its not-found page)', async () => {
    const res = await app.inject({ method: 'GET', url: '/services/anything' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('web index');
  });

  it('caches hashed assets for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const admin = await app.inject({ method: 'GET', url: '/admin/assets/app-1a2b3c.js' });
    expect(admin.body).toContain("console.log('admin')");
  });

  it('serves root files such as /sw.js without long caching', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps JSON 404s for unknown API routes and missing files', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const file = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(file.statusCode).toBe(404);
  });
});
