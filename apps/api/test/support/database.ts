import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../src/config';
import { openDataSource, runMigrations } from '../../src/db/database';
import { databaseNameOf, mysqlConfig, recreateMysqlDatabase } from '../../src/db/scratch';

/** The database this test file runs on: MySQL/MariaDB with TEST_DATABASE_URL, else SQLite. */
export function testDatabaseKind(): 'sqlite' | 'mysql' | 'mariadb' {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return 'sqlite';
  return url.startsWith('mariadb:') ? 'mariadb' : 'mysql';
}

/**
 * A migrated, empty database for one test file. SQLite: a new file. MySQL/MariaDB: one
 * database per jest worker, migrated once and emptied for each file.
 */
export async function createTestDatabase(): Promise<{ ds: DataSource; config: DatabaseConfig; cleanup: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-test-'));
    const config: DatabaseConfig = { driver: 'sqlite', path: path.join(dir, 'test.sqlite') };
    const ds = await openDataSource(config);
    await runMigrations(ds);
    return { ds, config, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${databaseNameOf(url)}_w${process.env.JEST_WORKER_ID ?? '1'}`;
  await recreateMysqlDatabase(url, name, false);
  const config = mysqlConfig(url, name);
  const ds = await openDataSource(config);
  await runMigrations(ds);
  await emptyAllTables(ds);
  return { ds, config, cleanup: async () => {} };
}

async function emptyAllTables(ds: DataSource): Promise<void> {
  const tables = ds.entityMetadatas.map((m) => m.tablePath);
  const qr = ds.createQueryRunner();
  try {
    await qr.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const t of tables) await qr.query(`TRUNCATE TABLE \`${t}\``);
    await qr.query('SET FOREIGN_KEY_CHECKS = 1');
  } finally {
    await qr.release();
  }
}
