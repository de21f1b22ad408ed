import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 has ONE connection: TypeORM turns concurrent `transaction()` calls into nested
 * savepoints on it, so one request's rollback could undo another's work. On SQLite this queues
 * transactions one after another in this process (SQLite serialises writers anyway); on
 * MySQL/MariaDB it is a plain `ds.transaction`. Keep network calls out of `fn`.
 */
const queues = new WeakMap<DataSource, Promise<unknown>>();

export function inTransaction<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return ds.transaction(fn);
  const previous = queues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(fn));
  queues.set(ds, run.catch(() => undefined));
  return run;
}
