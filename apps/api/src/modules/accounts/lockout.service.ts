import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { AccountErrorCodes as C, type LoginLockoutDto } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { supportsRowLocks } from '../../lib/row-locks';
import type { AppConfig } from '../../config';
import { LoginAttempt } from './login-attempt.entity';

export type LockoutSettings = AppConfig['auth']['lockout'];

/**
 * Brute-force lockout in the spirit of django-axes: `maxFailures` failed sign-ins for one
 * login from one IP within `windowMinutes` lock that pair for `cooloffMinutes`, even for
 * the right password; a success clears the record; an admin can unlock.
 */
export class LockoutService {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: LockoutSettings,
  ) {}

  /** Refuses when the pair is locked now. */
  async assertNotLocked(login: string, ip: string): Promise<void> {
    const row = await this.ds.getRepository(LoginAttempt).findOne({
      where: { login, ip, lockedUntil: MoreThan(new Date()) },
    });
    if (row?.lockedUntil) throw locked(row.lockedUntil);
  }

  /** Counts a failure; returns the lock end when this failure locks the pair. */
  async recordFailure(login: string, ip: string): Promise<Date | null> {
    for (let attempt = 0; ; attempt++) {
      const now = new Date();
      // Make sure the row exists first, committed on its own (INSERT IGNORE / INSERT OR IGNORE):
      // inserting inside the locking transaction below deadlocks concurrent first failures on InnoDB.
      await this.ds
        .createQueryBuilder()
        .insert()
        .into(LoginAttempt)
        .values({ login, ip, failures: 0, firstFailureAt: now, lastFailureAt: now, lockedUntil: null })
        .orIgnore()
        .execute();
      const outcome = await this.ds.transaction(async (em) => {
        const repo = em.getRepository(LoginAttempt);
        const row = await repo.findOne({ where: { login, ip }, ...lockFor(em) });
        if (!row) return undefined; // a success just cleared it: start again
        this.count(row, now);
        await repo.save(row);
        return row.lockedUntil;
      });
      if (outcome !== undefined || attempt >= 2) return outcome ?? null;
    }
  }

  /** One more failure on the row: a new count after the window or a finished lock; lock at the limit. */
  private count(row: LoginAttempt, now: Date): void {
    const windowStart = now.getTime() - this.settings.windowMinutes * 60_000;
    const lockOver = row.lockedUntil !== null && row.lockedUntil.getTime() <= now.getTime();
    if (row.failures === 0 || lockOver || row.firstFailureAt.getTime() < windowStart) {
      row.failures = 1;
      row.firstFailureAt = now;
      row.lockedUntil = null;
    } else {
      row.failures += 1;
    }
    row.lastFailureAt = now;
    if (row.failures >= this.settings.maxFailures && !row.lockedUntil) {
      row.lockedUntil = new Date(now.getTime() + this.settings.cooloffMinutes * 60_000);
    }
  }

  /** A successful sign-in forgets the failures of that pair. */
  async reset(login: string, ip: string): Promise<void> {
    await this.ds.getRepository(LoginAttempt).delete({ login, ip });
  }

  /** Forgets every record of these logins (password reset, admin unlock of a user). */
  async resetLogins(logins: string[], em: EntityManager = this.ds.manager): Promise<void> {
    for (const login of logins) await em.getRepository(LoginAttempt).delete({ login });
  }

  toDto(row: LoginAttempt): LoginLockoutDto {
    return {
      id: row.id,
      login: row.login,
      ip: row.ip,
      failures: row.failures,
      firstFailureAt: row.firstFailureAt.toISOString(),
      lastFailureAt: row.lastFailureAt.toISOString(),
      lockedUntil: row.lockedUntil ? row.lockedUntil.toISOString() : null,
      locked: !!row.lockedUntil && row.lockedUntil.getTime() > Date.now(),
    };
  }
}

export function locked(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(
    C.ACCOUNT_LOCKED,
    `Too many failed sign-ins; this account is locked from your network for ${humanDuration(retryAfterSeconds)}`,
    { retryAfterSeconds, lockedUntil: until.toISOString() },
  );
}

function humanDuration(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

function lockFor(em: EntityManager) {
  return supportsRowLocks(em) ? { lock: { mode: 'pessimistic_write' as const } } : {};
}
