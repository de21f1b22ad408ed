import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DOCS_PREFIX } from '@pishop/shared';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDataSource, runMigrations } from '../db/database';

/** Where the committed copy of the document lives (the typed client is generated from it; the breaking-change check compares with it). */
export const OPENAPI_SNAPSHOT = path.resolve(__dirname, '../../../../packages/client/openapi.json');

/**
 * The OpenAPI document exactly as `GET /api/docs/json` serves it, from an app on a throwaway
 * SQLite database, with a fixed public URL so the copy only changes when the API does.
 */
export async function servedOpenApiDocument(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-openapi-'));
  const config = loadConfig({
    PUBLIC_URL: 'http://localhost:3000',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    SERVE_SPAS: 'false',
    PI_RECONCILE_INTERVAL_SECONDS: '0',
    MEDIA_JOB_CONCURRENCY: '0',
    WEBHOOKS_WORKER: 'false',
  });
  config.database = { driver: 'sqlite', path: path.join(dir, 'openapi.sqlite') };
  const ds = await openDataSource(config.database);
  await runMigrations(ds);
  const app = await buildApp(config, { dataSource: ds, logger: false });
  try {
    await app.ready();
    const res = await app.inject({ method: 'GET', url: `${DOCS_PREFIX}/json` });
    if (res.statusCode !== 200) throw new Error(`GET ${DOCS_PREFIX}/json answered ${res.statusCode}`);
    return res.json() as Record<string, unknown>;
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatDocument(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
