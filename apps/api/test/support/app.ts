import type { FastifyInstance, InjectOptions } from 'fastify';
import type { DataSource } from 'typeorm';
import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS } from '@pishop/pi-protocol';
import { buildApp } from '../../src/app';
import { loadConfig, type AppConfig } from '../../src/config';
import { createTestDatabase } from './database';
import { CapturingMailTransport } from './mail';

export interface TestApp {
  app: FastifyInstance;
  ds: DataSource;
  config: AppConfig;
  /** The secret access tokens are signed with (tests that forge tokens need it). */
  jwtSecret: string;
  /** Every mail the app sent (the harness's transport; the product keeps none). */
  mail: CapturingMailTransport;
  close: () => Promise<void>;
}

/**
 * Settings every test app starts from: what the product would otherwise pick from NODE_ENV
 * is said explicitly here (no SPAs, no reconciler timer, the sandbox control API on).
 */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DEMO_DATA: 'false',
  SERVE_SPAS: 'false',
  PI_RECONCILE_INTERVAL_SECONDS: '0',
  PI_SANDBOX_CONTROL: 'true',
  // Tests write rows directly between reads; the read cache's own tests turn it on.
  READ_CACHE_SECONDS: '0',
};

/** The least a production start needs (config.ts refuses it without any of these). */
export const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  JWT_SECRET: 'q'.repeat(20) + '-a-random-production-secret',
  PI_API_KEY: 'live-key',
  SMTP_URL: 'smtp://mail.example.com:587',
  PI_APP_WALLET_ADDRESS: PI_SANDBOX_DEV_APP_WALLET_ADDRESS,
};

/**
 * Builds the real app on a clean, migrated test database. `env` adds settings as a .env
 * would (validated the same way).
 */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ ...TEST_ENV, ...env });
  config.database = db.config;
  const mail = new CapturingMailTransport();
  const app = await buildApp(config, { dataSource: db.ds, closeDataSource: true, logger: false, mailTransport: mail });
  await app.ready();
  if (!config.jwtSecret) throw new Error('test config without a JWT secret');
  return {
    app,
    ds: db.ds,
    config,
    jwtSecret: config.jwtSecret,
    mail,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}

export function bearer(token: string): InjectOptions['headers'] {
  return { authorization: `Bearer ${token}` };
}
