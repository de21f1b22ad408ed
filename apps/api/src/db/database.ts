import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import pRetry from 'p-retry';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig, DatabaseConfig } from '../config';
import { isTransientLockError } from '../lib/db-errors';
import { dataSourceOptions } from './data-source-options';

export interface OpenDataSourceOptions {
  /** MySQL/MariaDB: retries of a transaction after a deadlock or lock-wait timeout (default 3). */
  transactionRetries?: number;
  /** Called before each retry (tests count them; the server may log them). */
  onTransactionRetry?: (error: Error, attempt: number) => void;
  /** MySQL/MariaDB: seconds a statement waits for a row lock (the server's own default otherwise). */
  lockWaitSeconds?: number;
}

/** The database settings of a configured app (server and CLI commands alike). */
export function dataSourceSettings(config: AppConfig): OpenDataSourceOptions {
  return { transactionRetries: config.dbTransactionRetries, lockWaitSeconds: config.dbLockWaitSeconds };
}

/** Opens a DataSource (creating the SQLite file's folder) without touching the schema. */
export async function openDataSource(db: DatabaseConfig, opts: OpenDataSourceOptions = {}): Promise<DataSource> {
  if (db.driver === 'sqlite' && db.path !== ':memory:') {
    fs.mkdirSync(path.dirname(db.path), { recursive: true });
  }
  const ds = new DataSource(dataSourceOptions(db));
  await ds.initialize();
  if (db.driver === 'sqlite') serialiseTransactions(ds);
  else {
    retryTransientLockErrors(ds, opts.transactionRetries ?? 3, opts.onTransactionRetry);
    if (opts.lockWaitSeconds) setLockWait(ds, opts.lockWaitSeconds);
  }
  return ds;
}

/**
 * MySQL/MariaDB: every pooled connection waits at most `seconds` for a row lock, so a request
 * stuck behind a long lock fails (and is retried, above) well before the client gives up.
 * Set on a connection's first use, queued before the caller's own statements.
 */
export function setLockWait(ds: DataSource, seconds: number): void {
  type PooledConnection = { query(sql: string, callback: (err: Error | null) => void): void; destroy(): void };
  const pool = (ds.driver as unknown as { pool: { on(event: 'acquire', fn: (c: PooledConnection) => void): void } }).pool;
  const done = new WeakSet<PooledConnection>();
  pool.on('acquire', (conn) => {
    if (done.has(conn)) return;
    done.add(conn);
    // With a callback, an error (the connection killed meanwhile) is this connection's end, not an
    // unhandled 'error' event: the caller's own statement then fails as on any lost connection.
    conn.query(`SET SESSION innodb_lock_wait_timeout = ${Math.trunc(seconds)}`, (err) => {
      if (err) conn.destroy();
    });
  });
}

/**
 * InnoDB resolves a deadlock by rolling one transaction back (errno 1213) and gives up on a
 * lock after innodb_lock_wait_timeout (1205); both leave nothing half-done, so the whole
 * transaction callback runs again, up to `retries` times, after a short randomised backoff
 * (so the same two do not collide again). Every `ds.transaction` goes through here; a callback
 * must therefore do nothing outside the database that cannot be repeated.
 */
function retryTransientLockErrors(ds: DataSource, retries: number, onRetry?: OpenDataSourceOptions['onTransactionRetry']): void {
  const manager = ds.manager;
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) =>
    pRetry(() => begin(...args), {
      retries,
      factor: 2,
      minTimeout: 15,
      maxTimeout: 400,
      randomize: true,
      shouldRetry: ({ error }) => isTransientLockError(error),
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        if (isTransientLockError(error) && retriesLeft > 0) onRetry?.(error, attemptNumber);
      },
    })) as EntityManager['transaction'];
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
