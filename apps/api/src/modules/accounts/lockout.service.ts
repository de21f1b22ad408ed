import type { DataSource, EntityManager } from 'typeorm';
import { AccountErrorCodes as C, type LoginLockoutDto } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import type { AppConfig } from '../../config';
import { LoginAttempt } from './login-attempt.entity';

export type LockoutSettings = AppConfig['auth']['lockout'];

/** One counted sign-in attempt. */
export interface AttemptClaim {
  /** Set when this attempt was the last one allowed: the pair is locked from now until then. */
  lockedUntil: Date | null;
}

/**
 * Brute-force lockout in the spirit of django-axes: `maxFailures` sign-in attempts for one
 * login from one IP within `windowMinutes` lock that pair for `cooloffMinutes`, even for
 * the right password; a success clears the record; an admin can unlock.
 *
 * An attempt is counted BEFORE its password is checked (`claimAttempt`), by conditional
 * UPDATEs that the database applies one at a time (row locks on MySQL/MariaDB, one writer on
 * SQLite), so concurrent guesses, also from several instances, are counted one by one and at
 * most `maxFailures` passwords are ever checked per lock window; past the limit no password
 * is checked at all. A success deletes the record (its attempt was not a failure).
 */
export class LockoutService {
  constructor(
    private readonly ds: DataSource,
    private readonly settings: LockoutSettings,
  ) {}

  /**
   * Counts one attempt for the pair, or throws ACCOUNT_LOCKED (no password may be checked).
   * Unknown logins are counted exactly like accounts, so the answers never tell them apart.
   * The claim says whether this very attempt used up the limit (and so locked the pair).
   */
  async claimAttempt(login: string, ip: string): Promise<AttemptClaim> {
    // A success deleting the record between the two steps below leaves nothing to claim: go again.
    for (let round = 0; round < 3; round++) {
      const outcome = await this.tryClaim(login, ip, new Date());
      if (outcome === 'locked') throw locked(await this.lockEnd(login, ip));
      if (outcome !== 'gone') return outcome;
    }
    throw locked(await this.lockEnd(login, ip));
  }

  private async tryClaim(login: string, ip: string, now: Date): Promise<AttemptClaim | 'locked' | 'gone'> {
    // The row exists first, committed on its own: inserting inside the locking transaction
    // below would make concurrent first attempts deadlock on InnoDB.
    // (Each statement runs in a transaction of its own so that an InnoDB deadlock is retried.)
    await this.ds.transaction((em) =>
      em
        .createQueryBuilder()
        .insert()
        .into(LoginAttempt)
        .values({ login, ip, failures: 0, firstFailureAt: now, lastFailureAt: now, lockedUntil: null })
        .orIgnore()
        .execute(),
    );
    return this.ds.transaction(async (em) => {
      const pair = { login, ip };
      const qb = () => em.createQueryBuilder().update(LoginAttempt);
      // A finished lock, or a count older than the window, starts over.
      const windowStart = new Date(now.getTime() - this.settings.windowMinutes * 60_000);
      await qb()
        .set({ failures: 0, lockedUntil: null, firstFailureAt: now })
        .where('login = :login AND ip = :ip', pair)
        .andWhere('((lockedUntil IS NOT NULL AND lockedUntil <= :now) OR (lockedUntil IS NULL AND firstFailureAt < :windowStart))', { now, windowStart })
        .execute();
      // The claim itself: only while unlocked and under the limit.
      const claim = await qb()
        .set({ failures: () => 'failures + 1', lastFailureAt: now })
        .where('login = :login AND ip = :ip', pair)
        .andWhere('lockedUntil IS NULL AND failures < :max', { max: this.settings.maxFailures })
        .execute();
      if (!claim.affected) return (await em.getRepository(LoginAttempt).existsBy(pair)) ? 'locked' : 'gone';
      // The attempt that reaches the limit locks the pair now; its own password is still checked.
      // The row is locked by the claim above until commit, so only the claim that reached the
      // limit can set the lock here: its own answer, not the timing of others, says "locked".
      const lockedUntil = new Date(now.getTime() + this.settings.cooloffMinutes * 60_000);
      const lock = await qb()
        .set({ lockedUntil })
        .where('login = :login AND ip = :ip', pair)
        .andWhere('lockedUntil IS NULL AND failures >= :max', { max: this.settings.maxFailures })
        .execute();
      return { lockedUntil: lock.affected ? lockedUntil : null };
    });
  }

  /**
   * After a wrong password: ACCOUNT_LOCKED when that attempt used up the limit, else nothing.
   * Earlier attempts still answer INVALID_CREDENTIALS even if they finish after the lock was
   * set, so N concurrent guesses always get the same answers, for accounts and unknown logins alike.
   */
  assertNotLockedAfterFailure(claim: AttemptClaim): void {
    if (claim.lockedUntil) throw locked(claim.lockedUntil);
  }

  /** When the pair's lock ends (a lock being set right now by a concurrent attempt: a full cool-off). */
  private async lockEnd(login: string, ip: string): Promise<Date> {
    const row = await this.ds.getRepository(LoginAttempt).findOne({ where: { login, ip } });
    return row?.lockedUntil && row.lockedUntil.getTime() > Date.now()
      ? row.lockedUntil
      : new Date(Date.now() + this.settings.cooloffMinutes * 60_000);
  }

  /** A successful sign-in forgets the failures of that pair. */
  async reset(login: string, ip: string): Promise<void> {
    // In a transaction: racing a claim, InnoDB may pick this DELETE as a deadlock victim (retried).
    await this.ds.transaction((em) => em.getRepository(LoginAttempt).delete({ login, ip }));
  }

  /** Forgets every record of these logins (password reset, admin unlock of a user). */
  async resetLogins(logins: string[], em?: EntityManager): Promise<void> {
    if (!em) return this.ds.transaction((tx) => this.resetLogins(logins, tx));
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
