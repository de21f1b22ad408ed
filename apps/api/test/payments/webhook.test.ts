import { createHmac } from 'node:crypto';
import { buildTestApp } from '../support/app';
import { APP_WALLET, approveAndSubmit, buildWorld, createService, dbState, eventsFor, piCustomer, startPayment, WEBHOOK_SECRET, type World } from './world';

const sign = (body: string, secret = WEBHOOK_SECRET) => createHmac('sha256', secret).update(body).digest('hex');

describe('POST /pi/webhook (signed intake for our own tools)', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  const send = (body: string, signature?: string) =>
    w.app.inject({
      method: 'POST',
      url: '/api/v1/pi/webhook',
      headers: { 'content-type': 'application/json', ...(signature !== undefined && { 'x-pi-signature': signature }) },
      payload: body,
    });

  it('settles a payment from Pi when the signature matches the raw body', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    // Spacing and key order are part of what was signed.
    const body = `{ "event": "payment.submitted",  "paymentId": "${piPaymentId}" }`;
    const res = await send(body, `sha256=${sign(body)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid', txid });
    const s = await dbState(w, orderNumber);
    expect(s.systemMessages).toHaveLength(1);
    expect(s.events.at(-1)).toMatchObject({ source: 'webhook', outcome: 'applied', actorId: null });
  });

  it('refuses and records a bad signature, a signature of another body, and none at all', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    await approveAndSubmit(w, customer.token, piPaymentId);
    const body = JSON.stringify({ paymentId: piPaymentId });

    const wrongSecret = await send(body, sign(body, 'another-secret-of-sufficient-length'));
    const otherBody = await send(body, sign(JSON.stringify({ paymentId: piPaymentId, x: 1 })));
    const missing = await send(body);
    const garbage = await send(body, 'not-hex');
    for (const res of [wrongSecret, otherBody, missing, garbage]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('PI_WEBHOOK_SIGNATURE_INVALID');
    }
    const events = await eventsFor(w, piPaymentId);
    const refused = events.filter((e) => e.source === 'webhook');
    expect(refused).toHaveLength(4);
    expect(refused.every((e) => e.outcome === 'refused' && e.code === 'PI_WEBHOOK_SIGNATURE_INVALID')).toBe(true);
    const s = await dbState(w, orderNumber);
    expect(s.payments[0].status).toBe('initiated');
    expect(s.order.status).toBe('pending');
    expect((await w.pi.getPayment(piPaymentId)).status.developer_completed).toBe(false);
  });

  it('keeps no attacker-sized payload from a refused webhook: its size and hash only', async () => {
    const big = JSON.stringify({ paymentId: 'pay_big', filler: 'x'.repeat(60_000) });
    const res = await send(big, 'a'.repeat(64));
    expect(res.statusCode).toBe(401);
    const [event] = await eventsFor(w, 'pay_big');
    expect(event).toMatchObject({ outcome: 'refused', code: 'PI_WEBHOOK_SIGNATURE_INVALID' });
    expect(event.rawPayload).toEqual({ bytes: big.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), signatureGiven: true });
    expect(JSON.stringify(event.rawPayload).length).toBeLessThan(200);
  });

  it('judges the signature before the body: unsigned junk is 401, signed junk is 400', async () => {
    expect((await send('{not json', 'a'.repeat(64))).statusCode).toBe(401);
    const junk = '{not json';
    const signedJunk = await send(junk, sign(junk));
    expect(signedJunk.statusCode).toBe(400);
    const signedEmpty = await send('{}', sign('{}'));
    expect(signedEmpty.statusCode).toBe(400);
    expect(signedEmpty.json().errors).toHaveProperty('paymentId');
  });

  it('is off (503) when PI_WEBHOOK_SECRET is not set', async () => {
    const t = await buildTestApp({ PI_API_KEY: 'k', PI_APP_WALLET_ADDRESS: APP_WALLET });
    try {
      const body = JSON.stringify({ paymentId: 'abc' });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/pi/webhook', headers: { 'content-type': 'application/json', 'x-pi-signature': sign(body) }, payload: body });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('PI_WEBHOOK_DISABLED');
    } finally {
      await t.close();
    }
  });
});
