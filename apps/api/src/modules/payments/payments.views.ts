import type { PaymentReceipt } from '@pishop/shared';
import type { Payment, PaymentEvent } from './payment.entity';
import { nullableStr, nullableDate } from '../../lib/json-schema';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function receiptView(p: Payment): PaymentReceipt {
  return {
    id: p.id,
    orderNumber: p.orderNumber,
    status: p.status,
    piPaymentId: p.piPaymentId,
    txid: p.txid,
    priceEurCents: p.priceEurCents,
    eurPerPi: p.eurPerPi,
    amountPi: p.amountPi,
    pricePi: p.amountPi,
    createdAt: p.createdAt.toISOString(),
    confirmedAt: iso(p.confirmedAt),
  };
}

export function adminPaymentView(p: Payment) {
  return {
    ...receiptView(p),
    orderId: p.orderId,
    piUserUid: p.piUserUid,
    toAddress: p.toAddress,
    flagged: p.flagged,
    flagReason: p.flagReason,
    failureReason: p.failureReason,
    approvedAt: iso(p.approvedAt),
    failedAt: iso(p.failedAt),
    lastCheckedAt: iso(p.lastCheckedAt),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function eventView(e: PaymentEvent) {
  return {
    id: e.id,
    paymentId: e.paymentId,
    piPaymentId: e.piPaymentId,
    source: e.source,
    outcome: e.outcome,
    code: e.code,
    message: e.message,
    statusBefore: e.statusBefore,
    statusAfter: e.statusAfter,
    actorId: e.actorId,
    rawPayload: e.rawPayload,
    createdAt: e.createdAt.toISOString(),
  };
}

const statusEnum = { type: 'string', enum: ['pending', 'initiated', 'confirmed', 'failed'] } as const;

export const receiptSchema = {
  type: 'object',
  required: ['id', 'orderNumber', 'status', 'priceEurCents', 'eurPerPi', 'amountPi', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    orderNumber: { type: 'string' },
    status: statusEnum,
    piPaymentId: nullableStr,
    txid: nullableStr,
    priceEurCents: { type: 'integer', description: 'EUR cents at checkout' },
    eurPerPi: { type: 'string', description: 'EUR per π at checkout' },
    amountPi: { type: 'string', description: 'π charged (checkout snapshot)' },
    pricePi: { type: 'string', description: 'Same as amountPi' },
    createdAt: { type: 'string', format: 'date-time' },
    confirmedAt: nullableDate,
  },
} as const;

export const adminPaymentSchema = {
  type: 'object',
  properties: {
    ...receiptSchema.properties,
    orderId: { type: 'integer' },
    piUserUid: nullableStr,
    toAddress: nullableStr,
    flagged: { type: 'boolean' },
    flagReason: nullableStr,
    failureReason: nullableStr,
    approvedAt: nullableDate,
    failedAt: nullableDate,
    lastCheckedAt: nullableDate,
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const eventSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    paymentId: { type: ['integer', 'null'] },
    piPaymentId: nullableStr,
    source: { type: 'string' },
    outcome: { type: 'string' },
    code: nullableStr,
    message: { type: 'string' },
    statusBefore: nullableStr,
    statusAfter: nullableStr,
    actorId: { type: ['integer', 'null'] },
    rawPayload: {},
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const adminPaymentWithEventsSchema = {
  ...adminPaymentSchema,
  properties: { ...adminPaymentSchema.properties, events: { type: 'array', items: eventSchema } },
} as const;

export const callbackResultSchema = {
  type: 'object',
  required: ['piPaymentId', 'status'],
  properties: {
    paymentId: { type: ['integer', 'null'] },
    piPaymentId: { type: 'string' },
    orderNumber: nullableStr,
    status: statusEnum,
    orderStatus: nullableStr,
    txid: nullableStr,
  },
} as const;
