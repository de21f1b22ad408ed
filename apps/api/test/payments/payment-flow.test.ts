import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { approveAndSubmit, buildWorld, createService, dbState, eventsFor, get, piCustomer, post, startPayment, type World } from './world';

describe('a whole Pi payment', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.close());

  it('checkout → approve → complete: order paid, txid stored, snapshot kept, one system message', async () => {
    const service = await createService(w, { priceEurCents: 1000 });
    const customer = await piCustomer(w);
    const { checkout, piPaymentId, orderNumber } = await startPayment(w, customer, service);
    expect(checkout.payment).toEqual({ id: expect.any(Number), amount: '33.3333334', memo: expect.stringContaining(orderNumber), metadata: { order_number: orderNumber } });

    const approved = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ piPaymentId, orderNumber, status: 'initiated', orderStatus: 'pending', txid: null });
    expect((await w.pi.getPayment(piPaymentId)).status.developer_approved).toBe(true);

    const { txid } = await w.pi.submit(piPaymentId);
    const completed = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid', txid });
    expect((await w.pi.getPayment(piPaymentId)).status.developer_completed).toBe(true);

    const s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.order.paidAt).toBeInstanceOf(Date);
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]).toMatchObject({ status: 'confirmed', txid, piPaymentId, priceEurCents: 1000, eurPerPi: '0.30', amountPi: '33.3333334', flagged: false });
    expect(s.systemMessages).toHaveLength(1);
    expect(s.systemMessages[0].body).toContain(txid);
    expect(s.events.map((e) => [e.source, e.outcome])).toEqual(
      expect.arrayContaining([['approve', 'applied'], ['complete', 'applied']]),
    );

    // The customer's reads show it: the order with π figures, and the receipt.
    const order = await get(w, customer.token, `/api/v1/orders/${orderNumber}`);
    expect(order.statusCode).toBe(200);
    expect(order.json()).toMatchObject({ number: orderNumber, status: 'paid', totalPi: '33.3333334', pricePi: '33.3333334', priceEurCents: 1000, piPayment: null });
    const receipt = await get(w, customer.token, `/api/v1/payments/${s.payments[0].id}`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({ orderNumber, status: 'confirmed', txid, piPaymentId, amountPi: '33.3333334', pricePi: '33.3333334', priceEurCents: 1000, eurPerPi: '0.30' });
  });

  it('counts paid orders on the home page', async () => {
    const home = async () => (await w.app.inject({ method: 'GET', url: '/api/v1/home' })).json().counters.completedOrders as number;
    const before = await home();
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId } = await startPayment(w, customer, service);
    expect(await home()).toBe(before);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    expect(await home()).toBe(before + 1);
  });

  it('answers repeats with the current state and never confirms twice', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    for (let i = 0; i < 3; i++) {
      const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid' });
    }
    const again = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('confirmed');
    const s = await dbState(w, orderNumber);
    expect(s.systemMessages).toHaveLength(1);
    expect(s.events.filter((e) => e.statusAfter === 'confirmed' && e.outcome === 'applied')).toHaveLength(1);
  });

  it('keeps the checkout snapshot when the rate changes before payment', async () => {
    const service = await createService(w, { priceEurCents: 1000 });
    const customer = await piCustomer(w);
    const started = await startPayment(w, customer, service);
    const before = w.app.config.pi.eurPerPi;
    w.app.config.pi.eurPerPi = '0.50';
    try {
      const txid = await approveAndSubmit(w, customer.token, started.piPaymentId);
      const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: started.piPaymentId, txid });
      expect(res.json().status).toBe('confirmed');
      const s = await dbState(w, started.orderNumber);
      expect(s.payments[0]).toMatchObject({ eurPerPi: '0.30', amountPi: '33.3333334' });
    } finally {
      w.app.config.pi.eurPerPi = before;
    }
  });

  describe('refused and recorded', () => {
    it('an amount that differs from the snapshot', async () => {
      const service = await createService(w);
      const customer = await piCustomer(w);
      const { piPaymentId, orderNumber } = await startPayment(w, customer, service, { amount: '33.3333333' });
      const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
      expect((await w.pi.getPayment(piPaymentId)).status.developer_approved).toBe(false);
      const s = await dbState(w, orderNumber);
      expect(s.order.status).toBe('pending');
      expect(s.payments[0]).toMatchObject({ status: 'pending', piPaymentId: null });
      const events = await eventsFor(w, piPaymentId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ source: 'approve', outcome: 'refused', code: 'PAYMENT_AMOUNT_MISMATCH', paymentId: s.payments[0].id });
      expect(events[0].rawPayload).toMatchObject({ request: { paymentId: piPaymentId }, pi: { identifier: piPaymentId } });
    });

    it("another customer's order number", async () => {
      const service = await createService(w);
      const victim = await piCustomer(w);
      const attacker = await piCustomer(w);
      const { checkout } = await startPayment(w, victim, service);
      // The attacker pays with their own Pi account but names the victim's order.
      const piPayment = await w.pi.createPayment({ accessToken: attacker.pioneer.accessToken, amount: checkout.payment.amount, memo: 'x', metadata: { order_number: checkout.order.number } });
      const res = await post(w, attacker.token, '/api/v1/pi/approve', { paymentId: piPayment.identifier });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('PAYMENT_FORBIDDEN');
      expect((await w.pi.getPayment(piPayment.identifier)).status.developer_approved).toBe(false);
      expect(await eventsFor(w, piPayment.identifier)).toEqual([expect.objectContaining({ outcome: 'refused', code: 'PAYMENT_FORBIDDEN' })]);
      const s = await dbState(w, checkout.order.number);
      expect(s.payments).toHaveLength(1);
      expect(s.payments[0].piPaymentId).toBeNull();
    });

    it('a payer who is not the Pi-linked customer', async () => {
      const service = await createService(w);
      const customer = await piCustomer(w);
      const stranger = await w.pi.createUser({});
      const res0 = await post(w, customer.token, '/api/v1/orders/checkout', { serviceSlug: service.slug });
      const body = res0.json();
      const piPayment = await w.pi.createPayment({ accessToken: stranger.accessToken, amount: body.payment.amount, memo: 'x', metadata: body.payment.metadata });
      const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPayment.identifier });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('PAYMENT_PAYER_MISMATCH');
    });

    it('a txid that does not match', async () => {
      const service = await createService(w);
      const customer = await piCustomer(w);
      const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
      await approveAndSubmit(w, customer.token, piPaymentId);
      const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid: 'f'.repeat(64) });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('PAYMENT_TXID_MISMATCH');
      expect((await w.pi.getPayment(piPaymentId)).status.developer_completed).toBe(false);
      const s = await dbState(w, orderNumber);
      expect(s.order.status).toBe('pending');
      expect(s.payments[0]).toMatchObject({ status: 'initiated', txid: null });
      expect(s.systemMessages).toHaveLength(0);
      expect(s.events.at(-1)).toMatchObject({ source: 'complete', outcome: 'refused', code: 'PAYMENT_TXID_MISMATCH' });
    });

    it('an unknown Pi payment, and malformed callbacks', async () => {
      const customer = await piCustomer(w);
      const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: 'no_such_payment' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('PI_PAYMENT_NOT_FOUND');
      expect(await eventsFor(w, 'no_such_payment')).toEqual([expect.objectContaining({ outcome: 'refused', code: 'PI_PAYMENT_NOT_FOUND' })]);
      expect((await post(w, customer.token, '/api/v1/pi/approve', {})).statusCode).toBe(400);
      expect((await post(w, customer.token, '/api/v1/pi/complete', { paymentId: 'malformed_1' })).statusCode).toBe(400);
      expect(await eventsFor(w, 'malformed_1')).toEqual([
        expect.objectContaining({ source: 'complete', outcome: 'refused', code: 'VALIDATION_FAILED', actorId: customer.user.id, rawPayload: { paymentId: 'malformed_1' } }),
      ]);
      expect((await post(w, null, '/api/v1/pi/approve', { paymentId: 'x' })).statusCode).toBe(401);
    });

    it('a complete before the payer submitted the transaction', async () => {
      const service = await createService(w);
      const customer = await piCustomer(w);
      const { piPaymentId } = await startPayment(w, customer, service);
      await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
      const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid: 'a'.repeat(64) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('PAYMENT_NOT_READY');
    });
  });

  it('a cancel after confirmation changes nothing', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    const res = await post(w, customer.token, '/api/v1/pi/cancel', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid' });
    const s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.payments[0].status).toBe('confirmed');
    expect(s.events.at(-1)).toMatchObject({ source: 'cancel', outcome: 'unchanged' });
  });

  it('a cancel before the transaction fails the payment; the order can be paid again', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const first = await startPayment(w, customer, service);
    await post(w, customer.token, '/api/v1/pi/approve', { paymentId: first.piPaymentId });
    await w.pi.userCancel(first.piPaymentId);
    const res = await post(w, customer.token, '/api/v1/pi/cancel', { paymentId: first.piPaymentId });
    // A payment that ended cancelled is a 4xx the storefront shows as such, never a success.
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PAYMENT_CANCELLED', details: { orderStatus: 'pending' } });

    // Pay again for the same order: the order view hands out the same payload.
    const order = (await get(w, customer.token, `/api/v1/orders/${first.orderNumber}`)).json();
    expect(order.piPayment).toEqual({ amount: first.checkout.payment.amount, memo: first.checkout.payment.memo, metadata: { order_number: first.orderNumber } });
    const retry = await w.pi.createPayment({ accessToken: customer.pioneer.accessToken, ...order.piPayment });
    const txid = await approveAndSubmit(w, customer.token, retry.identifier);
    const done = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: retry.identifier, txid });
    expect(done.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid' });
    const s = await dbState(w, first.orderNumber);
    expect(s.payments.map((p) => p.status)).toEqual(['failed', 'confirmed']);
    expect(s.payments[1]).toMatchObject({ amountPi: s.payments[0].amountPi, eurPerPi: '0.30', flagged: false });
    expect(s.systemMessages).toHaveLength(1);
  });

  it('a second payment for an already paid order is refused at approval and flagged for the admin', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const first = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, first.piPaymentId);
    await post(w, customer.token, '/api/v1/pi/complete', { paymentId: first.piPaymentId, txid });

    const second = await w.pi.createPayment({ accessToken: customer.pioneer.accessToken, ...first.checkout.payment });
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: second.identifier });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ORDER_ALREADY_PAID');
    expect((await w.pi.getPayment(second.identifier)).status).toMatchObject({ developer_approved: false, cancelled: true });
    const s = await dbState(w, first.orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.payments).toHaveLength(2);
    expect(s.payments[1]).toMatchObject({ piPaymentId: second.identifier, status: 'failed', flagged: true, flagReason: expect.stringContaining('already paid') });
    expect(s.systemMessages).toHaveLength(1);
  });

  it('two payments that both moved money: the order is paid once and the second is flagged for a refund', async () => {
    const service = await createService(w);
    // A customer without a linked Pi account, paying from two Pi wallets at once.
    const customer = await createUser(w.t);
    const [a, b] = [await w.pi.createUser({}), await w.pi.createUser({})];
    const c = (await post(w, customer.token, '/api/v1/orders/checkout', { serviceSlug: service.slug })).json();
    const p1 = await w.pi.createPayment({ accessToken: a.accessToken, ...c.payment });
    const p2 = await w.pi.createPayment({ accessToken: b.accessToken, ...c.payment });
    const tx1 = await approveAndSubmit(w, customer.token, p1.identifier);
    const tx2 = await approveAndSubmit(w, customer.token, p2.identifier);
    expect((await post(w, customer.token, '/api/v1/pi/complete', { paymentId: p1.identifier, txid: tx1 })).json().status).toBe('confirmed');
    const second = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: p2.identifier, txid: tx2 });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid' });
    const s = await dbState(w, c.order.number);
    expect(s.payments.map((p) => [p.status, p.flagged])).toEqual([['confirmed', false], ['confirmed', true]]);
    expect(s.payments[1].flagReason).toMatch(/Second payment for an already paid order/);
    expect(s.systemMessages).toHaveLength(1);
    expect(s.messages.filter((m) => m.internal)).toEqual([expect.objectContaining({ kind: 'system', body: expect.stringContaining('refund') })]);
    expect(s.events.filter((e) => e.outcome === 'flagged')).toEqual([expect.objectContaining({ paymentId: s.payments[1].id, code: 'PAYMENT_DUPLICATE' })]);
  });

  it('a customer cannot read another customer’s order or receipt', async () => {
    const service = await createService(w);
    const owner = await piCustomer(w);
    const other = await createUser(w.t);
    const { orderNumber, checkout } = await startPayment(w, owner, service);
    expect((await get(w, other.token, `/api/v1/orders/${orderNumber}`)).statusCode).toBe(404);
    expect((await get(w, other.token, `/api/v1/payments/${checkout.payment.id}`)).statusCode).toBe(404);
    expect((await get(w, owner.token, `/api/v1/payments/${checkout.payment.id}`)).statusCode).toBe(200);
    const list = await w.app.inject({ method: 'GET', url: '/api/v1/orders', headers: bearer(other.token) });
    expect(list.json()).toMatchObject({ items: [], total: 0 });
  });
});
