import { API_KEY, type Running, failure, paymentAt, startSandbox } from './helpers';

/** Every refusal must be Pi's JSON body: a code and a human message, nothing else required. */
function expectPiError(err: { status: number; body: unknown }, status: number, error: string) {
  expect(err.status).toBe(status);
  expect(err.body).toEqual(expect.objectContaining({ error, error_message: expect.any(String) }));
}

describe('Platform API refusals, as Pi answers them', () => {
  let sb: Running;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.app.close());

  describe('authorization', () => {
    it('answers 401 for a missing key, a wrong key, or a key sent with the wrong scheme', async () => {
      const { payment } = await paymentAt(sb, 'created');
      const url = `${sb.baseUrl}/v2/payments/${payment.identifier}`;
      for (const authorization of [undefined, 'Key wrong-key', `Bearer ${API_KEY}`, API_KEY]) {
        const res = await fetch(url, { headers: authorization ? { authorization } : {} });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'unauthorized', error_message: expect.any(String) });
      }
      expectPiError(await failure(sb.client.platform('wrong').approve(payment.identifier)), 401, 'unauthorized');
      // The refused approval changed nothing.
      expect((await sb.platform.get(payment.identifier)).status.developer_approved).toBe(false);
    });

    it('accepts the key scheme in any case', async () => {
      const { payment } = await paymentAt(sb, 'created');
      const res = await fetch(`${sb.baseUrl}/v2/payments/${payment.identifier}`, { headers: { authorization: `key ${API_KEY}` } });
      expect(res.status).toBe(200);
    });

    it('answers 401 on /v2/me for a bad or missing user token', async () => {
      expectPiError(await failure(sb.platform.me('not-a-token')), 401, 'invalid_token');
      const res = await fetch(`${sb.baseUrl}/v2/me`);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'unauthorized', error_message: expect.any(String) });
    });

    it('does not take the server key as a user token', async () => {
      expectPiError(await failure(sb.platform.me(API_KEY)), 401, 'invalid_token');
    });
  });

  it('answers 404 payment_not_found for an unknown payment on every route', async () => {
    const calls = [
      () => sb.platform.get('nope'),
      () => sb.platform.approve('nope'),
      () => sb.platform.complete('nope', 'a'.repeat(64)),
      () => sb.platform.cancel('nope'),
    ];
    for (const call of calls) expectPiError(await failure(call()), 404, 'payment_not_found');
  });

  it('refuses approving twice with already_approved', async () => {
    const { payment } = await paymentAt(sb, 'approved');
    expectPiError(await failure(sb.platform.approve(payment.identifier)), 400, 'already_approved');
  });

  it('refuses completing an unapproved payment, or one without a transaction', async () => {
    const unapproved = await paymentAt(sb, 'created');
    expectPiError(await failure(sb.platform.complete(unapproved.payment.identifier, 'a'.repeat(64))), 400, 'not_verified');
    const approved = await paymentAt(sb, 'approved');
    expectPiError(await failure(sb.platform.complete(approved.payment.identifier, 'a'.repeat(64))), 400, 'not_verified');
    expect((await sb.platform.get(approved.payment.identifier)).status.developer_completed).toBe(false);
  });

  it('refuses completing with another txid (txid_mismatch) and without one (missing_txid)', async () => {
    const { payment, txid } = await paymentAt(sb, 'submitted');
    const other = txid!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    expectPiError(await failure(sb.platform.complete(payment.identifier, other)), 400, 'txid_mismatch');
    const res = await fetch(`${sb.baseUrl}/v2/payments/${payment.identifier}/complete`, {
      method: 'POST',
      headers: { authorization: `Key ${API_KEY}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'missing_txid', error_message: expect.any(String) });
    expect((await sb.platform.get(payment.identifier)).status.developer_completed).toBe(false);
  });

  it('refuses completing twice with already_completed', async () => {
    const { payment, txid } = await paymentAt(sb, 'submitted');
    await sb.platform.complete(payment.identifier, txid!);
    expectPiError(await failure(sb.platform.complete(payment.identifier, txid!)), 400, 'already_completed');
  });

  it('refuses cancelling a completed payment, with the payment in the body', async () => {
    const { payment, txid } = await paymentAt(sb, 'submitted');
    await sb.platform.complete(payment.identifier, txid!);
    const err = await failure(sb.platform.cancel(payment.identifier));
    expectPiError(err, 400, 'already_completed');
    expect(err.body).toMatchObject({ payment: { identifier: payment.identifier, status: { developer_completed: true } } });
  });

  it('refuses cancelling a payment whose transaction is on the chain (payment_tx_present)', async () => {
    const { payment } = await paymentAt(sb, 'submitted');
    expectPiError(await failure(sb.platform.cancel(payment.identifier)), 400, 'payment_tx_present');
    expect((await sb.platform.get(payment.identifier)).status.cancelled).toBe(false);
  });

  it('cancels an open payment once; later actions answer cancelled_payment', async () => {
    const { payment } = await paymentAt(sb, 'approved');
    const cancelled = await sb.platform.cancel(payment.identifier);
    expect(cancelled.status).toMatchObject({ cancelled: true, developer_approved: true, user_cancelled: false });
    expectPiError(await failure(sb.platform.cancel(payment.identifier)), 400, 'cancelled_payment');
    expectPiError(await failure(sb.platform.approve(payment.identifier)), 400, 'cancelled_payment');
    expectPiError(await failure(sb.client.submit(payment.identifier)), 400, 'cancelled_payment');
  });

  it('treats an empty POST body with a JSON content type as no body, and bad JSON as 400', async () => {
    const { payment } = await paymentAt(sb, 'created');
    const url = `${sb.baseUrl}/v2/payments/${payment.identifier}`;
    const headers = { authorization: `Key ${API_KEY}`, 'content-type': 'application/json' };
    expect((await fetch(`${url}/approve`, { method: 'POST', headers })).status).toBe(200);
    const bad = await fetch(`${url}/complete`, { method: 'POST', headers, body: '{"txid":' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid_arguments', error_message: expect.any(String) });
  });
});
