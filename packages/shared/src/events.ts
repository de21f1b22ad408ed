import type { OrderStatus } from './orders';
import type { PaymentStatus } from './payments';

/**
 * What happened in the shop, as modules announce it. Published inside the transaction that
 * made the change (so an outbox row commits with it), and the payload third parties receive
 * in outgoing webhooks (`{id, type, createdAt, data}`).
 */
export interface DomainEventMap {
  'order.created': { orderNumber: string; customerId: number; status: OrderStatus; totalEurCents: number; totalPi: string };
  'order.paid': { orderNumber: string; customerId: number; totalEurCents: number; totalPi: string; paidAt: string };
  'order.cancelled': { orderNumber: string; customerId: number; reason: string; cancelledBy: 'customer' | 'admin'; cancelledAt: string };
  'payment.confirmed': { paymentId: number; orderNumber: string; piPaymentId: string; txid: string; amountPi: string; flagged: boolean };
  'payment.failed': { paymentId: number; orderNumber: string; piPaymentId: string | null; status: PaymentStatus; reason: string };
  'payment.refunded': { paymentId: number; orderNumber: string; refundId: number; amountPi: string; txid: string | null };
  'thread.message_created': { threadId: number; orderNumber: string; messageId: number; kind: 'system' | 'customer' | 'admin' };
}

export type DomainEventType = keyof DomainEventMap;
export const DOMAIN_EVENT_TYPES = [
  'order.created',
  'order.paid',
  'order.cancelled',
  'payment.confirmed',
  'payment.failed',
  'payment.refunded',
  'thread.message_created',
] as const satisfies readonly DomainEventType[];

export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  type: T;
  data: DomainEventMap[T];
}
