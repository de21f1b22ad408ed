import { createHmac } from 'node:crypto';
import { createUser } from '../support/users';
import { approveAndSubmit, buildWorld, createService, dbState, piCustomer, post, startPayment, WEBHOOK_SECRET, type World } from './world';

/** Races and repeats: exactly one confirmation, one paid order, one system message. */
describe('exactly once', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  it('50 concurrent duplicate /pi/complete calls end with one confirmed payment', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid })),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    expect(new Set(answers.map((r) => r.json().status))).toEqual(new Set(['confirmed']));

    const s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]).toMatchObject({ status: 'confirmed', txid });
    expect(s.systemMessages).toHaveLength(1);
    expect(s.events.filter((e) => e.statusAfter === 'confirmed' && e.outcome === 'applied')).toHaveLength(1);
    // Every call left its audit event.
    expect(s.events.filter((e) => e.source === 'complete')).toHaveLength(50);
  });

  it('a mixed storm of approve, complete, webhook and sync for one payment ends the same way', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const admin = await createUser(w.t, { role: 'admin' });
    const { piPaymentId, orderNumber, checkout } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    const paymentId = checkout.payment.id;

    const webhookBody = JSON.stringify({ paymentId: piPaymentId, event: 'storm' });
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(webhookBody).digest('hex');
    const calls = Array.from({ length: 40 }, (_, i) => {
      switch (i % 5) {
        case 0:
          return post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
        case 1:
          return post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
        case 2:
          return w.app.inject({ method: 'POST', url: '/api/v1/pi/webhook', headers: { 'content-type': 'application/json', 'x-pi-signature': signature }, payload: webhookBody });
        case 3:
          return post(w, admin.token, `/api/v1/admin/payments/${paymentId}/sync`, {});
        default:
          return post(w, customer.token, '/api/v1/pi/incomplete', { payment: { identifier: piPaymentId, transaction: { txid } } });
      }
    });
    const answers = await Promise.all(calls);
    expect(answers.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);

    const s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]).toMatchObject({ status: 'confirmed', txid, flagged: false });
    expect(s.systemMessages).toHaveLength(1);
    expect(s.events.filter((e) => e.statusAfter === 'confirmed' && e.outcome === 'applied')).toHaveLength(1);
    expect(new Set(s.events.map((e) => e.source))).toEqual(new Set(['approve', 'complete', 'webhook', 'sync', 'incomplete']));
  });
});
