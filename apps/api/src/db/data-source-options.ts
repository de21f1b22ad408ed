import path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { entities } from './entities';

export type MigrationSet = 'sqlite' | 'mysql';

export function migrationSetFor(db: DatabaseConfig): MigrationSet {
  return db.driver === 'sqlite' ? 'sqlite' : 'mysql';
}

/** Migrations are generated per SQL dialect: SQLite and MySQL/MariaDB. */
export function migrationsDir(set: MigrationSet): string {
  return path.join(__dirname, 'migrations', set);
}

/** One DataSource definition for both drivers; schema changes only through migrations. */
export function dataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const migrations = [path.join(migrationsDir(migrationSetFor(db)), '*.{ts,js}')];
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (db.driver === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      // WAL lets readers proceed while one writer holds the lock; foreign keys are off by default in SQLite.
      prepareDatabase: (conn: { pragma: (sql: string) => unknown }) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    // The two types differ on JSON columns: `mysql` against MariaDB makes migrations drop and re-add them.
    type: db.driver,
    url: db.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    extra: { connectionLimit: 10 },
  };
}
