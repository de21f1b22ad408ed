import type { EntityManager } from 'typeorm';
import type { PaymentFacts } from './orders.views';

/** The price snapshot a payment attempt holds (taken from the order at checkout). */
export interface PaymentSnapshot {
  orderId: number;
  orderNumber: string;
  priceEurCents: number;
  eurPerPi: string;
  amountPi: string;
}

/** Who asked for a change to an order: the customer themself, or an admin. */
export interface OrderActor {
  id: number;
  role: 'customer' | 'admin';
}

/**
 * What orders need from payments. Payments depends on orders, not the other way round: the
 * payments module provides this port when it registers (`app.orders.attachPayments(port)`).
 * Every method runs inside the caller's transaction, which holds the order's row lock.
 */
export interface OrderPaymentsPort {
  /** The attempt a customer pays with: the order's unused one, or a new one holding the snapshot. */
  openAttempt(em: EntityManager, snapshot: PaymentSnapshot): Promise<PaymentFacts>;
  /** The payments an order view shows. */
  forOrders(em: EntityManager, orderIds: number[]): Promise<PaymentFacts[]>;
  /**
   * Before an order is cancelled: its open payments already known to Pi are settled with Pi
   * (cancelled there when the payer has not signed; left in progress when a transaction is on its
   * way), so no approval our records missed survives the cancel. Pi down: PI_UNAVAILABLE.
   */
  withdrawFromPi(orderId: number, actor: OrderActor): Promise<void>;
  /** A payment approved with Pi, or being settled with Pi right now: money may be on its way. */
  inFlight(em: EntityManager, orderId: number): Promise<boolean>;
  /** The order is cancelled: its open payments fail, each audited. */
  failOpen(em: EntityManager, orderId: number, reason: string, actor: OrderActor): Promise<void>;
}
