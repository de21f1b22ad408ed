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

/** MySQL/MariaDB errnos after which the whole transaction may simply be run again. */
const RETRYABLE_ERRNOS = new Set([
  1213, // ER_LOCK_DEADLOCK: InnoDB chose this transaction as the deadlock victim (rolled back)
  1205, // ER_LOCK_WAIT_TIMEOUT: a row lock was not granted within innodb_lock_wait_timeout
]);

/** True for a deadlock or lock-wait timeout: the transaction was rolled back and may be retried. */
export function isTransientLockError(err: unknown): boolean {
  const driverError = (err as { driverError?: { errno?: number; code?: string } } | null)?.driverError;
  const errno = driverError?.errno ?? (err as { errno?: number } | null)?.errno;
  const code = driverError?.code ?? (err as { code?: string } | null)?.code;
  return (errno !== undefined && RETRYABLE_ERRNOS.has(errno)) || code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}
