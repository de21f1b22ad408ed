import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { Asset, Horizon, Keypair, Memo, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { type HorizonTransaction, PI_SANDBOX_DEV_APP_WALLET_SEED, PiSandboxClient, type PlatformClient, piSandboxPlugin } from '../src';
import { API_KEY, failure } from './helpers';
import { MemoryStorage, PageTime, loadSdk, recordingCallbacks } from './sdk-harness';

/**
 * A parent app shaped like the API: its own error envelope, 404, reply serializer and JSON
 * parser. The sandbox must answer in Pi's shapes regardless.
 */
function parentApp(): FastifyInstance {
  // As the API's: its router options reach the sandbox's routes too.
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, _body, done) =>
    done(Object.assign(new Error('parent parser used'), { statusCode: 415 })),
  );
  app.setReplySerializer((payload) => JSON.stringify({ data: payload }));
  app.setErrorHandler((error: FastifyError, _request, reply) => reply.status(500).send({ error: { code: 'PARENT', message: error.message } }));
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'parent 404' } }));
  app.get('/api/v1/health', async () => ({ ok: true }));
  app.register(piSandboxPlugin, { prefix: '/pi-sandbox', apiKey: API_KEY, callbackRetryMs: 100 });
  return app;
}

describe('piSandboxPlugin mounted under /pi-sandbox in a parent app', () => {
  let app: FastifyInstance;
  let origin: string;
  let client: PiSandboxClient;
  let platform: PlatformClient;

  beforeAll(async () => {
    app = parentApp();
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
    client = new PiSandboxClient(`${origin}/pi-sandbox`);
    platform = client.platform(API_KEY);
  });
  afterAll(() => app.close());

  it('runs a whole payment under the prefix, with _link pointing at the prefixed ledger', async () => {
    const user = await client.createUser();
    const payment = await client.createPayment({ accessToken: user.accessToken, amount: 4.2, memo: 'Mounted', metadata: {} });
    await platform.approve(payment.identifier);
    const { txid } = await client.submit(payment.identifier);
    const done = await platform.complete(payment.identifier, txid);
    expect(done.transaction?._link).toBe(`${origin}/pi-sandbox/ledger/transactions/${txid}`);
    const tx = (await (await fetch(String(done.transaction?._link))).json()) as HorizonTransaction;
    expect(tx).toMatchObject({ hash: txid, memo: payment.identifier });
    expect(tx._links.self.href).toBe(`${origin}/pi-sandbox/ledger/transactions/${txid}`);
  });

  it("answers in Pi's error shape inside the prefix and leaves the parent's answers alone", async () => {
    expect((await failure(platform.get('nope'))).body).toEqual({ error: 'payment_not_found', error_message: expect.any(String) });
    const missing = await fetch(`${origin}/pi-sandbox/no-such-route`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found', error_message: expect.any(String) });

    expect(await (await fetch(`${origin}/api/v1/health`)).json()).toEqual({ data: { ok: true } });
    expect(await (await fetch(`${origin}/elsewhere`)).json()).toEqual({ error: { code: 'NOT_FOUND', message: 'parent 404' } });
  });

  it('parses its own JSON bodies even though the parent refuses JSON', async () => {
    const res = await fetch(`${origin}/pi-sandbox/control/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'carol' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ username: 'carol' });
  });

  it('serves sdk.js under the prefix, and the SDK talks to the prefixed sandbox', async () => {
    const time = new PageTime();
    const { Pi, contentType } = await loadSdk(`${origin}/pi-sandbox/sdk.js?v=2`, new MemoryStorage(), {}, time);
    expect(contentType).toMatch(/^text\/javascript/);
    await Pi.init({ version: '2.0', sandbox: true, autoConfirm: true });
    const auth = await Pi.authenticate(['username', 'payments'], () => undefined);
    expect((await platform.me(auth.accessToken)).uid).toBe(auth.user.uid);

    const rec = recordingCallbacks(
      {
        onReadyForServerApproval: (id) => platform.approve(String(id)),
        onReadyForServerCompletion: (id, txid) => platform.complete(String(id), String(txid)),
      },
      time,
    );
    Pi.createPayment({ amount: 0.5, memo: 'Via SDK', metadata: {} }, rec.callbacks);
    await time.runUntil(() => rec.names().includes('onReadyForServerCompletion'));
    await time.settle();
    const paid = await platform.get(String(rec.events[0].args[0]));
    expect(paid.status.developer_completed).toBe(true);
    expect(paid.transaction?._link).toMatch(new RegExp(`^${origin}/pi-sandbox/ledger/transactions/[0-9a-f]{64}$`));
  });

  it('serves the clock, the call log and App-to-User payments under the prefix', async () => {
    await client.clearCalls();
    const user = await client.createUser();
    const a2u = await platform.createAppToUser({ amount: 1, memo: 'Refund', metadata: {}, uid: user.uid });
    expect(a2u).toMatchObject({ direction: 'app_to_user', to_address: user.walletAddress });
    expect(await client.calls()).toEqual([
      { method: 'POST', path: '/v2/payments', route: '/v2/payments', at: expect.any(String), status: 200 },
    ]);
    const { offsetMs } = await client.advanceClock(1000);
    expect(offsetMs).toBeGreaterThanOrEqual(1000);
  });

  it('is a Horizon a Stellar SDK can use under the prefix: load, fee, time bounds, submit', async () => {
    const user = await client.createUser();
    const a2u = await platform.createAppToUser({ amount: 0.25, memo: 'Refund', metadata: {}, uid: user.uid });
    const horizon = new Horizon.Server(`${origin}/pi-sandbox/ledger`, { allowHttp: true });
    const wallet = Keypair.fromSecret(PI_SANDBOX_DEV_APP_WALLET_SEED);
    const tx = new TransactionBuilder(await horizon.loadAccount(wallet.publicKey()), {
      fee: String(await horizon.fetchBaseFee()),
      networkPassphrase: 'Pi Testnet',
      timebounds: await horizon.fetchTimebounds(180),
    })
      .addOperation(Operation.payment({ destination: a2u.to_address, asset: Asset.native(), amount: '0.25' }))
      .addMemo(Memo.text(a2u.identifier))
      .build();
    tx.sign(wallet);
    const submitted = await horizon.submitTransaction(tx);
    expect(submitted.hash).toBe(tx.hash().toString('hex'));
    expect((await platform.get(a2u.identifier)).transaction).toEqual({
      txid: submitted.hash,
      verified: true,
      _link: `${origin}/pi-sandbox/ledger/transactions/${submitted.hash}`,
    });
  });

  it('answers CORS preflights so a storefront on another origin can use the SDK', async () => {
    const res = await fetch(`${origin}/pi-sandbox/control/payments`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
  });

  it('answers the Horizon root with or without the trailing slash', async () => {
    for (const path of ['/pi-sandbox/ledger', '/pi-sandbox/ledger/']) {
      expect(await (await fetch(`${origin}${path}`)).json()).toMatchObject({ network_passphrase: 'Pi Testnet' });
    }
  });

  it('refuses to register without an API key', async () => {
    const bad = Fastify();
    bad.register(piSandboxPlugin, { prefix: '/pi-sandbox', apiKey: '' });
    await expect(bad.ready()).rejects.toThrow(/apiKey/);
    await bad.close();
  });
});
