import type { AdminRefund, RefundSummary } from '@pishop/shared';
import { nullableDate, nullableStr } from '../../../lib/json-schema';
import type { Refund, RefundEvent } from './refund.entity';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function refundSummary(r: Refund): RefundSummary {
  return {
    id: r.id,
    paymentId: r.paymentId,
    status: r.status,
    amountPi: r.amountPi,
    txid: r.status === 'failed' ? null : r.txid,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    completedAt: iso(r.completedAt),
  };
}

/** Never the envelope, the reference or the key: only what an admin reads. */
export function adminRefundView(r: Refund): AdminRefund {
  return {
    ...refundSummary(r),
    txid: r.txid,
    piPaymentId: r.piPaymentId,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    recipientUid: r.recipientUid,
    recipientAddress: r.recipientAddress,
    requestedBy: r.requestedBy,
    failureReason: r.failureReason,
    lastError: r.lastErrorCode ? { code: r.lastErrorCode, message: r.lastErrorMessage ?? '' } : null,
    submittedAt: iso(r.submittedAt),
    failedAt: iso(r.failedAt),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function refundEventView(e: RefundEvent) {
  return {
    id: e.id,
    refundId: e.refundId,
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

const statusEnum = { type: 'string', enum: ['pending', 'submitted', 'completed', 'failed'] } as const;

export const refundSummarySchema = {
  type: 'object',
  required: ['id', 'paymentId', 'status', 'amountPi', 'txid', 'reason', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    paymentId: { type: 'integer' },
    status: statusEnum,
    amountPi: { type: 'string', description: 'π sent back (decimal string)' },
    txid: { ...nullableStr, description: 'The ledger transaction that paid the refund' },
    reason: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    completedAt: nullableDate,
  },
} as const;

export const adminRefundSchema = {
  type: 'object',
  properties: {
    ...refundSummarySchema.properties,
    piPaymentId: { ...nullableStr, description: 'The App-to-User payment with Pi' },
    orderId: { type: 'integer' },
    orderNumber: { type: 'string' },
    recipientUid: { type: 'string', description: "The payer's Pi uid, who receives the refund" },
    recipientAddress: nullableStr,
    requestedBy: { type: ['integer', 'null'] },
    failureReason: nullableStr,
    lastError: {
      anyOf: [{ type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } }, { type: 'null' }],
      description: 'Why the last attempt stopped short (Pi or the ledger down, ...)',
    },
    submittedAt: nullableDate,
    failedAt: nullableDate,
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const refundEventSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    refundId: { type: 'integer' },
    paymentId: { type: 'integer' },
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

export const adminRefundWithEventsSchema = {
  ...adminRefundSchema,
  properties: { ...adminRefundSchema.properties, events: { type: 'array', items: refundEventSchema } },
} as const;

export const availabilitySchema = {
  type: 'object',
  required: ['enabled', 'code', 'reason', 'appWallet'],
  properties: {
    enabled: { type: 'boolean' },
    code: { anyOf: [{ type: 'string', enum: ['REFUNDS_DISABLED', 'REFUNDS_WALLET_MISMATCH'] }, { type: 'null' }] },
    reason: nullableStr,
    appWallet: { type: 'string' },
  },
} as const;
