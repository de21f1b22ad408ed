import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { dataSourceOptions } from './data-source-options';

/** Opens a DataSource (creating the SQLite file's folder) without touching the schema. */
export async function openDataSource(db: DatabaseConfig): Promise<DataSource> {
  if (db.driver === 'sqlite' && db.path !== ':memory:') {
    fs.mkdirSync(path.dirname(db.path), { recursive: true });
  }
  const ds = new DataSource(dataSourceOptions(db));
  await ds.initialize();
  return ds;
}

export async function runMigrations(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** SQLite serialises writers and refuses row locks; MySQL/MariaDB need them. */
export function supportsRowLocks(ds: DataSource | EntityManager): boolean {
  const type = 'connection' in ds ? ds.connection.options.type : ds.options.type;
  return type !== 'better-sqlite3';
}

/** Pending schema changes between entities and the migrated database (empty = in sync). */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
