import { AsyncLocalStorage } from 'node:async_hooks';
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
  if (db.driver === 'sqlite') serialiseTransactions(ds);
  return ds;
}

/**
 * better-sqlite3 has ONE connection, and TypeORM turns concurrent `transaction()` calls into
 * nested savepoints on it: one request's rollback could undo another's work. So on SQLite each
 * transaction waits for the previous one (SQLite serialises writers anyway); a transaction
 * started inside another joins it as before. MySQL/MariaDB use a connection per transaction.
 */
function serialiseTransactions(ds: DataSource): void {
  const manager = ds.manager;
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const inside = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return begin(...args);
    const run = tail.then(() => inside.run(true, () => begin(...args)));
    tail = run.catch(() => undefined);
    return run;
  }) as EntityManager['transaction'];
}

export async function runMigrations(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** Pending schema changes between entities and the migrated database (empty = in sync). */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const log = await ds.driver.createSchemaBuilder().log();
  return log.upQueries.map((q) => q.query);
}
