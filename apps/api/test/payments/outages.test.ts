import { approveAndSubmit, buildWorld, createService, dbState, piCustomer, post, startPayment, type World } from './world';

/** Pi down or slow: a clear error, nothing half done, and the reconciler finishes the job. */
describe('Pi outages and late payments', () => {
  let w: World;
  beforeAll(async () => {
    // Short timeouts so "slow" is quick to show; retries and backoff as in production.
    w = await buildWorld({ PI_API_TIMEOUT_MS: '300' });
  });
  afterEach(() => w.pi.resetFaults());
  afterAll(() => w.close());

  it('Pi down during complete: 503, nothing changed; the reconciler confirms once Pi answers', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await w.pi.setFaults({ platformErrors: [{ path: '/v2/payments/:id/complete', status: 503, error: 'service_unavailable', times: 10 }] });

    const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('PI_UNAVAILABLE');
    expect(res.json().error.message).toMatch(/settled automatically/);
    expect((await w.pi.getPayment(piPaymentId)).status.developer_completed).toBe(false);
    let s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('pending');
    expect(s.payments[0]).toMatchObject({ status: 'initiated', txid: null });
    expect(s.systemMessages).toHaveLength(0);
    expect(s.events.at(-1)).toMatchObject({ source: 'complete', outcome: 'error', code: 'PI_UNAVAILABLE' });

    // Still down: the reconciler tries, fails cleanly, and changes nothing.
    const failed = await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    expect(failed.errors).toEqual([expect.objectContaining({ piPaymentId, code: 'PI_UNAVAILABLE' })]);
    expect((await dbState(w, orderNumber)).order.status).toBe('pending');

    await w.pi.resetFaults();
    const report = await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    expect(report.errors).toEqual([]);
    s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.payments[0]).toMatchObject({ status: 'confirmed', txid });
    expect(s.systemMessages).toHaveLength(1);
    expect(s.events.at(-1)).toMatchObject({ source: 'reconciler', outcome: 'applied', statusAfter: 'confirmed' });
    expect((await w.pi.getPayment(piPaymentId)).status.developer_completed).toBe(true);

    // The customer's SDK retries its callback later: answered from the settled state.
    const retry = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    expect(retry.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid' });
    expect((await dbState(w, orderNumber)).systemMessages).toHaveLength(1);
  });

  it('Pi slow during complete: 503 after the timeout, nothing changed; the reconciler confirms later', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    const txid = await approveAndSubmit(w, customer.token, piPaymentId);
    await w.pi.setFaults({ latencyMs: 1500 });

    const res = await post(w, customer.token, '/api/v1/pi/complete', { paymentId: piPaymentId, txid });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'PI_UNAVAILABLE', message: expect.stringContaining('timeout') });
    let s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('pending');
    expect(s.payments[0].status).toBe('initiated');
    expect(s.systemMessages).toHaveLength(0);

    await w.pi.resetFaults();
    await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    s = await dbState(w, orderNumber);
    expect(s.order.status).toBe('paid');
    expect(s.payments[0]).toMatchObject({ status: 'confirmed', txid });
    expect(s.systemMessages).toHaveLength(1);
  });

  it('a payment left incomplete is completed when the SDK reports it at the next sign-in', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    await approveAndSubmit(w, customer.token, piPaymentId);
    // The browser closed before onReadyForServerCompletion reached us. Next session:
    const { payment } = await w.pi.incompletePayment(customer.pioneer.uid);
    expect(payment?.identifier).toBe(piPaymentId);
    const res = await post(w, customer.token, '/api/v1/pi/incomplete', { payment });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', orderStatus: 'paid', orderNumber });
    const s = await dbState(w, orderNumber);
    expect(s.payments[0].status).toBe('confirmed');
    expect(s.systemMessages).toHaveLength(1);
    expect(s.events.at(-1)).toMatchObject({ source: 'incomplete', outcome: 'applied' });
    expect((await w.pi.incompletePayment(customer.pioneer.uid)).payment).toBeNull();
  });

  it('an incomplete payment report with a forged txid is refused', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    await approveAndSubmit(w, customer.token, piPaymentId);
    const res = await post(w, customer.token, '/api/v1/pi/incomplete', { payment: { identifier: piPaymentId, transaction: { txid: 'e'.repeat(64) } } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PAYMENT_TXID_MISMATCH');
    expect((await dbState(w, orderNumber)).order.status).toBe('pending');
  });

  it('the reconciler fails payments Pi cancelled (expired approvals) and leaves paid orders alone', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    await w.pi.userCancel(piPaymentId);
    await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    const s = await dbState(w, orderNumber);
    expect(s.payments[0]).toMatchObject({ status: 'failed', failureReason: expect.stringContaining('Cancelled') });
    expect(s.order.status).toBe('pending');
    expect(s.events.at(-1)).toMatchObject({ source: 'reconciler', outcome: 'applied', statusAfter: 'failed' });
  });

  it('Pi unreachable on approve: a clear 503 and the payment stays as it was', async () => {
    const service = await createService(w);
    const customer = await piCustomer(w);
    const { piPaymentId, orderNumber } = await startPayment(w, customer, service);
    await w.pi.setFaults({ platformErrors: [{ path: '/v2/payments/:id/approve', status: 502, error: 'bad_gateway', times: 5 }] });
    const res = await post(w, customer.token, '/api/v1/pi/approve', { paymentId: piPaymentId });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('PI_UNAVAILABLE');
    expect((await dbState(w, orderNumber)).payments[0].status).toBe('pending');
  });
});
