import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Column, Entity, Index, LessThan, MoreThan, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../lib/app-error';
import { isLockConflict, isUniqueViolation } from '../../lib/db-errors';

/**
 * A short lease on one Pi payment: whoever holds it is the only one talking to Pi about that
 * payment, across requests, instances and jobs. A row per payment being worked on; a holder
 * that died leaves a row that simply expires.
 */
@Entity('payment_leases')
export class PaymentLease {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  piPaymentId!: string;

  @Column({ type: 'varchar', length: 64 })
  holder!: string;

  @Index('IDX_payment_leases_expires')
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;
}

export interface LeaseOptions {
  /** How long a lease lasts without renewal; renewed every third of it while held. */
  ttlMs: number;
  /** How long a caller waits for a lease held by someone else before giving up (503 PAYMENT_BUSY). */
  waitMs: number;
}

/**
 * Leases over the database, so they hold between API processes on one database (MySQL,
 * MariaDB, SQLite alike): a lease is taken by inserting its row, or by taking over a row whose
 * time ran out (a conditional UPDATE that only one taker can win). Within one process, callers
 * for the same payment queue in memory first, so only one of them polls the database.
 */
export class PaymentLeases {
  private readonly local = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ds: DataSource,
    private readonly opts: LeaseOptions,
  ) {}

  /** Runs `work` while holding the lease on `piPaymentId`; the lease is released afterwards, whatever happens. */
  run<T>(piPaymentId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.local.get(piPaymentId) ?? Promise.resolve();
    // One deadline for the whole wait, in this process's queue and then on the database.
    const deadline = Date.now() + this.opts.waitMs;
    const mine = this.waitTurn(previous, piPaymentId).then(() => this.holding(piPaymentId, work, deadline));
    const tail = mine.catch(() => undefined);
    this.local.set(piPaymentId, tail);
    void tail.then(() => {
      if (this.local.get(piPaymentId) === tail) this.local.delete(piPaymentId);
    });
    return mine;
  }

  /** Is someone working on any of these payments with Pi right now? (Read inside the caller's transaction.) */
  async anyHeld(em: EntityManager, piPaymentIds: string[]): Promise<boolean> {
    if (piPaymentIds.length === 0) return false;
    const rows = await em
      .getRepository(PaymentLease)
      .createQueryBuilder('l')
      .where('l.piPaymentId IN (:...ids)', { ids: piPaymentIds })
      .andWhere('l.expiresAt > :now', { now: new Date() })
      .getCount();
    return rows > 0;
  }

  /**
   * Waits for the caller ahead in this process, but not past `waitMs`: behind a holder stuck on
   * a slow Pi, a duplicate answers PAYMENT_BUSY instead of queueing for minutes. (Giving up here
   * never lets two work at once: the database lease is still taken below.)
   */
  private async waitTurn(previous: Promise<unknown>, piPaymentId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'busy'>((resolve) => {
      timer = setTimeout(() => resolve('busy'), this.opts.waitMs);
      timer.unref();
    });
    const outcome = await Promise.race([previous.then(() => 'turn', () => 'turn'), timedOut]);
    clearTimeout(timer);
    if (outcome === 'busy') throw busy(piPaymentId);
  }

  private async holding<T>(piPaymentId: string, work: () => Promise<T>, deadline: number): Promise<T> {
    const holder = randomUUID();
    await this.acquire(piPaymentId, holder, deadline);
    const renewal = setInterval(() => {
      this.renew(piPaymentId, holder).catch(() => undefined);
    }, Math.max(50, Math.floor(this.opts.ttlMs / 3)));
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.release(piPaymentId, holder).catch(() => undefined);
    }
  }

  private async acquire(piPaymentId: string, holder: string, deadline: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (await this.tryTake(piPaymentId, holder)) return;
      if (Date.now() >= deadline) throw busy(piPaymentId);
      // Back off from 10 ms up to 200 ms, with jitter, so waiters in other processes do not poll in step.
      await sleep(Math.min(200, 10 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
  }

  private async tryTake(piPaymentId: string, holder: string): Promise<boolean> {
    try {
      return await this.ds.transaction(async (em) => {
        const repo = em.getRepository(PaymentLease);
        const now = new Date();
        const expiresAt = new Date(now.getTime() + this.opts.ttlMs);
        const current = await repo.findOne({ where: { piPaymentId } });
        if (!current) {
          // Two takers inserting at once: the primary key lets one win, the other sees a duplicate.
          await repo.insert({ piPaymentId, holder, expiresAt });
          return true;
        }
        if (current.expiresAt > now) return false;
        // The holder's time ran out: take it over, unless another taker did so first.
        const taken = await repo.update({ piPaymentId, holder: current.holder, expiresAt: LessThan(now) }, { holder, expiresAt });
        return !!taken.affected;
      });
    } catch (err) {
      if (isUniqueViolation(err) || isLockConflict(err)) return false;
      throw err;
    }
  }

  private async renew(piPaymentId: string, holder: string): Promise<void> {
    await this.ds.transaction((em) =>
      em.getRepository(PaymentLease).update({ piPaymentId, holder, expiresAt: MoreThan(new Date()) }, { expiresAt: new Date(Date.now() + this.opts.ttlMs) }),
    );
  }

  private async release(piPaymentId: string, holder: string): Promise<void> {
    await this.ds.transaction((em) => em.getRepository(PaymentLease).delete({ piPaymentId, holder }));
  }
}

const busy = (piPaymentId: string) =>
  new AppError('PAYMENT_BUSY', 'Another request is settling this payment with Pi right now; try again in a few seconds', { piPaymentId });
