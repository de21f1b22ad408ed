import type { OrderPaymentSummary, OrderView, PiPaymentRequest, RefundSummary } from '@pishop/shared';
import type { Order, OrderItem } from './order.entity';
import { paymentMemo } from './order-number';

/** The payment facts an order view shows (provided by the payments module). */
export interface PaymentFacts {
  id: number;
  orderId: number;
  status: OrderPaymentSummary['status'];
  piPaymentId: string | null;
  txid: string | null;
  amountPi: string;
  /** π sent back for this payment (refunds), when the payments module tells. */
  refunds?: RefundSummary[];
}

export function piPaymentRequest(order: Order, items: OrderItem[]): PiPaymentRequest {
  return {
    amount: order.totalPi,
    memo: paymentMemo(order.number, items[0]?.title ?? 'Services'),
    metadata: { order_number: order.number },
  };
}

export function orderView(order: Order, items: OrderItem[], payments: PaymentFacts[], threadId: number | null): OrderView {
  return {
    number: order.number,
    status: order.status,
    totalEurCents: order.totalEurCents,
    priceEurCents: order.totalEurCents,
    pricePi: order.totalPi,
    totalPi: order.totalPi,
    eurPerPi: order.eurPerPi,
    items: items.map((i) => ({ serviceId: i.serviceId, serviceSlug: i.serviceSlug, title: i.title, priceEurCents: i.priceEurCents, pricePi: i.pricePi })),
    payments: [...payments]
      .sort((a, b) => b.id - a.id)
      .map((p) => ({ id: p.id, status: p.status, piPaymentId: p.piPaymentId, txid: p.txid, amountPi: p.amountPi })),
    refunds: refundsOf(payments),
    threadId,
    piPayment: order.status === 'pending' ? piPaymentRequest(order, items) : null,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt ? order.paidAt.toISOString() : null,
  };
}

/** The refunds of these payments, newest first. */
export function refundsOf(payments: PaymentFacts[]): RefundSummary[] {
  return payments.flatMap((p) => p.refunds ?? []).sort((a, b) => b.id - a.id);
}

export const refundSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    paymentId: { type: 'integer' },
    status: { type: 'string', enum: ['pending', 'submitted', 'completed', 'failed'] },
    amountPi: { type: 'string', description: 'π sent back' },
    txid: { type: ['string', 'null'], description: 'The ledger transaction of the refund' },
    reason: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    completedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

const piRequestSchema = {
  type: 'object',
  required: ['amount', 'memo', 'metadata'],
  properties: {
    amount: { type: 'string', description: 'π, decimal string with at most 7 decimals' },
    memo: { type: 'string' },
    metadata: { type: 'object', required: ['order_number'], properties: { order_number: { type: 'string' } } },
  },
} as const;

export const orderSchema = {
  type: 'object',
  required: ['number', 'status', 'totalEurCents', 'totalPi', 'items', 'payments', 'refunds', 'createdAt'],
  properties: {
    number: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'paid', 'cancelled'] },
    totalEurCents: { type: 'integer' },
    priceEurCents: { type: 'integer' },
    pricePi: { type: 'string' },
    totalPi: { type: 'string', description: 'π at the checkout rate (snapshot), rounded up to 7 decimals' },
    eurPerPi: { type: 'string', description: 'EUR per π at checkout' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          serviceId: { type: ['integer', 'null'] },
          serviceSlug: { type: 'string' },
          title: { type: 'string' },
          priceEurCents: { type: 'integer' },
          pricePi: { type: 'string' },
        },
      },
    },
    payments: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          status: { type: 'string', enum: ['pending', 'initiated', 'confirmed', 'failed'] },
          piPaymentId: { type: ['string', 'null'] },
          txid: { type: ['string', 'null'] },
          amountPi: { type: 'string' },
        },
      },
    },
    refunds: { type: 'array', items: refundSchema, description: 'π sent back to the payer (refunds of this order’s payments), newest first' },
    threadId: { type: ['integer', 'null'] },
    piPayment: { anyOf: [piRequestSchema, { type: 'null' }], description: 'Pi SDK createPayment payload while the order is pending' },
    createdAt: { type: 'string', format: 'date-time' },
    paidAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const checkoutSchema = {
  type: 'object',
  required: ['order', 'payment'],
  properties: {
    order: orderSchema,
    payment: {
      type: 'object',
      required: ['id', 'amount', 'memo', 'metadata'],
      properties: { id: { type: 'integer' }, ...piRequestSchema.properties },
    },
  },
} as const;
