import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { openDataSource } from '../../src/db/database';
import { CapturingMailTransport } from './mail';
import type { TestApp } from './app';

/**
 * Another API instance on the test app's database, as a second process would be: on
 * MySQL/MariaDB with its own connection pool; on SQLite (one process per database file in
 * production) on the same connection.
 */
export async function secondInstance(t: TestApp): Promise<FastifyInstance> {
  const ownPool = t.config.database.driver !== 'sqlite';
  const ds = ownPool ? await openDataSource(t.config.database) : t.ds;
  const app = await buildApp(t.config, { dataSource: ds, closeDataSource: ownPool, logger: false, mailTransport: new CapturingMailTransport() });
  await app.ready();
  return app;
}
