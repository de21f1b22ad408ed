import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import { testDatabaseKind } from '../support/database';
import { spawnApi, type ApiProcess } from '../support/process';
import { APP_WALLET, buildWorld, createService, dbState, piCustomer, PI_KEY, post, startPayment, type World } from './world';

const JWT_SECRET = 'one-pi-call-test-secret-0123456789abcdef';

type Answer = { statusCode: number; status?: string };

/**
 * One Pi call per step: however many duplicates arrive at once, and on however many API
 * instances, Pi gets exactly one /approve and one /complete, and the order is paid once.
 */
describe('exactly one Pi /approve and one /complete', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld({ JWT_SECRET });
  });
  afterAll(() => w.close());

  async function storm(send: (i: number) => Promise<Answer>, n = 100): Promise<Answer[]> {
    return Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  }

  const inject = (token: string, url: string, body: object) => async (): Promise<Answer> => {
    const res: LightMyRequestResponse = await post(w, token, url, body);
    return { statusCode: res.statusCode, status: res.json().status };
  };

  async function payWith(send: (token: string, url: string, body: object, i: number) => Promise<Answer>) {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);

    const approves = await storm((i) => send(customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId }, i));
    expect(approves.filter((a) => a.statusCode !== 200)).toEqual([]);
    expect(new Set(approves.map((a) => a.status))).toEqual(new Set(['initiated']));
    const { txid } = await w.pi.submit(piPaymentId);
    const completes = await storm((i) => send(customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid }, i));
    expect(completes.filter((a) => a.statusCode !== 200)).toEqual([]);
    expect(new Set(completes.map((a) => a.status))).toEqual(new Set(['confirmed']));

    // Counted where Pi would count them: at the sandbox.
    expect(await w.pi.calls({ method: 'POST', path: `/v2/payments/${piPaymentId}/approve` })).toHaveLength(1);
    expect(await w.pi.calls({ method: 'POST', path: `/v2/payments/${piPaymentId}/complete` })).toHaveLength(1);
    const s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.payments.map((p) => p.status)).toEqual(['confirmed']);
    expect(s.systemMessages).toHaveLength(1);
    expect(s.events.filter((e) => e.statusAfter === 'confirmed' && e.outcome === 'applied')).toHaveLength(1);
    expect(s.events.filter((e) => e.source === 'approve')).toHaveLength(100);
    expect(s.events.filter((e) => e.source === 'complete')).toHaveLength(100);
  }

  it('100 duplicate approves, then 100 duplicate completes, all at once on one instance', async () => {
    await payWith((token, url, body) => inject(token, url, body)());
  }, 120_000); // 200 requests through the lease queue: slow on a busy machine

  describe('split across two API instances on one database', () => {
    let second: ApiProcess | null = null;
    let secondApp: World['app'] | null = null;
    beforeAll(async () => {
      if (testDatabaseKind() === 'sqlite') {
        // SQLite is one writer on one connection: a second instance is a second app on it.
        secondApp = await buildApp(w.t.config, { dataSource: w.t.ds, closeDataSource: false, logger: false, serveSpas: false });
        await secondApp.ready();
        return;
      }
      const db = w.t.config.database as { driver: 'mysql' | 'mariadb'; url: string };
      second = await spawnApi({
        DATABASE_URL: db.url.replace(/^mysql:/, `${db.driver}:`),
        JWT_SECRET,
        PI_API_BASE_URL: w.sandboxUrl,
        PI_HORIZON_URL: `${w.sandboxUrl}/ledger`,
        PI_API_KEY: PI_KEY,
        PI_APP_WALLET_ADDRESS: APP_WALLET,
        PI_RECONCILE_INTERVAL_SECONDS: '0',
        MEDIA_JOB_CONCURRENCY: '0',
      });
    }, 120_000);
    afterAll(async () => {
      await second?.stop();
      await secondApp?.close();
    });

    it('half the duplicates reach each instance, and Pi still hears each step once', async () => {
      await payWith(async (token, url, body, i) => {
        if (i % 2 === 0) return inject(token, url, body)();
        if (secondApp) {
          const res = await secondApp.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: body });
          return { statusCode: res.statusCode, status: res.json().status };
        }
        const res = await fetch(`${second!.url}${url}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { statusCode: res.status, status: ((await res.json()) as { status?: string }).status };
      });
    }, 120_000);
  });
});
