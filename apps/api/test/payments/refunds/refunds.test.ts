import Decimal from 'decimal.js';
import type { DomainEvent } from '@pishop/shared';
import { Message } from '../../../src/modules/inbox/thread.entity';
import { createUser, type CreatedUser } from '../../support/users';
import { APP_WALLET, checkout, createService, dbState, get, payTwice, type World } from '../world';
import { a2uCreations, admin, appBalance, appSequence, balanceOf, buildRefundWorld, paidPayment, refundEvents, refunds, requestRefund } from './helpers';

const FEE = '0.01'; // the sandbox's base fee: 100000 stroops per operation, paid by the sender

describe('refunds: π back to the payer, as an App-to-User payment', () => {
  let w: World;
  let seller: CreatedUser;
  const published: DomainEvent<'payment.refunded'>[] = [];
  beforeAll(async () => {
    w = await buildRefundWorld();
    seller = await admin(w);
    w.app.events.on('payment.refunded', async (_em, event) => {
      published.push(event);
    });
  });
  afterAll(() => w.close());

  it('refunds a whole payment end to end: the payer gets exactly the amount, the app pays it and the fee, and Pi completes it', async () => {
    const paid = await paidPayment(w);
    const payerWallet = paid.customer.pioneer.walletAddress;
    const [payerBefore, appBefore, seqBefore, createdBefore] = [await balanceOf(w, payerWallet), await appBalance(w), await appSequence(w), await a2uCreations(w)];

    const res = await requestRefund(w.app, seller.token, paid.paymentId, { reason: 'The customer asked to cancel' });
    expect(res.statusCode).toBe(201);
    const refund = res.json();
    expect(refund).toMatchObject({
      paymentId: paid.paymentId,
      orderNumber: paid.orderNumber,
      status: 'completed',
      amountPi: '33.3333334',
      reason: 'The customer asked to cancel',
      piPaymentId: expect.stringMatching(/^[A-Za-z0-9]{28}$/),
      txid: expect.stringMatching(/^[0-9a-f]{64}$/),
      recipientUid: paid.customer.pioneer.uid,
      recipientAddress: payerWallet,
      requestedBy: seller.user.id,
      lastError: null,
      completedAt: expect.any(String),
    });

    // The ledger moved exactly the amount; the app wallet also paid the fee, and sent one transaction.
    expect(new Decimal(await balanceOf(w, payerWallet)).minus(payerBefore).toFixed()).toBe('33.3333334');
    expect(new Decimal(appBefore).minus(await appBalance(w)).toFixed()).toBe(new Decimal('33.3333334').plus(FEE).toFixed());
    expect(await appSequence(w)).toBe(seqBefore + 1n);
    const tx = await w.pi.ledger.transaction(refund.txid);
    expect(tx).toMatchObject({ successful: true, source_account: APP_WALLET, memo_type: 'text', memo: refund.piPaymentId, fee_charged: '100000' });
    const ops = (await w.pi.ledger.operations(refund.txid))._embedded.records;
    expect(ops).toEqual([expect.objectContaining({ type: 'payment', asset_type: 'native', from: APP_WALLET, to: payerWallet, amount: '33.3333334' })]);

    // Pi's record: an app-to-user payment from the app wallet, completed with that transaction.
    const pi = await w.pi.getPayment(refund.piPaymentId);
    expect(pi).toMatchObject({
      direction: 'app_to_user',
      user_uid: paid.customer.pioneer.uid,
      from_address: APP_WALLET,
      to_address: payerWallet,
      amount: 33.3333334,
      status: { developer_approved: true, developer_completed: true, cancelled: false },
      transaction: { txid: refund.txid, verified: true },
    });
    expect(await a2uCreations(w)).toBe(createdBefore + 1);
    expect(await w.pi.calls({ method: 'POST', path: `/v2/payments/${refund.piPaymentId}/complete` })).toHaveLength(1);

    // The audit trail walks the states; the customer is told; the event is out.
    const trail = await refundEvents(w, refund.id);
    expect(trail.filter((e) => e.outcome === 'applied').map((e) => `${e.statusBefore ?? '-'}→${e.statusAfter}`)).toEqual([
      '-→pending', 'pending→pending', 'pending→submitted', 'submitted→completed',
    ]);
    expect(trail.every((e) => e.source === 'admin' && e.actorId === seller.user.id)).toBe(true);
    const s = await dbState(w, paid.orderNumber);
    expect(s.systemMessages.map((m) => m.body)).toEqual([
      expect.stringMatching(/^Payment received/),
      `Refund sent: 33.3333334 π for order ${paid.orderNumber} went back to your Pi wallet (transaction ${refund.txid}). Reason: The customer asked to cancel`,
    ]);
    expect(published).toContainEqual({ type: 'payment.refunded', data: { paymentId: paid.paymentId, orderNumber: paid.orderNumber, refundId: refund.id, amountPi: '33.3333334', txid: refund.txid } });
    expect(s.order.status).toBe('paid');
    expect(s.payments[0].status).toBe('confirmed');
  });

  it('shows refunds to the customer on the order and the receipt, and to the admin with links', async () => {
    const paid = await paidPayment(w);
    const refund = (await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '3.5', reason: 'Discount for the delay' })).json();
    const summary = { id: refund.id, paymentId: paid.paymentId, status: 'completed', amountPi: '3.5', txid: refund.txid, reason: 'Discount for the delay', createdAt: expect.any(String), completedAt: expect.any(String) };

    const order = await get(w, paid.customer.token, `/api/v1/orders/${paid.orderNumber}`);
    expect(order.json().refunds).toEqual([summary]);
    const receipt = await get(w, paid.customer.token, `/api/v1/payments/${paid.paymentId}`);
    expect(receipt.json().refunds).toEqual([summary]);
    const list = await get(w, paid.customer.token, '/api/v1/orders');
    expect(list.json().items.find((o: { number: string }) => o.number === paid.orderNumber).refunds).toEqual([summary]);

    const adminPayment = await get(w, seller.token, `/api/v1/admin/payments/${paid.paymentId}`);
    expect(adminPayment.json()).toMatchObject({ refundedPi: '3.5', refundablePi: '29.8333334', refunds: [summary] });
    const adminOrder = await get(w, seller.token, `/api/v1/admin/orders/${(await dbState(w, paid.orderNumber)).order.id}`);
    expect(adminOrder.json().refunds).toEqual([summary]);
    const listed = await get(w, seller.token, `/api/v1/admin/refunds?filter=${encodeURIComponent(JSON.stringify({ paymentId: paid.paymentId }))}&sort=["id","DESC"]&range=[0,9]`);
    expect(listed.headers['content-range']).toBe('refunds 0-0/1');
    expect(listed.json()).toEqual([expect.objectContaining({ id: refund.id, paymentId: paid.paymentId, orderNumber: paid.orderNumber, status: 'completed', txid: refund.txid })]);
    const one = await get(w, seller.token, `/api/v1/admin/refunds/${refund.id}`);
    expect(one.json().events.map((e: { outcome: string }) => e.outcome)).toContain('applied');
    expect(one.json()).not.toHaveProperty('envelopeXdr');
    expect(one.json()).not.toHaveProperty('idempotencyKey');
    expect((await get(w, seller.token, `/api/v1/admin/refunds/999999`)).json().error.code).toBe('REFUND_NOT_FOUND');
    expect((await get(w, paid.customer.token, '/api/v1/admin/refunds')).statusCode).toBe(403);
  });

  it('partial refunds add up to at most what was paid; a larger one is refused and changes nothing', async () => {
    const paid = await paidPayment(w);
    const payerWallet = paid.customer.pioneer.walletAddress;
    const payerBefore = await balanceOf(w, payerWallet);
    expect((await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '10', reason: 'First half' })).json()).toMatchObject({ status: 'completed', amountPi: '10' });

    const created = await a2uCreations(w);
    const tooMuch = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '23.3333335', reason: 'One stroop too many' });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error).toMatchObject({
      code: 'REFUND_EXCEEDS_PAYMENT',
      details: { paidPi: '33.3333334', refundedPi: '10', inFlightPi: '0', availablePi: '23.3333334' },
    });
    expect(await a2uCreations(w)).toBe(created);
    expect(await refunds(w, { paymentId: paid.paymentId })).toHaveLength(1);

    // Without an amount: all that is left.
    expect((await requestRefund(w.app, seller.token, paid.paymentId, { reason: 'The rest' })).json()).toMatchObject({ status: 'completed', amountPi: '23.3333334' });
    const again = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '0.0000001', reason: 'Nothing is left' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT', details: { availablePi: '0', refundedPi: '33.3333334' } });
    expect(new Decimal(await balanceOf(w, payerWallet)).minus(payerBefore).toFixed()).toBe('33.3333334');
    expect((await get(w, seller.token, `/api/v1/admin/payments/${paid.paymentId}`)).json()).toMatchObject({ refundedPi: '33.3333334', refundablePi: '0' });

    const other = await paidPayment(w);
    const larger = await requestRefund(w.app, seller.token, other.paymentId, { amountPi: '40', reason: 'More than was paid' });
    expect(larger.statusCode).toBe(422);
    expect(larger.json().error.code).toBe('REFUND_EXCEEDS_PAYMENT');
    expect(await refunds(w, { paymentId: other.paymentId })).toEqual([]);
  });

  it('refuses what it cannot refund with a clear 4xx, recording and sending nothing', async () => {
    const service = await createService(w);
    const customer = await createUser(w.t);
    const unpaid = (await checkout(w, customer.token, service.slug)).json();
    const paid = await paidPayment(w);
    const [created, rows] = [await a2uCreations(w), (await refunds(w)).length];

    const notConfirmed = await requestRefund(w.app, seller.token, unpaid.payment.id);
    expect(notConfirmed.statusCode).toBe(409);
    expect(notConfirmed.json().error.code).toBe('REFUND_NOT_ALLOWED');
    expect((await requestRefund(w.app, seller.token, 999999)).json().error.code).toBe('PAYMENT_NOT_FOUND');
    for (const amountPi of ['0', '0.00000001', '-1', 'abc', '1.12345678', '1e3', '']) {
      const res = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi, reason: 'bad amount' });
      expect([amountPi, res.statusCode, res.json().error.code]).toEqual([amountPi, 400, 'VALIDATION_FAILED']);
    }
    const numeric = await w.app.inject({ method: 'POST', url: `/api/v1/admin/payments/${paid.paymentId}/refund`, headers: { authorization: `Bearer ${seller.token}`, 'idempotency-key': 'k-numeric' }, payload: { amountPi: 1.5, reason: 'a number' } });
    expect(numeric.statusCode).toBe(400);
    expect((await requestRefund(w.app, seller.token, paid.paymentId, {})).json().error.code).toBe('VALIDATION_FAILED');
    const noKey = await requestRefund(w.app, seller.token, paid.paymentId, { reason: 'no key' }, null);
    expect([noKey.statusCode, noKey.json().error.code]).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
    const badKey = await requestRefund(w.app, seller.token, paid.paymentId, { reason: 'bad key' }, 'a key with spaces');
    expect([badKey.statusCode, badKey.json().error.code]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
    expect((await requestRefund(w.app, paid.customer.token, paid.paymentId)).statusCode).toBe(403);
    expect((await w.app.inject({ method: 'POST', url: `/api/v1/admin/payments/${paid.paymentId}/refund`, payload: { reason: 'anonymous' } })).statusCode).toBe(401);

    expect(await a2uCreations(w)).toBe(created);
    expect(await refunds(w)).toHaveLength(rows);
  });

  it('one Idempotency-Key is one refund: a repeat answers it again, another body with it is refused', async () => {
    const paid = await paidPayment(w);
    const first = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '1', reason: 'Goodwill' }, 'refund-key-1');
    expect(first.statusCode).toBe(201);
    const created = await a2uCreations(w);
    const repeat = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '1.0', reason: 'Goodwill' }, 'refund-key-1');
    expect(repeat.statusCode).toBe(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json()).toEqual(first.json());
    const reused = await requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '2', reason: 'Goodwill' }, 'refund-key-1');
    expect([reused.statusCode, reused.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    // Keys belong to one admin: another admin's same key is another request.
    const colleague = await admin(w);
    expect((await requestRefund(w.app, colleague.token, paid.paymentId, { amountPi: '1', reason: 'Goodwill' }, 'refund-key-1')).statusCode).toBe(201);
    expect(await a2uCreations(w)).toBe(created + 1);
    expect((await refunds(w, { paymentId: paid.paymentId })).map((r) => [r.amountPi, r.status])).toEqual([['1', 'completed'], ['1', 'completed']]);
  });

  it('refunds a flagged double payment to the Pioneer who paid it twice, and clears the flag', async () => {
    const { c, payers: [a, b], piPayments: [, p2] } = await payTwice(w, await createService(w));
    const double = (await dbState(w, c.order.number)).payments[1];
    expect(double).toMatchObject({ piPaymentId: p2.identifier, status: 'confirmed', flagged: true });
    const [aBefore, bBefore] = [await balanceOf(w, a.walletAddress), await balanceOf(w, b.walletAddress)];

    const res = await requestRefund(w.app, seller.token, double.id, { reason: 'Paid twice' });
    expect(res.json()).toMatchObject({ status: 'completed', amountPi: c.payment.amount, recipientUid: b.uid, recipientAddress: b.walletAddress });
    expect(new Decimal(await balanceOf(w, b.walletAddress)).minus(bBefore).toFixed()).toBe(c.payment.amount);
    expect(await balanceOf(w, a.walletAddress)).toBe(aBefore);

    const s = await dbState(w, c.order.number);
    expect(s.payments.map((p) => [p.status, p.flagged])).toEqual([['confirmed', false], ['confirmed', false]]);
    expect(s.events.filter((e) => e.paymentId === double.id).at(-1)).toMatchObject({ outcome: 'applied', message: expect.stringMatching(/^Flag cleared: .* refunded in full \(refund #\d+\)$/) });
    const toCustomer = await w.t.ds.getRepository(Message).find({ where: { threadId: s.thread.id, internal: false }, order: { id: 'ASC' } });
    expect(toCustomer.at(-1)?.body).toMatch(/^Refund sent: .* Reason: Paid twice$/);
  });

  it('tells the admin whether refunds are on', async () => {
    const res = await get(w, seller.token, '/api/v1/admin/refunds/availability');
    expect(res.json()).toEqual({ enabled: true, code: null, reason: null, appWallet: APP_WALLET });
  });
});
