import { inspect } from 'node:util';
import { Keypair } from '@stellar/stellar-sdk';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app';
import { ConfigError, loadConfig, type AppConfig } from '../../../src/config';
import { Secret } from '../../../src/lib/secret';
import { Refund, RefundEvent } from '../../../src/modules/payments/refunds/refund.entity';
import { PRODUCTION_ENV } from '../../support/app';
import { createUser, type CreatedUser } from '../../support/users';
import { APP_WALLET, buildWorld, get, PI_KEY, type World } from '../world';
import { a2uCreations, admin, appSequence, buildRefundWorld, paidPayment, refunds, requestRefund, SEED } from './helpers';

/** Another app on the same database and Pi, with other wallet settings (what a misconfigured deploy is). */
async function appWith(w: World, pi: Partial<AppConfig['pi']>): Promise<FastifyInstance> {
  const config: AppConfig = { ...w.t.config, pi: { ...w.t.config.pi, ...pi } };
  const app = await buildApp(config, { dataSource: w.t.ds, closeDataSource: false, logger: false, serveSpas: false });
  await app.ready();
  return app;
}

describe('the refund wallet seed', () => {
  it('a seed that is not the app wallet’s key stops the start, naming the setting but never printing the seed', () => {
    const other = Keypair.random();
    let error: unknown;
    try {
      loadConfig({ PI_API_KEY: PI_KEY, PI_APP_WALLET_ADDRESS: APP_WALLET, PI_WALLET_PRIVATE_SEED: other.secret() });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([{ key: 'PI_WALLET_PRIVATE_SEED', message: expect.stringContaining(`its public key is ${other.publicKey()}`) }]);
    expect(`${(error as Error).message} ${inspect(error)}`).not.toContain(other.secret());
    // Not a seed at all: refused by its shape, not echoed either.
    const garbled = `S${other.secret().slice(1, -1)}A`;
    expect(() => loadConfig({ PI_API_KEY: PI_KEY, PI_APP_WALLET_ADDRESS: APP_WALLET, PI_WALLET_PRIVATE_SEED: garbled })).toThrow(ConfigError);
    try {
      loadConfig({ PI_API_KEY: PI_KEY, PI_APP_WALLET_ADDRESS: APP_WALLET, PI_WALLET_PRIVATE_SEED: garbled });
    } catch (err) {
      expect(inspect(err)).not.toContain(garbled);
    }
    // The right seed is kept as a Secret; with the mounted sandbox its own seed is the default.
    expect(loadConfig({ PI_API_KEY: PI_KEY, PI_APP_WALLET_ADDRESS: APP_WALLET, PI_WALLET_PRIVATE_SEED: SEED }).pi.walletSeed?.reveal()).toBe(SEED);
    expect(loadConfig({ PI_API_KEY: PI_KEY, PI_APP_WALLET_ADDRESS: APP_WALLET }).pi.walletSeed).toBeUndefined();
    expect(loadConfig({}).pi.walletSeed?.reveal()).toBe(SEED);
    // In production the sandbox's public seed is never a real wallet's.
    expect(() => loadConfig({ ...PRODUCTION_ENV, PI_WALLET_PRIVATE_SEED: SEED })).toThrow(/PI_WALLET_PRIVATE_SEED: is the Pi sandbox's public development seed/);
  });

  describe('without a seed', () => {
    let w: World;
    let seller: CreatedUser;
    beforeAll(async () => {
      w = await buildWorld();
      seller = await admin(w);
    });
    afterAll(() => w.close());

    it('refunds are off, the admin is told why, and a request records and sends nothing', async () => {
      const availability = await get(w, seller.token, '/api/v1/admin/refunds/availability');
      expect(availability.json()).toEqual({ enabled: false, code: 'REFUNDS_DISABLED', reason: expect.stringContaining('PI_WALLET_PRIVATE_SEED'), appWallet: APP_WALLET });
      const paid = await paidPayment(w);
      const [created, seq] = [await a2uCreations(w), await appSequence(w)];
      const res = await requestRefund(w.app, seller.token, paid.paymentId);
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'REFUNDS_DISABLED', message: expect.stringContaining('PI_WALLET_PRIVATE_SEED') });
      expect(await refunds(w)).toEqual([]);
      expect([await a2uCreations(w), await appSequence(w)]).toEqual([created, seq]);
      expect((await w.app.paymentsReconciler.run({ olderThanSeconds: 0 })).refunds).toMatchObject({ checked: 0 });
    });
  });

  describe('a wrong seed or wallet', () => {
    let w: World;
    let seller: CreatedUser;
    let other: FastifyInstance | null = null;
    beforeAll(async () => {
      w = await buildRefundWorld();
      seller = await admin(w);
    });
    afterEach(async () => {
      await other?.close();
      other = null;
    });
    afterAll(() => w.close());

    it('a seed that is not the app wallet’s key is refused at refund time before anything is recorded or sent', async () => {
      const paid = await paidPayment(w);
      const wrong = Keypair.random();
      other = await appWith(w, { walletSeed: new Secret(wrong.secret()) });
      const [created, seq] = [await a2uCreations(w), await appSequence(w)];

      const res = await requestRefund(other, seller.token, paid.paymentId);
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'REFUNDS_WALLET_MISMATCH', message: expect.stringContaining(wrong.publicKey()) });
      expect(res.body).not.toContain(wrong.secret());
      const availability = await other.inject({ method: 'GET', url: '/api/v1/admin/refunds/availability', headers: { authorization: `Bearer ${seller.token}` } });
      expect(availability.json()).toMatchObject({ enabled: false, code: 'REFUNDS_WALLET_MISMATCH' });
      expect(await refunds(w)).toEqual([]);
      expect([await a2uCreations(w), await appSequence(w)]).toEqual([created, seq]);
    });

    it("an unfinished refund is left alone by a server whose seed is wrong: its reconciler sends nothing", async () => {
      const paid = await paidPayment(w);
      await w.pi.setFaults({ platformErrors: [{ path: '/v2/payments', method: 'POST', status: 503, error: 'service_unavailable', times: 1 }] });
      const stuck = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '1', reason: 'Pi is down' });
      expect(stuck.json()).toMatchObject({ status: 'pending', lastError: { code: 'PI_UNAVAILABLE' } });
      other = await appWith(w, { walletSeed: undefined });
      const created = await a2uCreations(w);
      expect((await other.paymentsReconciler.run({ olderThanSeconds: 0 })).refunds).toMatchObject({ checked: 0 });
      expect(await a2uCreations(w)).toBe(created);
      // The right server finishes it.
      expect((await w.app.paymentsReconciler.run({ olderThanSeconds: 0 })).refunds).toMatchObject({ completed: 1 });
    });

    it('Pi paying refunds from another wallet than the seed signs for is caught before signing: the A2U payment is cancelled', async () => {
      const paid = await paidPayment(w);
      const elsewhere = Keypair.random();
      // A deploy whose wallet settings agree with each other, but not with the Pi app's wallet.
      other = await appWith(w, { appWalletAddress: elsewhere.publicKey(), walletSeed: new Secret(elsewhere.secret()) });
      const seq = await appSequence(w);
      const res = await requestRefund(other, seller.token, paid.paymentId);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'failed', txid: null, lastError: { code: 'REFUNDS_WALLET_MISMATCH' }, failureReason: expect.stringContaining('nothing was signed or sent') });
      expect((await w.pi.getPayment(res.json().piPaymentId)).status).toMatchObject({ cancelled: true, developer_completed: false });
      expect(await appSequence(w)).toBe(seq);
      // A failed refund does not count: the whole payment can still be refunded by the right server.
      expect((await requestRefund(w.app, seller.token, paid.paymentId)).json()).toMatchObject({ status: 'completed', amountPi: paid.amountPi });
    });
  });

  it('is never written to the log, an answer or the database', async () => {
    const lines: string[] = [];
    const w = await buildRefundWorld();
    // A second app on the same database and Pi with the same settings, logging everything it does.
    const config: AppConfig = { ...w.t.config, logLevel: 'trace' };
    expect(config.pi.walletSeed?.reveal()).toBe(SEED);
    const app = await buildApp(config, { dataSource: w.t.ds, closeDataSource: false, serveSpas: false, logStream: { write: (line) => void lines.push(line) } });
    await app.ready();
    try {
      const seller = await createUser(w.t, { role: 'admin' });
      const paid = await paidPayment(w);
      const answers: string[] = [];
      const ask = async (method: 'GET' | 'POST', url: string, payload?: object) => {
        const res = await app.inject({ method, url, headers: { authorization: `Bearer ${seller.token}`, 'idempotency-key': `k-${answers.length}` }, payload });
        answers.push(res.body);
        return res;
      };
      const done = await ask('POST', `/api/v1/admin/payments/${paid.paymentId}/refund`, { amountPi: '1', reason: 'Logged refund' });
      expect(done.json().status).toBe('completed');
      await w.pi.setFaults({ platformErrors: [{ path: '/v2/payments/:id/complete', method: 'POST', status: 503, error: 'service_unavailable', times: 1 }] });
      expect((await ask('POST', `/api/v1/admin/payments/${paid.paymentId}/refund`, { amountPi: '1', reason: 'Stopped refund' })).json().status).toBe('submitted');
      expect((await ask('POST', `/api/v1/admin/payments/${paid.paymentId}/refund`, { amountPi: '100', reason: 'Too much' })).statusCode).toBe(422);
      expect((await app.paymentsReconciler.run({ olderThanSeconds: 0 })).refunds).toMatchObject({ completed: 1 });
      for (const url of ['/api/v1/admin/refunds', `/api/v1/admin/refunds/${done.json().id}`, '/api/v1/admin/refunds/availability', `/api/v1/admin/payments/${paid.paymentId}`, '/api/docs/json']) {
        expect((await ask('GET', url)).statusCode).toBe(200);
      }
      // Whatever a developer might log by mistake: the config, an env dump, the setting itself.
      app.log.info({ config }, 'the whole config');
      app.log.info({ env: { PI_WALLET_PRIVATE_SEED: SEED } }, 'an env dump');
      app.log.info({ PI_WALLET_PRIVATE_SEED: SEED }, 'a setting');

      const log = lines.join('');
      expect(log).toContain('refunds: resume finished');
      expect(log).toContain('"walletSeed":"[Redacted]"');
      expect(log).toContain('"env":{"PI_WALLET_PRIVATE_SEED":"[Redacted]"}');
      const raw = Keypair.fromSecret(SEED).rawSecretKey();
      const rows = JSON.stringify([await w.t.ds.getRepository(Refund).find(), await w.t.ds.getRepository(RefundEvent).find()]);
      for (const text of [log, answers.join('\n'), rows, JSON.stringify(config), inspect(config, { depth: 10 }), String(config.pi.walletSeed)]) {
        expect(text).not.toContain(SEED);
        expect(text).not.toContain(raw.toString('hex'));
        expect(text).not.toContain(raw.toString('base64'));
      }
    } finally {
      await app.close();
      await w.close();
    }
  });
});
