import type { FastifyInstance, InjectOptions } from 'fastify';
import type { DataSource } from 'typeorm';
import { buildApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';
import { createTestDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  ds: DataSource;
  config: AppConfig;
  close: () => Promise<void>;
}

/**
 * Builds the real app on a clean, migrated test database. `env` adds settings as a .env
 * would (validated the same way).
 */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env });
  config.database = db.config;
  const app = await buildApp(config, { dataSource: db.ds, closeDataSource: true, logger: false, serveSpas: false });
  await app.ready();
  return {
    app,
    ds: db.ds,
    config,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}

export function bearer(token: string): InjectOptions['headers'] {
  return { authorization: `Bearer ${token}` };
}
