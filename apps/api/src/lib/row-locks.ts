import type { DataSource, EntityManager } from 'typeorm';

/** SQLite serialises writers and refuses row locks; MySQL/MariaDB need them. */
export function supportsRowLocks(ds: DataSource | EntityManager): boolean {
  const type = 'connection' in ds ? ds.connection.options.type : ds.options.type;
  return type !== 'better-sqlite3';
}
