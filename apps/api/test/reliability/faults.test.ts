import fs from 'node:fs';
import mysql from 'mysql2/promise';
import type { SandboxFaults } from '@pishop/pi-sandbox';
import { openDataSource, setLockWait } from '../../src/db/database';
import { isConnectionLost } from '../../src/lib/db-errors';
import { PaymentLease } from '../../src/modules/payments/payment-lease';
import { testDatabaseKind } from '../support/database';
import { spawnApi, type ApiProcess } from '../support/process';
import { APP_WALLET, approveAndSubmit, buildWorld, createService, dbState, PI_KEY, piCustomer, post, startPayment, WEBHOOK_SECRET, type World } from '../payments/world';
import { emptyFigures, recordFigures } from './support/figures';
import { settlement } from './support/settlement';

const HOUR_MS = 3_600_000;
const kind = testDatabaseKind();

/** Runs `step` again (up to 5 times) when it met a pooled connection that had been KILLed. */
async function onLiveConnection<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= 5 || !isConnectionLost(err)) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Faults a payment meets in production: Pi answering 5xx, an HTML error page, 429, or not at
 * all; the database table locked past the lock timeout; connections killed mid-transaction
 * (MariaDB); the API process SIGKILLed during a storm of completes. Nothing is half-done, the
 * answers are clear, and the reconciler (driven tick by tick) settles every payment.
 */
describe('reliability: faults', () => {
  let w: World;
  const figures = emptyFigures();
  beforeAll(async () => {
    w = await buildWorld({ PI_API_TIMEOUT_MS: '400' });
    if (kind !== 'sqlite') setLockWait(w.t.ds, 1);
  });
  afterEach(() => w.pi.resetFaults());
  afterAll(async () => {
    recordFigures(__filename, figures);
    await w?.close();
  });

  const expireLeases = () => w.t.ds.createQueryBuilder().update(PaymentLease).set({ expiresAt: new Date(0) }).execute();
  const tick = () => w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
  const expectSettled = async (ids: string[]) => {
    const s = await settlement(w, ids);
    figures.lostPayments += s.lost.length;
    figures.doubledConfirmations += s.doubled.length;
    expect(s).toEqual({ lost: [], doubled: [], inconsistent: [] });
  };

  const PI_FAULTS: [string, (path: string) => SandboxFaults][] = [
    ['Pi answering 503', (path) => ({ platformErrors: [{ path, status: 503, error: 'service_unavailable', times: 20 }] })],
    ['an HTML error page', (path) => ({ platformErrors: [{ path, status: 502, error: 'bad_gateway', format: 'html', times: 20 }] })],
    ['429 from the rate limiter in front of Pi', (path) => ({ platformErrors: [{ path, status: 429, error: 'too_many_requests', times: 20 }] })],
    ['a hang', (path) => ({ delays: [{ path, delayMs: HOUR_MS, times: 20 }] })],
  ];

  describe.each(PI_FAULTS)('%s', (name, fault) => {
    const hang = name === 'a hang';
    it(hang
      ? 'on approve: a clear 503, the payment as it was; Pi acting an hour late meets its expiry, and the reconciler fails the payment'
      : 'on approve: a clear 503, the payment as it was; the SDK retry then the whole payment go through', async () => {
      const service = await createService(w);
      const customer = await piCustomer(w);
      const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
      await w.pi.setFaults(fault('/v2/payments/:id/approve'));
      figures.faultsInjected += 1;
      const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status: 503, code: 'PI_UNAVAILABLE' });
      expect((await dbState(w, orderNumber)).payments[0].status).toBe('pending');
      await w.pi.resetFaults();
      if (hang) {
        // Lets the hung call go on an hour late (as a slow Pi does): the payment has expired at Pi.
        await w.pi.advanceClock(HOUR_MS);
        const retry = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
        expect(retry.statusCode).toBe(409);
        await tick();
        expect((await dbState(w, orderNumber)).payments[0].status).toBe('failed');
      } else {
        const txid = await approveAndSubmit(w, customer.token, piPaymentId);
        const done = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
        expect(done.statusCode).toBe(200);
        expect((await dbState(w, orderNumber)).order.status).toBe('paid');
      }
      await expectSettled([piPaymentId]);
    });

    it('on complete: a clear 503, nothing confirmed; the reconciler confirms once Pi answers', async () => {
      const service = await createService(w);
      const customer = await piCustomer(w);
      const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
      const txid = await approveAndSubmit(w, customer.token, piPaymentId);
      await w.pi.setFaults(fault('/v2/payments/:id/complete'));
      figures.faultsInjected += 1;
      const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
      expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status: 503, code: 'PI_UNAVAILABLE' });
      const s = await dbState(w, orderNumber);
      expect({ order: s.order.status, payment: s.payments[0].status, messages: s.systemMessages.length }).toEqual({ order: 'pending', payment: 'initiated', messages: 0 });
      // Still failing: the reconciler changes nothing.
      await tick();
      expect((await dbState(w, orderNumber)).order.status).toBe('pending');
      await w.pi.resetFaults();
      await w.pi.advanceClock(HOUR_MS);
      await tick();
      expect((await dbState(w, orderNumber)).order.status).toBe('paid');
      await expectSettled([piPaymentId]);
    });
  });

  it('the payments table locked past the lock timeout: 503 and nothing half-done; the reconciler settles after', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    figures.faultsInjected += 1;
    let unlock: () => Promise<void>;
    if (kind === 'sqlite') {
      // Another process holds SQLite's write lock past busy_timeout.
      const other = await openDataSource(w.t.config.database);
      await other.query('BEGIN IMMEDIATE');
      unlock = async () => {
        await other.query('ROLLBACK');
        await other.destroy();
      };
    } else {
      const holder = w.t.ds.createQueryRunner();
      await holder.startTransaction();
      await holder.query('SELECT id FROM payments FOR UPDATE');
      unlock = async () => {
        await holder.rollbackTransaction();
        await holder.release();
      };
    }
    let res;
    try {
      res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    } finally {
      await unlock();
    }
    expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status: 503, code: expect.stringMatching(/^(SERVICE_UNAVAILABLE|PAYMENT_BUSY|PI_UNAVAILABLE)$/) });
    const s = await dbState(w, orderNumber);
    expect({ order: s.order.status, payment: s.payments[0].status, messages: s.systemMessages.length }).toEqual({ order: 'pending', payment: 'initiated', messages: 0 });
    // A holder cut off mid-work leaves its lease to expire: the clock the test controls moves past it.
    await expireLeases();
    await tick();
    expect((await dbState(w, orderNumber)).order.status).toBe('paid');
    await expectSettled([piPaymentId]);
  });

  // SQLite has no connections to kill: MariaDB/MySQL only.
  if (kind !== 'sqlite') it('connections killed mid-transaction during a storm of completes (KILL): settled by the reconciler', async () => {
    const service = await createService(w);
    const ids: string[] = [];
    const completes: { token: string; piPaymentId: string; txid: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const customer = await piCustomer(w);
      const { piPaymentId } = await startPayment(w, customer, service);
      ids.push(piPaymentId);
      completes.push({ token: customer.token, piPaymentId, txid: await approveAndSubmit(w, customer.token, piPaymentId) });
    }
    const db = w.t.config.database as { url: string };
    const name = new URL(db.url).pathname.slice(1);
    const killer = await mysql.createConnection({ uri: db.url.replace(/^mariadb:/, 'mysql:') });
    let killed = 0;
    let storming = true;
    const kill = (async () => {
      while (storming) {
        const [rows] = await killer.query('SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() AND COMMAND <> ?', [name, 'Sleep']);
        for (const { ID } of rows as { ID: number }[]) {
          await killer.query(`KILL ${Number(ID)}`).then(() => (killed += 1), () => undefined);
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const answers = await Promise.all(completes.flatMap((c) => [1, 2, 3].map(() => post(w, c.token, '/api/v1/pi/complete', { paymentId: c.piPaymentId, txid: c.txid }))));
    storming = false;
    await kill;
    await killer.end();
    figures.faultsInjected += killed;
    figures.extra.connectionsKilled = (figures.extra.connectionsKilled ?? 0) + killed;
    const bad = answers.filter((r) => r.statusCode >= 500 && r.statusCode !== 503).map((r) => r.body);
    figures.serverErrors += bad.length;
    expect(bad).toEqual([]);
    // A connection KILLed just as it went back to the pool is found dead only by its next
    // query: like the reconciler's next run in production, these steps go again on a fresh one.
    // A step cut off by a dead connection leaves its lease to expire: the test's clock moves past it.
    for (let i = 0; i < 3; i++) {
      await onLiveConnection(expireLeases);
      await onLiveConnection(tick);
    }
    await expectSettled(ids);
  }, 300_000);

  describe('the API SIGKILLed during a storm of completes, then restarted', () => {
    let api: ApiProcess | null = null;
    afterEach(async () => {
      await api?.kill();
      api = null;
    });

    it('leaves nothing half-done, and the reconciler settles every payment', async () => {
      const service = await createService(w);
      const jobs: { token: string; piPaymentId: string; txid: string }[] = [];
      for (let i = 0; i < 10; i++) {
        const customer = await piCustomer(w);
        const { piPaymentId } = await startPayment(w, customer, service);
        jobs.push({ token: customer.token, piPaymentId, txid: await approveAndSubmit(w, customer.token, piPaymentId) });
      }
      const db = w.t.config.database;
      const env = {
        DATABASE_URL: db.driver === 'sqlite' ? `sqlite:${db.path}` : db.url.replace(/^mysql:/, `${db.driver}:`),
        JWT_SECRET: w.t.jwtSecret,
        PI_API_BASE_URL: w.sandboxUrl,
        PI_HORIZON_URL: `${w.sandboxUrl}/ledger`,
        PI_API_KEY: PI_KEY,
        PI_APP_WALLET_ADDRESS: APP_WALLET,
        PI_WEBHOOK_SECRET: WEBHOOK_SECRET,
        PI_RECONCILE_INTERVAL_SECONDS: '0',
        MEDIA_JOB_CONCURRENCY: '0',
      };
      if (db.driver === 'sqlite') expect(fs.existsSync(db.path)).toBe(true);
      api = await spawnApi(env, 120_000);
      // Pi completes the first few, but its answers are held: the API is mid-step when it dies.
      await w.pi.clearCalls();
      await w.pi.setFaults({ delays: [{ path: '/v2/payments/:id/complete', delayMs: HOUR_MS, when: 'after', times: 4 }] });
      const storm = jobs.flatMap((j) =>
        [1, 2, 3].map(() =>
          fetch(`${api!.url}/api/v1/pi/complete`, {
            method: 'POST',
            headers: { authorization: `Bearer ${j.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ paymentId: j.piPaymentId, txid: j.txid }),
          }).then((r) => r.status, () => 'cut' as const),
        ),
      );
      // Kill once Pi has received the held completes (a wait that fails loudly, not a timer).
      const deadline = Date.now() + 120_000;
      while ((await w.pi.calls({ method: 'POST', path: '/v2/payments/:id/complete' })).length < 4) {
        if (Date.now() > deadline) throw new Error('Pi never received 4 completes from the API process');
        await new Promise((r) => setTimeout(r, 50));
      }
      await api.kill();
      figures.faultsInjected += 1;
      const statuses = await Promise.all(storm);
      figures.extra.sigkillCutRequests = (figures.extra.sigkillCutRequests ?? 0) + statuses.filter((s) => s === 'cut').length;
      const bad = statuses.filter((s) => typeof s === 'number' && s >= 500 && s !== 503);
      figures.serverErrors += bad.length;
      expect(bad).toEqual([]);
      await w.pi.resetFaults();
      await w.pi.advanceClock(HOUR_MS);

      // Restarted: it serves again, and the reconciler settles what the dead process left.
      api = await spawnApi(env, 120_000);
      expect((await fetch(`${api.url}/api/v1/health`)).status).toBe(200);
      await expireLeases();
      for (let i = 0; i < 3; i++) await tick();
      await expectSettled(jobs.map((j) => j.piPaymentId));
      for (const j of jobs) expect((await w.pi.getPayment(j.piPaymentId)).status.developer_completed).toBe(true);
    }, 300_000);
  });
});
