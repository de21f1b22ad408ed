import Decimal from 'decimal.js';
import type { FastifyInstance } from 'fastify';
import type { CreatedUser } from '../../support/users';
import { dbState, type World } from '../world';
import { a2uCreations, admin, appSequence, balanceOf, buildRefundWorld, paidPayment, refundEvents, refunds, requestRefund, restartedApp } from './helpers';

/**
 * A refund stopped half-way (Pi down, a lost answer, the process gone) is finished later by the
 * reconciler or at the next start, from our record and Pi's, without a second A2U payment or a
 * second transaction.
 */
describe('refunds after a crash', () => {
  let w: World;
  let seller: CreatedUser;
  let restarted: FastifyInstance | null = null;
  beforeEach(async () => {
    w = await buildRefundWorld({}, { gate: true });
    seller = await admin(w);
  });
  afterEach(async () => {
    await restarted?.close();
    restarted = null;
    await w.close();
  });

  it('a crash between submit and complete is finished by the reconciler of a fresh app on the same database', async () => {
    const paid = await paidPayment(w);
    const payerBefore = await balanceOf(w, paid.customer.pioneer.walletAddress);
    const [created, seq] = [await a2uCreations(w), await appSequence(w)];
    // Pi goes down right when the refund is to be completed: the transaction is on the ledger.
    await w.pi.setFaults({ platformErrors: [{ path: '/v2/payments/:id/complete', method: 'POST', status: 503, error: 'service_unavailable', times: 1 }] });

    const res = await requestRefund(w.app, seller.token, paid.paymentId, { reason: 'Paid twice' });
    expect(res.statusCode).toBe(202);
    const stopped = res.json();
    expect(stopped).toMatchObject({ status: 'submitted', txid: expect.stringMatching(/^[0-9a-f]{64}$/), lastError: { code: 'PI_UNAVAILABLE' } });
    expect(new Decimal(await balanceOf(w, paid.customer.pioneer.walletAddress)).minus(payerBefore).toFixed()).toBe(paid.amountPi);
    expect((await w.pi.getPayment(stopped.piPaymentId)).status.developer_completed).toBe(false);

    // The process stops; another one starts on the same database and its reconciler runs.
    restarted = await restartedApp(w);
    const report = await restarted.paymentsReconciler.run({ olderThanSeconds: 0 });
    expect(report.refunds).toMatchObject({ checked: 1, completed: 1, failed: 0, errors: [] });

    const [refund] = await refunds(w, { paymentId: paid.paymentId });
    expect(refund).toMatchObject({ status: 'completed', txid: stopped.txid, lastErrorCode: null });
    expect((await w.pi.getPayment(stopped.piPaymentId)).status.developer_completed).toBe(true);
    // One A2U payment, one transaction, one payment to the payer; /complete once refused, once done.
    expect(await a2uCreations(w)).toBe(created + 1);
    expect(await appSequence(w)).toBe(seq + 1n);
    expect(new Decimal(await balanceOf(w, paid.customer.pioneer.walletAddress)).minus(payerBefore).toFixed()).toBe(paid.amountPi);
    expect((await w.pi.calls({ method: 'POST', path: `/v2/payments/${stopped.piPaymentId}/complete` })).map((c) => c.status)).toEqual([503, 200]);
    expect((await refundEvents(w, refund.id)).map((e) => `${e.source}:${e.outcome}:${e.statusAfter}`)).toEqual([
      'admin:applied:pending', 'admin:applied:pending', 'admin:applied:submitted', 'admin:error:submitted', 'reconciler:applied:completed',
    ]);
    expect((await dbState(w, paid.orderNumber)).systemMessages.filter((m) => m.body.startsWith('Refund sent'))).toHaveLength(1);

    // A second run finds nothing to do.
    expect((await restarted.paymentsReconciler.run({ olderThanSeconds: 0 })).refunds).toMatchObject({ checked: 0 });
  });

  it('an A2U payment Pi made but whose answer was lost is found in incomplete_server_payments at the next start, not made twice', async () => {
    const paid = await paidPayment(w);
    const created = await a2uCreations(w);
    // Pi creates the payment, then the connection drops before its answer arrives.
    w.gate!.answer({ method: 'POST', path: /^\/v2\/payments$/ }, 'drop', { forward: true });
    const res = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '7', reason: 'Partial refund' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'pending', piPaymentId: null, lastError: { code: 'PI_UNAVAILABLE' } });
    expect(await a2uCreations(w)).toBe(created + 1);
    const [open] = (await w.pi.platform('payments-test-server-key').incompleteServerPayments()).incomplete_server_payments;
    expect(open).toMatchObject({ direction: 'app_to_user', amount: 7, user_uid: paid.customer.pioneer.uid, metadata: { refund_id: res.json().id } });

    restarted = await restartedApp(w);
    await restarted.listen({ port: 0, host: '127.0.0.1' });
    await restarted.refunds.idle();

    const [refund] = await refunds(w, { paymentId: paid.paymentId });
    expect(refund).toMatchObject({ status: 'completed', piPaymentId: open.identifier, amountPi: '7' });
    expect(await a2uCreations(w)).toBe(created + 1);
    expect((await refundEvents(w, refund.id)).filter((e) => e.source === 'startup').map((e) => e.message)).toEqual([
      `Found its A2U payment ${open.identifier} among Pi's incomplete server payments`,
      expect.stringMatching(/^Transaction [0-9a-f]{64} signed and sent to the ledger$/),
      expect.stringMatching(/^Completed with Pi: 7 π sent to the payer/),
    ]);
  });

});

describe('a refund transaction that never reached the ledger', () => {
  let w: World;
  let seller: CreatedUser;
  beforeAll(async () => {
    // Short ledger timeouts, so held submissions give up quickly.
    w = await buildRefundWorld({ PI_API_TIMEOUT_MS: '1000' });
    seller = await admin(w);
  });
  afterAll(() => w.close());

  it('is replaced once its time bounds have passed (it can never land then), and the payer is paid once', async () => {
    const paid = await paidPayment(w);
    const payerBefore = await balanceOf(w, paid.customer.pioneer.walletAddress);
    const seq = await appSequence(w);
    // The ledger holds the submission and both retries: the API gives up with the refund submitted.
    await w.pi.setFaults({ delays: [{ path: '/ledger/transactions', method: 'POST', delayMs: 600_000, when: 'before', times: 3 }] });
    const res = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '4', reason: 'Late refund' });
    expect(res.statusCode).toBe(202);
    const stuck = res.json();
    expect(stuck).toMatchObject({ status: 'submitted', lastError: { code: 'PI_LEDGER_UNAVAILABLE' } });

    // Ten minutes pass on the ledger: the held submissions run, too late, and change nothing.
    await w.pi.advanceClock(600_000);
    expect(await appSequence(w)).toBe(seq);
    const report = await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    expect(report.refunds).toMatchObject({ checked: 1, completed: 1 });

    const [refund] = await refunds(w, { paymentId: paid.paymentId });
    expect(refund.status).toBe('completed');
    expect(refund.txid).not.toBe(stuck.txid);
    await expect(w.pi.ledger.transaction(stuck.txid)).rejects.toMatchObject({ status: 404 });
    expect(await w.pi.ledger.transaction(refund.txid as string)).toMatchObject({ successful: true, memo: stuck.piPaymentId });
    expect(await appSequence(w)).toBe(seq + 1n);
    expect(new Decimal(await balanceOf(w, paid.customer.pioneer.walletAddress)).minus(payerBefore).toFixed()).toBe('4');
    expect((await refundEvents(w, refund.id)).map((e) => e.message)).toContainEqual(
      `Transaction ${stuck.txid} can never land (tx_too_late); signed ${refund.txid} instead`,
    );
  });

  it('is not signed anew while the ledger\'s history lags the network (a landing may not be indexed yet), then is once it has caught up', async () => {
    await w.close();
    w = await buildRefundWorld({ PI_API_TIMEOUT_MS: '1000' }, { gate: true, gateLedger: true });
    seller = await admin(w);
    const paid = await paidPayment(w);
    await w.pi.setFaults({ delays: [{ path: '/ledger/transactions', method: 'POST', delayMs: 600_000, when: 'before', times: 3 }] });
    const stuck = (await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '4', reason: 'Late refund' })).json();
    expect(stuck).toMatchObject({ status: 'submitted' });
    await w.pi.advanceClock(600_000);

    // Horizon's history is one ledger behind the network: "not found" proves nothing yet.
    const root = await w.pi.ledger.root();
    const lagging = { ...root, history_latest_ledger: Number(root.core_latest_ledger) - 1 };
    w.gate!.answer({ method: 'GET', path: /^\/ledger\/?$/ }, { status: 200, body: lagging }, { forward: false, times: 5 });
    await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    let [refund] = await refunds(w, { paymentId: paid.paymentId });
    expect({ status: refund.status, txid: refund.txid }).toEqual({ status: 'submitted', txid: stuck.txid });
    expect((await refundEvents(w, refund.id)).map((e) => e.message)).toContainEqual(expect.stringContaining("history is behind the network"));

    // Caught up: the stale envelope is replaced and the payer is paid once.
    w.gate!.clear();
    await w.app.paymentsReconciler.run({ olderThanSeconds: 0 });
    [refund] = await refunds(w, { paymentId: paid.paymentId });
    expect(refund.status).toBe('completed');
    expect(refund.txid).not.toBe(stuck.txid);
  });
});
