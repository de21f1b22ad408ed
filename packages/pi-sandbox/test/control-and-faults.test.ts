import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS } from '../src';
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
      () => sb.client.advanceClock(1),
      () => sb.client.calls(),
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

  it('can answer as a rate limiter (429) or an HTML error page in front of Pi', async () => {
    const user = await sb.client.createUser();
    await sb.client.setFaults({
      platformErrors: [
        { path: '/v2/me', status: 429, error: 'too_many_requests' },
        { path: '/v2/me', status: 502, error: 'bad_gateway', format: 'html' },
      ],
    });
    const limited = await fetch(`${sb.baseUrl}/v2/me`, { headers: { authorization: `Bearer ${user.accessToken}` } });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'too_many_requests' });
    const page = await fetch(`${sb.baseUrl}/v2/me`, { headers: { authorization: `Bearer ${user.accessToken}` } });
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/^<!DOCTYPE html>/);
    expect((await sb.platform.me(user.accessToken)).uid).toBe(user.uid);
  });

  it('hands SDK faults to the SDK through /control/config and clears them on reset', async () => {
    const faults = {
      duplicateCallbacks: 2,
      callbackDelayMs: 100,
      dropCompletionCallback: true,
      abandonAfterApproval: false,
      reportApprovedIncomplete: true,
      hangAuthenticate: false,
    };
    expect(await sb.client.setFaults(faults)).toEqual(faults);
    expect(await sb.client.config()).toEqual({
      network: 'Pi Testnet',
      appWalletAddress: PI_SANDBOX_DEV_APP_WALLET_ADDRESS,
      approvalTimeoutMs: 60000,
      callbackRetryMs: 10000,
      now: expect.any(String),
      faults,
    });
    await sb.client.resetFaults();
    expect((await sb.client.config()).faults).toEqual({});
  });

  it.each(['already_approved', 'already_completed'])(
    'answers %s for one call without changing the payment, so a client trusting it blindly is caught',
    async (code) => {
      const { payment } = await paymentAt(sb, 'created');
      const route = code === 'already_approved' ? '/v2/payments/:id/approve' : '/v2/payments/:id/complete';
      await sb.client.setFaults({ platformErrors: [{ path: route, method: 'POST', status: 400, error: code }] });
      const call = code === 'already_approved' ? sb.platform.approve(payment.identifier) : sb.platform.complete(payment.identifier, 'a'.repeat(64));
      const err = await failure(call);
      expect(err.status).toBe(400);
      expect(err.body).toEqual({ error: code, error_message: expect.any(String) });
      expect((await sb.platform.get(payment.identifier)).status).toEqual({
        developer_approved: false,
        transaction_verified: false,
        developer_completed: false,
        cancelled: false,
        user_cancelled: false,
      });
      expect((await sb.platform.approve(payment.identifier)).status.developer_approved).toBe(true);
    },
  );

  it.each([
    [{ latencyMs: -1 }],
    [{ duplicateCallbacks: 1.5 }],
    [{ dropCompletionCallback: 'yes' }],
    [{ platformErrors: [{ path: 'v2/me', status: 500, error: 'x' }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 200, error: 'x' }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 500 }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 500, error: 'x', times: 0 }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 400, error: 'made_up_code' }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 502, error: 'bad_gateway', format: 'xml' }] }],
    [{ platformErrors: [{ path: '/v2/me', status: 500, error: 'Not Snake' }] }],
    [{ delays: [{ path: '/v2/me', delayMs: 0 }] }],
    [{ delays: [{ path: '/v2/me', delayMs: 10, when: 'later' }] }],
    [{ delays: { path: '/v2/me', delayMs: 10 } }],
    [{ badTransaction: { kind: 'wrong_fee' } }],
    [{ badTransaction: { kind: 'wrong_memo', verified: 'yes' } }],
    [{ badTransaction: { kind: 'failed', times: 0 } }],
    [{ hangAuthenticate: 1 }],
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
