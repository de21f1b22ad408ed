import { API_KEY, type Running, failure, paymentAt, startSandbox } from './helpers';

describe('control API switched off', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox({ enableControl: false });
  });
  afterAll(() => sb.app.close());

  it('answers 404 on every control route while the Platform API, ledger and SDK still answer', async () => {
    const calls = [
      () => sb.client.createUser(),
      () => sb.client.createPayment({ accessToken: 'x', amount: 1, memo: 'm' }),
      () => sb.client.getPayment('x'),
      () => sb.client.submit('x'),
      () => sb.client.setFaults({ latencyMs: 1 }),
      () => sb.client.resetFaults(),
      () => sb.client.config(),
    ];
    for (const call of calls) {
      const err = await failure(call());
      expect(err.status).toBe(404);
      expect(err.body).toEqual({ error: 'not_found', error_message: expect.any(String) });
    }
    expect((await failure(sb.platform.get('x'))).status).toBe(404);
    expect((await failure(sb.platform.get('x'))).body).toMatchObject({ error: 'payment_not_found' });
    expect((await fetch(`${sb.baseUrl}/sdk.js`)).status).toBe(200);
    expect((await fetch(`${sb.baseUrl}/ledger/transactions/${'a'.repeat(64)}`)).status).toBe(404);
  });
});

describe('faults', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterEach(() => sb.client.resetFaults());
  afterAll(() => sb.app.close());

  it('fails a Platform API route once with the injected status and code, then answers normally', async () => {
    const { payment } = await paymentAt(sb, 'created');
    await sb.client.setFaults({ platformErrors: [{ path: '/v2/payments/:id/approve', status: 500, error: 'internal_server_error' }] });
    const err = await failure(sb.platform.approve(payment.identifier));
    expect(err.status).toBe(500);
    expect(err.body).toEqual({ error: 'internal_server_error', error_message: expect.any(String) });
    expect((await sb.platform.get(payment.identifier)).status.developer_approved).toBe(false);
    expect((await sb.platform.approve(payment.identifier)).status.developer_approved).toBe(true);
    expect((await sb.client.config()).faults).toEqual({ platformErrors: [] });
  });

  it('matches a concrete path and a method, `times` times', async () => {
    const { payment } = await paymentAt(sb, 'created');
    const path = `/v2/payments/${payment.identifier}`;
    await sb.client.setFaults({
      platformErrors: [{ path, method: 'GET', status: 503, error: 'service_unavailable', error_message: 'down for a bit', times: 2 }],
    });
    await sb.platform.approve(payment.identifier); // POST .../approve is another route
    for (let i = 0; i < 2; i++) {
      const err = await failure(sb.platform.get(payment.identifier));
      expect(err.status).toBe(503);
      expect(err.body).toEqual({ error: 'service_unavailable', error_message: 'down for a bit' });
    }
    expect((await sb.platform.get(payment.identifier)).status.developer_approved).toBe(true);
  });

  it('can fail /v2/me, as a Pi outage at sign-in would', async () => {
    const user = await sb.client.createUser();
    await sb.client.setFaults({ platformErrors: [{ path: '/v2/me', status: 502, error: 'bad_gateway' }] });
    expect((await failure(sb.platform.me(user.accessToken))).status).toBe(502);
    expect((await sb.platform.me(user.accessToken)).uid).toBe(user.uid);
  });

  it('slows every Platform API answer by latencyMs', async () => {
    const { payment } = await paymentAt(sb, 'created');
    await sb.client.setFaults({ latencyMs: 250 });
    const started = Date.now();
    await sb.platform.get(payment.identifier);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    await sb.client.resetFaults();
    const again = Date.now();
    await sb.platform.get(payment.identifier);
    expect(Date.now() - again).toBeLessThan(200);
  });

  it('hands SDK faults to the SDK through /control/config and clears them on reset', async () => {
    const faults = { duplicateCallbacks: 2, callbackDelayMs: 100, dropCompletionCallback: true };
    expect(await sb.client.setFaults(faults)).toEqual(faults);
    expect(await sb.client.config()).toEqual({ network: 'Pi Testnet', approvalTimeoutMs: 60000, callbackRetryMs: 10000, faults });
    await sb.client.resetFaults();
    expect((await sb.client.config()).faults).toEqual({});
  });

  it.each([
    [{ latencyMs: -1 }],
    [{ duplicateCallbacks: 1.5 }],
    [{ dropCompletionCallback: 'yes' }],
    [{ platformErrors: [{ path: 'v2/me', status: 500, error: 'x' }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 200, error: 'x' }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 500 }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 500, error: 'x', times: 0 }] }],
    [{ unknownFault: true }],
  ])('refuses the malformed fault set %j with 400 and keeps the previous one', async (bad) => {
    await sb.client.setFaults({ latencyMs: 5 });
    const res = await fetch(`${sb.baseUrl}/control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bad),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_arguments', error_message: expect.any(String) });
    expect((await sb.client.config()).faults).toEqual({ latencyMs: 5 });
  });

  it('keeps faults away from the server key check: a wrong key is still 401 once the fault is used', async () => {
    await sb.client.setFaults({ platformErrors: [{ path: '/v2/payments/:id', status: 500, error: 'internal_server_error' }] });
    expect((await failure(sb.client.platform('wrong').get('x'))).status).toBe(500);
    expect((await failure(sb.client.platform('wrong').get('x'))).status).toBe(401);
    expect((await failure(sb.client.platform(API_KEY).get('x'))).status).toBe(404);
  });
});
