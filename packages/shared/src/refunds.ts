/**
 * Refund lifecycle (an App-to-User payment of π back to the payer): pending (recorded; the A2U
 * payment is created with Pi) → submitted (the transaction is signed and sent to the ledger) →
 * completed (Pi's /complete answered 2xx); pending/submitted → failed (nothing was paid).
 */
export const REFUND_STATUSES = ['pending', 'submitted', 'completed', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** Where a refund event came from: the admin's request, the reconciler, or the resume at start. */
export const REFUND_EVENT_SOURCES = ['admin', 'reconciler', 'startup'] as const;
export type RefundEventSource = (typeof REFUND_EVENT_SOURCES)[number];

/** `POST /admin/payments/:id/refund` (header `Idempotency-Key`): the whole rest when `amountPi` is omitted. */
export interface RefundRequest {
  /** π as a decimal string, > 0, at most 7 decimals. */
  amountPi?: string;
  reason: string;
}

/** A refund as the customer sees it (order page, receipt). */
export interface RefundSummary {
  id: number;
  paymentId: number;
  status: RefundStatus;
  amountPi: string;
  /** The ledger transaction that paid the refund (once signed). */
  txid: string | null;
  reason: string;
  createdAt: string;
  completedAt: string | null;
}

/** A refund as the back office sees it (`GET /admin/refunds`, the answer of a refund request). */
export interface AdminRefund extends RefundSummary {
  /** The A2U payment with Pi. */
  piPaymentId: string | null;
  orderId: number;
  orderNumber: string;
  /** The payer's Pi uid: who receives the refund. */
  recipientUid: string;
  recipientAddress: string | null;
  requestedBy: number | null;
  failureReason: string | null;
  /** Why the last attempt stopped short (Pi or the ledger down, ...); null once it went through. */
  lastError: { code: string; message: string } | null;
  submittedAt: string | null;
  failedAt: string | null;
  updatedAt: string;
}

export const REFUND_UNAVAILABLE_CODES = ['REFUNDS_DISABLED', 'REFUNDS_WALLET_MISMATCH'] as const;

/** `GET /admin/refunds/availability`: whether this server can send refunds, and if not why. */
export interface RefundAvailability {
  enabled: boolean;
  code: (typeof REFUND_UNAVAILABLE_CODES)[number] | null;
  reason: string | null;
  /** The app wallet refunds are paid from. */
  appWallet: string;
}
