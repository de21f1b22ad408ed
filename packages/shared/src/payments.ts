import type { RefundSummary } from './refunds';

/** Payment lifecycle: pending (checkout) → initiated (approved with Pi) → confirmed; pending/initiated → failed. */
export const PAYMENT_STATUSES = ['pending', 'initiated', 'confirmed', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Where a payment event came from. */
export const PAYMENT_EVENT_SOURCES = ['approve', 'complete', 'cancel', 'incomplete', 'webhook', 'sync', 'reconciler', 'admin'] as const;
export type PaymentEventSource = (typeof PAYMENT_EVENT_SOURCES)[number];

/** What became of an event: it changed the payment, changed nothing (a repeat), was refused, or failed upstream. */
export const PAYMENT_EVENT_OUTCOMES = ['applied', 'unchanged', 'refused', 'error', 'flagged'] as const;
export type PaymentEventOutcome = (typeof PAYMENT_EVENT_OUTCOMES)[number];

/** What the Pi SDK's `createPayment` needs: amount in π (decimal string), memo, metadata. */
export interface PiPaymentRequest {
  amount: string;
  memo: string;
  metadata: { order_number: string };
}

/** The customer's receipt for one payment (`GET /payments/:id`). */
export interface PaymentReceipt {
  id: number;
  orderNumber: string;
  status: PaymentStatus;
  piPaymentId: string | null;
  txid: string | null;
  priceEurCents: number;
  eurPerPi: string;
  amountPi: string;
  /** Same as amountPi, under the name every price read carries. */
  pricePi: string;
  createdAt: string;
  confirmedAt: string | null;
  /** π sent back for this payment, newest first. */
  refunds: RefundSummary[];
}

/** The answer of every `/pi/*` callback: the payment as it stands now. */
export interface PiCallbackResult {
  paymentId: number | null;
  piPaymentId: string;
  orderNumber: string | null;
  status: PaymentStatus;
  orderStatus: string | null;
  txid: string | null;
}

export interface PiApproveRequest {
  paymentId: string;
}
export interface PiCompleteRequest {
  paymentId: string;
  txid: string;
}
export interface PiCancelRequest {
  paymentId: string;
}
export interface PiIncompleteRequest {
  /** The SDK's PaymentDTO; only `identifier` (and the txid, compared with Pi's) is read. */
  payment: { identifier: string; transaction?: { txid: string } | null };
}
export interface PiWebhookRequest {
  paymentId: string;
  event?: string;
}
