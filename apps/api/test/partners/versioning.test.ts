import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import versioning, { API_VERSION } from '../../src/plugins/versioning';
import { breakingChanges } from '../../src/lib/openapi-compat';
import { OPENAPI_SNAPSHOT } from '../../src/cli/openapi-document';
import { buildTestApp } from '../support/app';

const run = promisify(execFile);
const API_DIR = path.resolve(__dirname, '../..');
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('API versioning', () => {
  it('every /api answer names the API version', async () => {
    const t = await buildTestApp();
    try {
      for (const url of ['/api/v1/health', '/api/v1/services', '/api/v1/no-such-thing']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect([url, res.headers['api-version']]).toEqual([url, API_VERSION]);
      }
    } finally {
      await t.close();
    }
  });

  it('a route being retired answers Deprecation, Sunset and Link headers', async () => {
    const app = Fastify();
    await app.register(versioning);
    app.get('/api/v1/old-thing', { config: { deprecation: { since: '2026-12-01', sunset: '2027-06-01', link: 'https://shop.example.com/docs/new-thing' } } }, async () => ({ ok: true }));
    app.get('/api/v1/new-thing', async () => ({ ok: true }));
    const old = await app.inject({ method: 'GET', url: '/api/v1/old-thing' });
    expect(old.headers).toMatchObject({
      'api-version': API_VERSION,
      deprecation: `@${Date.UTC(2026, 11, 1) / 1000}`,
      sunset: 'Tue, 01 Jun 2027 00:00:00 GMT',
      link: '<https://shop.example.com/docs/new-thing>; rel="deprecation"',
    });
    const fresh = await app.inject({ method: 'GET', url: '/api/v1/new-thing' });
    expect(fresh.headers.deprecation).toBeUndefined();
    expect(fresh.headers.sunset).toBeUndefined();
    await app.close();
  });

  describe('breaking-change check against the committed document', () => {
    const snapshot = (): Doc => JSON.parse(fs.readFileSync(OPENAPI_SNAPSHOT, 'utf8'));

    it('finds nothing when nothing changed, and reports a removed field or route', () => {
      const before = snapshot();
      expect(breakingChanges(before, snapshot())).toEqual([]);

      const after = snapshot();
      const items = after.paths['/api/v1/services'].get.responses['200'].content['application/json'].schema.properties.items.items;
      delete items.properties.pricePi;
      delete after.paths['/api/v1/posts/{slug}'].get;
      after.paths['/api/v1/brand-new'] = { get: { responses: {} } };
      expect(breakingChanges(before, after).sort()).toEqual([
        'GET /api/v1/posts/{slug}: route removed',
        'GET /api/v1/services 200: field items[].pricePi removed',
      ]);
    });

    it('the served document keeps every route and field of the committed copy; the check fails on a removed field', async () => {
      const ok = await run(path.join(API_DIR, 'node_modules/.bin/tsx'), ['src/cli/openapi-check.ts'], { cwd: API_DIR, timeout: 300_000 });
      expect(ok.stdout).toContain('no route or field of /api/v1 was removed');

      // A committed copy promising a field the API no longer serves: the check (what CI runs) exits 1 and names it.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-openapi-check-'));
      try {
        const doc = snapshot();
        doc.paths['/api/v1/services'].get.responses['200'].content['application/json'].schema.properties.items.items.properties.legacyCode = { type: 'string' };
        const file = path.join(dir, 'openapi.json');
        fs.writeFileSync(file, JSON.stringify(doc));
        await expect(run(path.join(API_DIR, 'node_modules/.bin/tsx'), ['src/cli/openapi-check.ts', file], { cwd: API_DIR, timeout: 300_000 })).rejects.toMatchObject({
          code: 1,
          stderr: expect.stringContaining('GET /api/v1/services 200: field items[].legacyCode removed'),
        });
        // Refreshing that copy (what `pnpm --filter @pishop/client generate` does) refuses too and
        // leaves it alone, so the check cannot be silenced by regenerating; --accept-breaking writes it.
        const written = fs.readFileSync(file, 'utf8');
        await expect(run(path.join(API_DIR, 'node_modules/.bin/tsx'), ['src/cli/openapi-dump.ts', file], { cwd: API_DIR, timeout: 300_000 })).rejects.toMatchObject({
          code: 1,
          stderr: expect.stringContaining('GET /api/v1/services 200: field items[].legacyCode removed'),
        });
        expect(fs.readFileSync(file, 'utf8')).toBe(written);
        await run(path.join(API_DIR, 'node_modules/.bin/tsx'), ['src/cli/openapi-dump.ts', file, '--accept-breaking'], { cwd: API_DIR, timeout: 300_000 });
        expect(fs.readFileSync(file, 'utf8')).not.toContain('legacyCode');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 900_000);
  });
});
