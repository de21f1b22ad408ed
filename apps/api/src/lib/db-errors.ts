import { QueryFailedError } from 'typeorm';

/**
 * True when a write failed on a unique key (SQLite `SQLITE_CONSTRAINT_UNIQUE`/`_PRIMARYKEY`,
 * MySQL/MariaDB `ER_DUP_ENTRY`). Services check first and catch this as the last line of
 * defence against a concurrent writer.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string; errno?: number } }).driverError;
  const code = driverError?.code ?? '';
  return code === 'ER_DUP_ENTRY' || driverError?.errno === 1062 || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** MySQL/MariaDB deadlock (1213) or lock wait timeout (1205); SQLite's "database is busy". */
export function isLockConflict(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string; errno?: number } }).driverError;
  const code = driverError?.code ?? '';
  return driverError?.errno === 1213 || driverError?.errno === 1205 || code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}

/**
 * A deadlock or lock-wait timeout on MySQL/MariaDB: InnoDB rolled the transaction back (or
 * gave up waiting), so the whole transaction may simply be run again (db/database.ts).
 */
export function isTransientLockError(err: unknown): boolean {
  const code = (err as { driverError?: { code?: string } }).driverError?.code;
  return isLockConflict(err) && code !== 'SQLITE_BUSY';
}

/** The database connection died under the statement (KILLed, server restarted, network cut): nothing of it was committed. */
export function isConnectionLost(err: unknown): boolean {
  const e = err as { code?: string; errno?: number; driverError?: { code?: string; errno?: number }; message?: string };
  const code = e?.driverError?.code ?? e?.code ?? '';
  const errno = e?.driverError?.errno ?? e?.errno;
  return ['PROTOCOL_CONNECTION_LOST', 'ER_CONNECTION_KILLED', 'ECONNRESET', 'EPIPE', 'ER_SERVER_SHUTDOWN'].includes(code) || errno === 1927 || errno === 1053 || /connection (is in closed state|lost)/i.test(e?.message ?? '');
}
