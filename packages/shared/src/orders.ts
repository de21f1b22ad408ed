import type { PaymentStatus, PiPaymentRequest } from './payments';

/** Order lifecycle: pending → paid | cancelled; a paid order is never cancelled. */
export const ORDER_STATUSES = ['pending', 'paid', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface CheckoutRequest {
  serviceSlug: string;
}

export interface OrderItemView {
  serviceId: number | null;
  serviceSlug: string;
  title: string;
  priceEurCents: number;
  pricePi: string;
}

export interface OrderPaymentSummary {
  id: number;
  status: PaymentStatus;
  piPaymentId: string | null;
  txid: string | null;
  amountPi: string;
}

export interface OrderView {
  number: string;
  status: OrderStatus;
  totalEurCents: number;
  /** Same figure as totalPi, under the name every price read carries. */
  priceEurCents: number;
  pricePi: string;
  totalPi: string;
  eurPerPi: string;
  items: OrderItemView[];
  /** Payments made (or tried) for this order, newest first. */
  payments: OrderPaymentSummary[];
  threadId: number | null;
  /** What to hand to the Pi SDK to pay (again) while the order is pending; null otherwise. */
  piPayment: PiPaymentRequest | null;
  createdAt: string;
  paidAt: string | null;
}

export interface CheckoutResponse {
  order: OrderView;
  payment: PiPaymentRequest & { id: number };
}

/** `POST /orders/:number/cancel`: a customer cancels their own unpaid order. */
export interface CancelOrderRequest {
  reason?: string;
}

/** `POST /orders/:number/pay`: a new Pi payment payload for a pending order (same price snapshot). */
export type PayOrderResponse = CheckoutResponse;
