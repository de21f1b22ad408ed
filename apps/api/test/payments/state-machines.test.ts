import type { PaymentStatus, OrderStatus, RefundStatus } from '@pishop/shared';
import { PAYMENT_STATUSES, ORDER_STATUSES, REFUND_STATUSES } from '@pishop/shared';
import { REFUND_COUNTED_STATUSES, refundStateMachine } from '../../src/modules/payments/refunds/refund.state';
import { pathTo, paymentStateMachine } from '../../src/modules/payments/payment.state';
import { orderStateMachine } from '../../src/modules/orders/order.state';

const allowedPayment: [PaymentStatus, PaymentStatus][] = [
  ['pending', 'initiated'],
  ['pending', 'failed'],
  ['initiated', 'confirmed'],
  ['initiated', 'failed'],
];
const allowedOrder: [OrderStatus, OrderStatus][] = [
  ['pending', 'paid'],
  ['pending', 'cancelled'],
];

describe('payment state machine', () => {
  it('covers exactly the payment statuses', () => {
    expect([...paymentStateMachine.states].sort()).toEqual([...PAYMENT_STATUSES].sort());
  });

  it.each(PAYMENT_STATUSES.flatMap((from) => PAYMENT_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = allowedPayment.some(([f, t]) => f === from && t === to);
    expect(paymentStateMachine.canTransition(from, to)).toBe(allowed);
    if (allowed) expect(paymentStateMachine.transition(from, to)).toBe(to);
    else expect(() => paymentStateMachine.transition(from, to)).toThrow(expect.objectContaining({ code: 'PAYMENT_INVALID_TRANSITION' }));
  });

  it('has confirmed and failed as terminal states', () => {
    expect(PAYMENT_STATUSES.filter((s) => paymentStateMachine.isTerminal(s)).sort()).toEqual(['confirmed', 'failed']);
  });

  it('finds the path through initiated to confirmed, and refuses to leave a terminal state', () => {
    expect(pathTo('pending', 'confirmed')).toEqual(['initiated', 'confirmed']);
    expect(pathTo('initiated', 'confirmed')).toEqual(['confirmed']);
    expect(pathTo('confirmed', 'confirmed')).toEqual([]);
    expect(() => pathTo('confirmed', 'failed')).toThrow(expect.objectContaining({ code: 'PAYMENT_INVALID_TRANSITION' }));
    expect(() => pathTo('failed', 'confirmed')).toThrow(expect.objectContaining({ code: 'PAYMENT_INVALID_TRANSITION' }));
  });
});

describe('order state machine', () => {
  it.each(ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = allowedOrder.some(([f, t]) => f === from && t === to);
    expect(orderStateMachine.canTransition(from, to)).toBe(allowed);
    if (!allowed) expect(() => orderStateMachine.transition(from, to)).toThrow(expect.objectContaining({ code: 'ORDER_INVALID_TRANSITION' }));
  });

  it('never cancels a paid order', () => {
    expect(orderStateMachine.canTransition('paid', 'cancelled')).toBe(false);
    expect(orderStateMachine.isTerminal('paid')).toBe(true);
  });
});

const allowedRefund: [RefundStatus, RefundStatus][] = [
  ['pending', 'submitted'],
  ['pending', 'failed'],
  ['submitted', 'completed'],
  ['submitted', 'failed'],
];

describe('refund state machine', () => {
  it('covers exactly the refund statuses', () => {
    expect([...refundStateMachine.states].sort()).toEqual([...REFUND_STATUSES].sort());
  });

  it.each(REFUND_STATUSES.flatMap((from) => REFUND_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = allowedRefund.some(([f, t]) => f === from && t === to);
    expect(refundStateMachine.canTransition(from, to)).toBe(allowed);
    if (allowed) expect(refundStateMachine.transition(from, to)).toBe(to);
    else expect(() => refundStateMachine.transition(from, to)).toThrow(expect.objectContaining({ code: 'REFUND_INVALID_TRANSITION' }));
  });

  it('ends in completed or failed, and only a pending or submitted refund counts against the payment besides completed ones', () => {
    expect(REFUND_STATUSES.filter((s) => refundStateMachine.isTerminal(s)).sort()).toEqual(['completed', 'failed']);
    expect([...REFUND_COUNTED_STATUSES].sort()).toEqual(['completed', 'pending', 'submitted']);
  });
});
