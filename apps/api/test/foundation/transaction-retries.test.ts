import type { DataSource } from 'typeorm';
import { openDataSource } from '../../src/db/database';
import { isTransientLockError } from '../../src/lib/db-errors';
import { createTestDatabase, testDatabaseKind } from '../support/database';

/** Two transactions that take two rows in opposite orders: a textbook deadlock on InnoDB. */
async function opposingTransactions(ds: DataSource) {
  const attempts = { a: 0, b: 0 };
  let firstLocks = 0;
  let release!: () => void;
  const bothHoldOneRow = new Promise<void>((resolve) => (release = resolve));
  const holdThenTake = (name: 'a' | 'b', first: number, second: number) =>
    ds.transaction(async (em) => {
      attempts[name] += 1;
      await em.query('UPDATE retry_probe SET v = v + 1 WHERE id = ?', [first]);
      // Only the first attempts meet in the middle; a retry goes straight through.
      if (attempts[name] === 1) {
        if (++firstLocks === 2) release();
        await bothHoldOneRow;
      }
      await em.query('UPDATE retry_probe SET v = v + 1 WHERE id = ?', [second]);
    });
  await Promise.all([holdThenTake('a', 1, 2), holdThenTake('b', 2, 1)]);
  return attempts;
}

describe('transactions and lock conflicts', () => {
  const kind = testDatabaseKind();
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  const retried: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // A second DataSource on the same database, with a small retry budget and a retry counter.
    ds = kind === 'sqlite' ? db.ds : await openDataSource(db.config, { transactionRetries: 2, lockWaitSeconds: 1, onTransactionRetry: (_e, n) => retried.push(n) });
    await db.ds.query('DROP TABLE IF EXISTS retry_probe');
    await db.ds.query('CREATE TABLE retry_probe (id INT PRIMARY KEY, v INT NOT NULL)');
  });
  beforeEach(async () => {
    retried.length = 0;
    await db.ds.query('DELETE FROM retry_probe');
    await db.ds.query('INSERT INTO retry_probe (id, v) VALUES (1, 0), (2, 0)');
  });
  afterAll(async () => {
    await db.ds.query('DROP TABLE IF EXISTS retry_probe');
    if (ds !== db.ds) await ds.destroy();
    await db.ds.destroy();
    await db.cleanup();
  });

  const values = async () => (await db.ds.query('SELECT id, v FROM retry_probe ORDER BY id')).map((r: { v: number }) => Number(r.v));

  if (kind === 'sqlite') {
    it('SQLite runs one transaction at a time: opposite write orders never interleave, so never deadlock', async () => {
      const log: string[] = [];
      const writeBoth = (name: string, first: number, second: number) =>
        ds.transaction(async (em) => {
          log.push(`${name} begins`);
          await em.query('UPDATE retry_probe SET v = v + 1 WHERE id = ?', [first]);
          await new Promise((r) => setImmediate(r));
          await em.query('UPDATE retry_probe SET v = v + 1 WHERE id = ?', [second]);
          log.push(`${name} commits`);
        });
      await Promise.all([writeBoth('a', 1, 2), writeBoth('b', 2, 1)]);
      expect(log).toEqual(['a begins', 'a commits', 'b begins', 'b commits']);
      expect(await values()).toEqual([2, 2]);
    });
  } else {
    it('a deadlock victim is rolled back and run again, and both transactions commit once', async () => {
      const attempts = await opposingTransactions(ds);
      // InnoDB picked exactly one victim (errno 1213); it ran a second time.
      expect(retried).toEqual([1]);
      expect(attempts.a + attempts.b).toBe(3);
      expect(await values()).toEqual([2, 2]);
    });

    it('waits DB_LOCK_WAIT_SECONDS for a row lock on every pooled connection', async () => {
      const waits = await Promise.all([1, 2, 3].map(() => ds.query('SELECT @@SESSION.innodb_lock_wait_timeout AS s')));
      expect(waits.map((rows) => Number(rows[0].s))).toEqual([1, 1, 1]);
    });

    describe('lock-wait timeouts (errno 1205)', () => {
      let holder: ReturnType<DataSource['createQueryRunner']>;
      beforeEach(async () => {
        holder = db.ds.createQueryRunner();
        await holder.startTransaction();
        await holder.query('SELECT v FROM retry_probe WHERE id = 1 FOR UPDATE');
      });
      afterEach(async () => {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      });
      const bump = (onAttempt: (n: number) => Promise<void> | void = () => undefined) => {
        let attempts = 0;
        const run = ds.transaction(async (em) => {
          attempts += 1;
          await onAttempt(attempts);
          await em.query('UPDATE retry_probe SET v = v + 1 WHERE id = 1');
        });
        return { run, attempts: () => attempts };
      };

      it('is retried: the row is free by the second attempt, which commits', async () => {
        // The lock holder commits as soon as the first attempt has timed out.
        const t = bump(async (n) => {
          if (n === 2) await holder.commitTransaction();
        });
        await t.run;
        expect(t.attempts()).toBe(2);
        expect(retried).toEqual([1]);
        expect(await values()).toEqual([1, 0]);
      });

      it('gives up after the retry budget (2 retries: 3 attempts) with the database error', async () => {
        const t = bump();
        const error = await t.run.then(() => undefined, (err: unknown) => err);
        expect(isTransientLockError(error)).toBe(true);
        expect((error as { driverError: { errno: number } }).driverError.errno).toBe(1205);
        expect(t.attempts()).toBe(3);
        expect(retried).toEqual([1, 2]);
      });
    });
  }

  it('never retries other errors', async () => {
    let attempts = 0;
    const failing = ds.transaction(async (em) => {
      attempts += 1;
      await em.query('INSERT INTO retry_probe (id, v) VALUES (1, 0)');
    });
    await expect(failing).rejects.toThrow();
    expect(attempts).toBe(1);
    expect(retried).toEqual([]);
  });
});
