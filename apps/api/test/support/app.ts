import type { FastifyInstance, InjectOptions } from 'fastify';
import type { DataSource } from 'typeorm';
import { buildApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';
import type { Role } from '../../src/plugins/auth';
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

/** A signed access token for a made-up user (modules with real users use the accounts helpers). */
export function tokenFor(app: FastifyInstance, claims: { sub?: string; role?: Role } = {}): string {
  return app.signAccessToken({ sub: claims.sub ?? '1', role: claims.role ?? 'customer' });
}

export function bearer(token: string): InjectOptions['headers'] {
  return { authorization: `Bearer ${token}` };
}
