import Decimal from 'decimal.js';
import type { CreatedUser } from '../../support/users';
import type { World } from '../world';
import { a2uCreations, admin, appSequence, balanceOf, buildRefundWorld, paidPayment, refundEvents, refunds, requestRefund } from './helpers';

/**
 * One refund request makes at most one A2U payment, and concurrent requests never give back
 * more than was paid: counted where Pi and the ledger would count them, at the sandbox.
 */
describe('refunds under concurrency', () => {
  let w: World;
  let seller: CreatedUser;
  beforeAll(async () => {
    w = await buildRefundWorld();
    seller = await admin(w);
  });
  afterAll(() => w.close());

  it('50 concurrent requests with one Idempotency-Key make one A2U payment and one transaction', async () => {
    const paid = await paidPayment(w);
    const payerBefore = await balanceOf(w, paid.customer.pioneer.walletAddress);
    const [created, seq] = [await a2uCreations(w), await appSequence(w)];

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '5', reason: 'Double-clicked refund' }, 'one-key-for-all')),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(49);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.json().status))).toEqual(new Set(['completed']));

    const [refund] = answers.map((a) => a.json());
    expect(await a2uCreations(w)).toBe(created + 1);
    expect(await w.pi.calls({ method: 'POST', path: `/v2/payments/${refund.piPaymentId}/complete` })).toHaveLength(1);
    expect(await appSequence(w)).toBe(seq + 1n);
    expect(await refunds(w, { paymentId: paid.paymentId })).toHaveLength(1);
    expect(new Decimal(await balanceOf(w, paid.customer.pioneer.walletAddress)).minus(payerBefore).toFixed()).toBe('5');
  });

  it('concurrent requests with different keys never refund more than was paid', async () => {
    const paid = await paidPayment(w); // 33.3333334 π
    const payerBefore = await balanceOf(w, paid.customer.pioneer.walletAddress);
    const created = await a2uCreations(w);

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => requestRefund(w.app, seller.token, paid.paymentId, { amountPi: '10', reason: `Request ${i}` }, `key-${i}`)),
    );
    const accepted = answers.filter((a) => a.statusCode === 201);
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(accepted).toHaveLength(3);
    expect(accepted.map((a) => a.json().status)).toEqual(['completed', 'completed', 'completed']);
    expect(refused.map((a) => [a.statusCode, a.json().error.code])).toEqual(Array(7).fill([422, 'REFUND_EXCEEDS_PAYMENT']));

    expect(await a2uCreations(w)).toBe(created + 3);
    expect((await refunds(w, { paymentId: paid.paymentId })).map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
    expect(new Decimal(await balanceOf(w, paid.customer.pioneer.walletAddress)).minus(payerBefore).toFixed()).toBe('30');
  });

  it('refunds to different Pioneers at once each land once: the app wallet’s sequence is never used twice', async () => {
    const payments = await Promise.all([paidPayment(w), paidPayment(w), paidPayment(w), paidPayment(w)]);
    const seq = await appSequence(w);
    const answers = await Promise.all(payments.map((p) => requestRefund(w.app, seller.token, p.paymentId, { amountPi: '2', reason: 'At the same time' })));
    expect(answers.map((a) => [a.statusCode, a.json().status])).toEqual(Array(4).fill([201, 'completed']));
    expect(await appSequence(w)).toBe(seq + 4n);
    // Signing took turns: no envelope had to be replaced because another refund used its sequence.
    const trails = await Promise.all(answers.map((a) => refundEvents(w, a.json().id)));
    expect(trails.flat().filter((e) => /can never land/.test(e.message))).toEqual([]);
  });
});
