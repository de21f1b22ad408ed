import { Payment } from '../../src/modules/payments/payment.entity';
import { createUser } from '../support/users';
import { approveAndSubmit, buildWorld, checkout, createService, dbState, get, PI_KEY, piCustomer, post, startPayment, type World } from './world';

const APPROVE = { method: 'POST', path: /^\/v2\/payments\/[^/]+\/approve$/ };

/** Pi's real behaviour: slow answers, repeats, `already_*` answers, refusals, expiry. */
describe("Pi's real behaviour", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld({}, { gate: true });
  });
  afterAll(() => w.close());
  const gate = () => w.gate!;

  it('a slow approval: duplicates wait for it and are answered from our record, never cancelling it', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const approvesBefore = gate().count('POST', APPROVE.path);
    const slow = gate().hold(APPROVE);
    const first = post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    await slow.reached;
    const duplicates = Array.from({ length: 10 }, () => post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId }));
    slow.release();
    const answers = await Promise.all([first, ...duplicates]);

    expect(answers.map((r) => r.statusCode)).toEqual(Array(11).fill(200));
    expect(new Set(answers.map((r) => r.json().status))).toEqual(new Set(['initiated']));
    expect(gate().count('POST', APPROVE.path) - approvesBefore).toBe(1);
    expect((await w.pi.getPayment(piPaymentId)).status).toMatchObject({ developer_approved: true, cancelled: false });
    const s = await dbState(w, orderNumber);
    expect(s.payments.map((p) => p.status)).toEqual(['initiated']);
  });

  it("an already_approved that Pi's record contradicts is not believed: nothing moves", async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    gate().answer(APPROVE, { status: 400, body: { error: 'already_approved', error_message: 'Payment already approved' } }, { forward: false });
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('PI_REFUSED_UPSTREAM');
    expect((await dbState(w, orderNumber)).payments.map((p) => p.status)).toEqual(['pending']);
    // The next callback approves it for real.
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).json().status).toBe('initiated');
  });

  it('an already_approved that a re-read confirms moves the payment on', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId } = await startPayment(w, customer, service);
    gate().answer(APPROVE, { status: 400, body: { error: 'already_approved', error_message: 'Payment already approved' } }, { forward: true });
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('initiated');
  });

  it('an approval whose answer was lost is found by the next callback, with no second /approve', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId } = await startPayment(w, customer, service);
    const before = gate().count('POST', APPROVE.path);
    gate().answer(APPROVE, 'drop', { forward: true });
    const lost = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(lost.statusCode).toBe(503);
    expect(lost.json().error.code).toBe('PI_UNAVAILABLE');
    const again = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('initiated');
    await approveAndSubmit(w, customer.token, piPaymentId);
    expect(gate().count('POST', APPROVE.path) - before).toBe(1);
  });

  it('an order cancelled after an approval whose answer was lost: the approval is cancelled with Pi, so nothing can be paid for it', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    gate().answer(APPROVE, 'drop', { forward: true });
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(503);
    // Pi approved it; our record still says pending.
    expect((await w.pi.getPayment(piPaymentId)).status).toMatchObject({ developer_approved: true, cancelled: false });
    const cancelled = await post(w, customer.token, `/api/v1/orders/${orderNumber}/cancel`, { reason: 'Changed my mind' });
    expect(cancelled.statusCode).toBe(200);
    expect((await w.pi.getPayment(piPaymentId)).status).toMatchObject({ cancelled: true });
    const s = await dbState(w, orderNumber);
    expect({ order: s.order.status, payments: s.payments.map((p) => p.status) }).toEqual({ order: 'cancelled', payments: ['failed'] });
    await expect(w.pi.submit(piPaymentId)).rejects.toThrow();
  });

  it('an order whose payer already signed is not cancelled (money on its way): 409, then the payment completes and the order is paid', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    gate().answer(APPROVE, 'drop', { forward: true });
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(503);
    const { txid } = await w.pi.submit(piPaymentId);
    const refused = await post(w, customer.token, `/api/v1/orders/${orderNumber}/cancel`, { reason: 'Changed my mind' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ORDER_PAYMENT_IN_PROGRESS');
    expect((await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid })).statusCode).toBe(200);
    const s = await dbState(w, orderNumber);
    expect({ order: s.order.status, payments: s.payments.map((p) => p.status) }).toEqual({ order: 'paid', payments: ['confirmed'] });
  });

  it('a refund (app-to-user payment) posted to the customer callbacks is refused and never cancelled with Pi', async () => {
    const customer = await piCustomer(w);
    const refund = await w.pi.platform(PI_KEY).createAppToUser({ amount: 1, memo: 'Refund', metadata: { refund: true }, uid: customer.pioneer.uid });
    for (const path of ['approve', 'cancel', 'incomplete']) {
      const res = await post(w, customer.token, `/api/v1/pi/${path}`, { paymentId: refund.identifier, ...(path === 'incomplete' && { txid: 'a'.repeat(64) }) });
      expect([path, res.statusCode >= 400 && res.statusCode < 500]).toEqual([path, true]);
    }
    expect((await w.pi.getPayment(refund.identifier)).status).toMatchObject({ cancelled: false });
  });

  it('a payment for the wrong amount is refused and cancelled with Pi at once', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service, { amount: '0.5' });
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    expect((await w.pi.getPayment(piPaymentId)).status).toMatchObject({ cancelled: true, developer_approved: false });
    expect((await dbState(w, orderNumber)).order.status).toBe('pending');
  });

  it("another customer's payment id is refused without touching their payment", async () => {
    const service = await createService(w);
    const owner = await piCustomer(w);
    const stranger = await piCustomer(w);
    const { piPaymentId } = await startPayment(w, owner, service);
    const res = await post(w, stranger.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(403);
    expect((await w.pi.getPayment(piPaymentId)).status).toMatchObject({ cancelled: false });
    expect((await post(w, owner.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(200);
  });

  it('a second payment for a paid order is refused (409) and cancelled with Pi', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber, checkout: body } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    expect((await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid })).json().orderStatus).toBe('paid');
    const second = await w.pi.createPayment({ accessToken: customer.pioneer.accessToken, amount: body.payment.amount, memo: body.payment.memo, metadata: body.payment.metadata });
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: second.identifier });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORDER_ALREADY_PAID');
    expect((await w.pi.getPayment(second.identifier)).status.cancelled).toBe(true);
    expect((await dbState(w, orderNumber)).order.status).toBe('paid');
  });

  it('an approval for a payment Pi cancelled (expired) answers 409 PAYMENT_CANCELLED, not success', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    await w.pi.expire(piPaymentId);
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAYMENT_CANCELLED');
    const s = await dbState(w, orderNumber);
    expect(s.payments.map((p) => p.status)).toEqual(['failed']);
    expect(s.order.status).toBe('pending');
  });

  it('serialises an admin cancel with an approval in flight: the cancel waits its turn and is refused', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const admin = await createUser(w.t, { role: 'admin' });
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const orderId = (await dbState(w, orderNumber)).order.id;
    const slow = gate().hold(APPROVE);
    const approving = post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    await slow.reached;
    const cancel = await post(w, admin.token, `/api/v1/admin/orders/${orderId}/cancel`, { reason: 'Out of stock' });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().error.code).toBe('ORDER_PAYMENT_IN_PROGRESS');
    const customerCancel = await post(w, customer.token, `/api/v1/orders/${orderNumber}/cancel`, {});
    expect(customerCancel.json().error.code).toBe('ORDER_PAYMENT_IN_PROGRESS');
    slow.release();
    expect((await approving).json()).toMatchObject({ status: 'initiated', orderStatus: 'pending' });
    expect((await dbState(w, orderNumber)).order.status).toBe('pending');
  });

  it('an approval after the order was cancelled is refused and cancelled with Pi', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const cancelled = await post(w, customer.token, `/api/v1/orders/${orderNumber}/cancel`, { reason: 'Changed my mind' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORDER_CANCELLED');
    expect((await w.pi.getPayment(piPaymentId)).status.cancelled).toBe(true);
  });

  it('the SDK reports an approval the payer never signed: it is cancelled with Pi, and the order can be paid again', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(200);
    const res = await post(w, customer.token, '/api/v1/pi/incomplete', { payment: { identifier: piPaymentId, transaction: null } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PAYMENT_CANCELLED');
    expect((await w.pi.getPayment(piPaymentId)).status.cancelled).toBe(true);
    const again = await post(w, customer.token, `/api/v1/orders/${orderNumber}/pay`, {});
    expect(again.statusCode).toBe(200);
  });

  it('the reconciler ends an approval never signed once it expires, so the order can be paid again', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(200);
    // The approval is as old as PI_PAYMENT_EXPIRY_SECONDS (the test moves the record's clock, not the wall's).
    const expiredAt = new Date(Date.now() - w.t.config.pi.paymentExpirySeconds * 1000 - 1000);
    await w.t.ds.getRepository(Payment).update({ piPaymentId }, { approvedAt: expiredAt, lastCheckedAt: expiredAt, createdAt: expiredAt });
    const fresh = await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    expect(fresh.errors).toEqual([]);
    const s = await dbState(w, orderNumber);
    expect(s.payments.map((p) => p.status)).toEqual(['failed']);
    expect((await w.pi.getPayment(piPaymentId)).status.cancelled).toBe(true);
    expect(s.order.status).toBe('pending');
  });

  it("the reconciler settles an approval Pi expired (the payer never signed within Pi's window)", async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(200);
    const { approvalTimeoutMs } = await w.pi.config();
    await w.pi.advanceClock(approvalTimeoutMs + 1);
    expect((await w.pi.getPayment(piPaymentId)).status).toMatchObject({ developer_approved: true, cancelled: true });
    await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    const s = await dbState(w, orderNumber);
    expect(s.payments.map((p) => p.status)).toEqual(['failed']);
    expect((await post(w, customer.token, `/api/v1/orders/${orderNumber}/pay`, {})).statusCode).toBe(200);
  });

  it('a payment the payer cancelled in the wallet is settled by the reconciler', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(200);
    await w.pi.userCancel(piPaymentId);
    await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    expect((await dbState(w, orderNumber)).payments.map((p) => p.status)).toEqual(['failed']);
  });
});

describe('callback bodies', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  it('refuses a callback body over 16 kB with 413, before anything is read from Pi', async () => {
    const customer = await piCustomer(w);
    const res = await post(w, customer.token, '/api/v1/pi/incomplete', { payment: { identifier: 'p', memo: 'x'.repeat(20_000) } });
    expect(res.statusCode).toBe(413);
    expect(await w.pi.calls({ path: '/v2/payments/p' })).toEqual([]);
  });
});

describe('a pending order: pay again, or cancel it', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  it('pays again after a cancelled payment, on the same snapshot, and the order ends paid', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const first = await startPayment(w, customer, service);
    await w.pi.userCancel(first.piPaymentId);
    expect((await post(w, customer.token, '/api/v1/pi/cancel', { paymentId: first.piPaymentId })).statusCode).toBe(409);

    const again = await post(w, customer.token, `/api/v1/orders/${first.orderNumber}/pay`, {});
    expect(again.statusCode).toBe(200);
    const payload = again.json();
    expect(payload.payment).toMatchObject({ amount: first.checkout.payment.amount, metadata: { order_number: first.orderNumber } });
    expect(payload.payment.id).not.toBe(first.checkout.payment.id);
    // Asking twice hands out the same unused attempt.
    expect((await post(w, customer.token, `/api/v1/orders/${first.orderNumber}/pay`, {})).json().payment.id).toBe(payload.payment.id);

    const retry = await w.pi.createPayment({ accessToken: customer.pioneer.accessToken, ...payload.payment });
    const txid = await approveAndSubmit(w, customer.token, retry.identifier);
    expect((await post(w, customer.token, '/api/v1/pi/complete', { paymentId: retry.identifier, txid })).json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid' });
    const s = await dbState(w, first.orderNumber);
    expect(s.payments.map((p) => p.status)).toEqual(['failed', 'confirmed']);
    expect(s.systemMessages).toHaveLength(1);
    const paid = await post(w, customer.token, `/api/v1/orders/${first.orderNumber}/pay`, {});
    expect(paid.statusCode).toBe(409);
    expect(paid.json().error.code).toBe('ORDER_ALREADY_PAID');
  });

  it('refuses to hand out a new payment while one is approved with Pi', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    expect((await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId })).statusCode).toBe(200);
    const res = await post(w, customer.token, `/api/v1/orders/${orderNumber}/pay`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORDER_PAYMENT_IN_PROGRESS');
  });

  it('a customer cancels their own unpaid order: a system message, open payments failed', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const res = await checkout(w, customer.token, service.slug);
    const number = res.json().order.number as string;
    const cancelled = await post(w, customer.token, `/api/v1/orders/${number}/cancel`, { reason: 'Ordered the wrong package' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ number, status: 'cancelled', piPayment: null });
    const s = await dbState(w, number);
    expect(s.payments.map((p) => p.status)).toEqual(['failed']);
    expect(s.systemMessages.map((m) => m.body)).toEqual(['This order was cancelled by you. Reason: Ordered the wrong package']);
    expect(s.thread.orderStatus).toBe('cancelled');
    const twice = await post(w, customer.token, `/api/v1/orders/${number}/cancel`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ORDER_INVALID_TRANSITION');
    expect((await post(w, customer.token, `/api/v1/orders/${number}/pay`, {})).json().error.code).toBe('ORDER_CANCELLED');
  });

  it("never cancels a paid order, and another customer's order is 404", async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const stranger = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    expect((await post(w, stranger.token, `/api/v1/orders/${orderNumber}/cancel`, {})).statusCode).toBe(404);
    expect((await post(w, stranger.token, `/api/v1/orders/${orderNumber}/pay`, {})).statusCode).toBe(404);
    const res = await post(w, customer.token, `/api/v1/orders/${orderNumber}/cancel`, {});
    expect(res.statusCode).toBe(409);
    expect((await get(w, customer.token, `/api/v1/orders/${orderNumber}`)).json().status).toBe('paid');
  });
});
