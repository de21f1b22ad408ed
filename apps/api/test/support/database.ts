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

/** MySQL/MariaDB databases of this jest worker in use right now (a slot is reused once cleaned up). */
const busySlots = new Set<number>();

function takeSlot(): number {
  let slot = 0;
  while (busySlots.has(slot)) slot += 1;
  busySlots.add(slot);
  return slot;
}

/**
 * A migrated, empty database for one test app. SQLite: a new file. MySQL/MariaDB: a database
 * per jest worker and per app open at the same time (`<name>_w<worker>` for the first,
 * `_w<worker>_2`... for others), migrated once and emptied when taken, so a second app in
 * one test file never empties the first one's tables.
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
  const slot = takeSlot();
  const name = `${databaseNameOf(url)}_w${process.env.JEST_WORKER_ID ?? '1'}${slot ? `_${slot + 1}` : ''}`;
  try {
    await recreateMysqlDatabase(url, name, false);
    const config = mysqlConfig(url, name);
    const ds = await openDataSource(config);
    await runMigrations(ds);
    await emptyAllTables(ds);
    return { ds, config, cleanup: async () => void busySlots.delete(slot) };
  } catch (err) {
    busySlots.delete(slot);
    throw err;
  }
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
