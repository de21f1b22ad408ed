import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createPishopClient, verifyWebhookSignature } from '@pishop/client';
import { signWebhook } from '../../src/modules/webhooks';
import { buildTestApp } from '../support/app';
import { createUser } from '../support/users';
import { createService, type World } from '../payments/world';
import { createKey } from './helpers';

const run = promisify(execFile);
const CLIENT_DIR = path.resolve(__dirname, '../../../../packages/client');
const ROOT_DIR = path.resolve(CLIENT_DIR, '../..');
const API_DIR = path.resolve(__dirname, '../..');

describe('the typed client (packages/client)', () => {
  it('compiles against the document the API serves now', async () => {
    const work = fs.mkdtempSync(path.join(CLIENT_DIR, '.compile-check-'));
    try {
      // The document as `pnpm --filter @pishop/client generate` reads it (the API's own runtime, not jest's transform).
      await run(path.join(API_DIR, 'node_modules/.bin/tsx'), ['src/cli/openapi-dump.ts', path.join(work, 'openapi.json')], { cwd: API_DIR, timeout: 300_000 });
      fs.mkdirSync(path.join(work, 'src'));
      fs.mkdirSync(path.join(work, 'test'));
      for (const f of fs.readdirSync(path.join(CLIENT_DIR, 'src')).filter((n) => n !== 'schema.ts')) fs.copyFileSync(path.join(CLIENT_DIR, 'src', f), path.join(work, 'src', f));
      fs.copyFileSync(path.join(CLIENT_DIR, 'test/usage.ts'), path.join(work, 'test/usage.ts'));
      await run(path.join(CLIENT_DIR, 'node_modules/.bin/openapi-typescript'), [path.join(work, 'openapi.json'), '-o', path.join(work, 'src/schema.ts')], { timeout: 120_000 });
      fs.writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { rootDir: '.', noEmit: true }, include: ['src', 'test'] }));
      const tsc = path.join(ROOT_DIR, 'node_modules/.bin/tsc');
      await expect(run(tsc, ['-p', path.join(work, 'tsconfig.json')], { timeout: 300_000 })).resolves.toBeDefined();

      // And a client whose calls the document no longer has does not compile: the check can fail.
      fs.appendFileSync(
        path.join(work, 'test/usage.ts'),
        "\nexport const gone = async () => (await createPishopClient().GET('/api/v1/services', {})).data?.items[0]?.noSuchField;\n",
      );
      await expect(run(tsc, ['-p', path.join(work, 'tsconfig.json')], { timeout: 300_000 })).rejects.toMatchObject({ stdout: expect.stringContaining("'noSuchField' does not exist") });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 900_000);

  it('lists services with an API key over HTTP and verifies a signed webhook', async () => {
    const t = await buildTestApp();
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      const admin = (await createUser(t, { role: 'admin' })).token;
      await createService({ t } as World, { slug: 'brand-kit' });
      const key = await createKey(t, admin, ['catalog:read']);
      const shop = createPishopClient({ baseUrl, token: key.secret });
      const { data, response } = await shop.GET('/api/v1/services', { params: { query: { page: 1, pageSize: 10 } } });
      expect(response.status).toBe(200);
      expect(data?.items.map((s) => s.slug)).toEqual(['brand-kit']);
      const refused = await shop.GET('/api/v1/orders', {});
      expect(refused.response.status).toBe(403);

      const body = JSON.stringify({ id: 'evt', type: 'order.paid', createdAt: new Date().toISOString(), data: {} });
      const now = Math.floor(Date.now() / 1000);
      const header = signWebhook('s3cret-s3cret-s3cret', body, now);
      expect(await verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, now)).toBe(true);
      expect(await verifyWebhookSignature('s3cret-s3cret-s3cret', `${body} `, header, now)).toBe(false);
      expect(await verifyWebhookSignature('s3cret-s3cret-s3cret', body, header, now + 301)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
