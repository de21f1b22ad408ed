import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../config';
import { openDataSource, pendingSchemaChanges, runMigrations } from './database';
import { databaseNameOf, dropMysqlDatabase, mysqlConfig, recreateMysqlDatabase } from './scratch';

/**
 * Applies every migration to an empty scratch database of the given kind and returns
 * what the entities would still change (empty = migrations match the entities).
 */
export async function schemaDrift(kind: 'sqlite' | { mysqlUrl: string }): Promise<string[]> {
  return withScratchDatabase(kind, async (db) => {
    const ds = await openDataSource(db);
    try {
      await runMigrations(ds);
      return await pendingSchemaChanges(ds);
    } finally {
      await ds.destroy();
    }
  });
}

export async function withScratchDatabase<T>(
  kind: 'sqlite' | { mysqlUrl: string },
  fn: (db: DatabaseConfig) => Promise<T>,
): Promise<T> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-schema-'));
    try {
      return await fn({ driver: 'sqlite', path: path.join(dir, 'scratch.sqlite') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const name = `${databaseNameOf(kind.mysqlUrl)}_scratch_${process.pid}`;
  await recreateMysqlDatabase(kind.mysqlUrl, name);
  try {
    return await fn(mysqlConfig(kind.mysqlUrl, name));
  } finally {
    await dropMysqlDatabase(kind.mysqlUrl, name);
  }
}

/** The MySQL-family server to check against: DATABASE_URL or TEST_DATABASE_URL when they name one. */
export function mysqlUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [env.DB_CHECK_URL, env.DATABASE_URL, env.TEST_DATABASE_URL].find((u) => u && /^(mysql|mariadb):/.test(u));
}
