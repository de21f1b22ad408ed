import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { PaymentStatus } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { isUniqueViolation } from '../../lib/db-errors';
import { supportsRowLocks } from '../../lib/row-locks';
import type { DomainEvents } from '../../lib/domain-events';
import type { PiPayment } from '../../lib/pi-platform/pi-client';
import type { Order, PaymentFacts, PaymentSnapshot } from '../orders';
import type { Message } from '../inbox';
import { Payment } from './payment.entity';
import { pathTo, paymentStateMachine } from './payment.state';
import { recordEvent } from './payment-events';
import { checkPiPayment, orderNumberOf, type PaymentExpectation } from './payment-checks';
import type { Trail } from './trail';

/** What the store needs from orders, inbox and accounts (through their services), given at registration. */
export interface StoreDeps {
  ds: DataSource;
  events: DomainEvents;
  network: string;
  appWallet: string;
  orders: {
    findByNumber: (em: EntityManager, number: string) => Promise<Order | null>;
    findById: (em: EntityManager, id: number) => Promise<Order | null>;
    lockById: (em: EntityManager, id: number) => Promise<Order | null>;
    markPaid: (em: EntityManager, order: Order) => Promise<void>;
  };
  customerPiUid: (customerId: number) => Promise<string | null>;
  postSystem: (em: EntityManager, orderId: number, body: string, opts?: { internal?: boolean }) => Promise<Message>;
  notify: (messages: Message[]) => Promise<void>;
}

export interface Linked {
  payment: Payment;
  order: Order;
}

const lockOpts = (em: EntityManager) => (supportsRowLocks(em) ? { lock: { mode: 'pessimistic_write' as const } } : {});

/**
 * Every payment state change: each runs in one transaction, under a row lock on the order and
 * then the payment (one lock order everywhere), moves the state machine, and writes its audit
 * event in the same transaction. Repeats find the work done and change nothing.
 */
export class PaymentStore {
  constructor(private readonly deps: StoreDeps) {}

  findByPiId(piPaymentId: string): Promise<Payment | null> {
    return this.deps.ds.getRepository(Payment).findOne({ where: { piPaymentId } });
  }

  findById(id: number): Promise<Payment | null> {
    return this.deps.ds.getRepository(Payment).findOne({ where: { id } });
  }

  order(orderId: number): Promise<Order | null> {
    return this.deps.orders.findById(this.deps.ds.manager, orderId);
  }

  /** The attempt a customer pays with: the order's unlinked pending one, or a new one on the snapshot. */
  async openAttempt(em: EntityManager, s: PaymentSnapshot): Promise<Payment> {
    const repo = em.getRepository(Payment);
    const unused = await repo.findOne({ where: { orderId: s.orderId, piPaymentId: IsNull(), status: 'pending' }, order: { id: 'DESC' } });
    return unused ?? repo.save(repo.create({ ...s, status: 'pending', piPaymentId: null, txid: null, flagged: false }));
  }

  facts(em: EntityManager, orderIds: number[]): Promise<PaymentFacts[]> {
    return orderIds.length ? em.getRepository(Payment).find({ where: { orderId: In(orderIds) } }) : Promise.resolve([]);
  }

  /** The order's payments that Pi knows, and whether one is approved (money may be on its way). */
  async piState(em: EntityManager, orderId: number): Promise<{ initiated: boolean; piPaymentIds: string[] }> {
    const rows = await em.getRepository(Payment).find({ where: { orderId, piPaymentId: Not(IsNull()) }, select: { id: true, status: true, piPaymentId: true } });
    return {
      initiated: rows.some((p) => p.status === 'initiated'),
      piPaymentIds: rows.filter((p) => p.status === 'pending').map((p) => p.piPaymentId as string),
    };
  }

  /** Inside an order cancel's transaction (which holds the order lock): every pending payment fails. */
  async failOpen(em: EntityManager, orderId: number, reason: string, trail: (p: Payment) => Trail): Promise<void> {
    const open = await em.getRepository(Payment).find({ where: { orderId, status: 'pending' }, ...lockOpts(em) });
    for (const p of open) await this.fail(em, p, reason, trail(p));
  }

  /**
   * Finds our payment for Pi's record by `metadata.order_number`, after checking Pi's record
   * against the order's snapshot and caller. An unlinked checkout payment is linked; any other
   * Pi payment for the order becomes a new attempt (flagged when the order is no longer pending).
   */
  async link(pi: PiPayment, trail: Trail): Promise<Linked> {
    const number = orderNumberOf(pi);
    // Reads that need no lock happen before the transaction: a transaction must never wait for
    // a second pooled connection (50 waiting transactions would starve the pool).
    const found = number ? await this.deps.orders.findByNumber(this.deps.ds.manager, number) : null;
    if (!found) throw new AppError('PAYMENT_ORDER_NOT_FOUND', `Pi payment ${pi.identifier} names no order of this shop (${number ?? 'no order_number'})`);
    trail.orderId = found.id;
    if (trail.actor && trail.actor.role !== 'admin' && found.customerId !== trail.actor.id) {
      throw new AppError('PAYMENT_FORBIDDEN', `Order ${found.number} belongs to another customer`);
    }
    const customerPiUid = await this.deps.customerPiUid(found.customerId);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deps.ds.transaction((em) => this.linkLocked(em, pi, found.id, customerPiUid, trail));
      } catch (err) {
        // Two first callbacks for one Pi payment raced to link it: the unique key decided; look again.
        if (attempt < 2 && isUniqueViolation(err)) continue;
        throw err;
      }
    }
  }

  private async linkLocked(em: EntityManager, pi: PiPayment, orderId: number, customerPiUid: string | null, trail: Trail): Promise<Linked> {
    const order = await this.deps.orders.lockById(em, orderId);
    if (!order) throw new AppError('PAYMENT_ORDER_NOT_FOUND', `Pi payment ${pi.identifier} names no order of this shop`);
    const repo = em.getRepository(Payment);
    const existing = await repo.findOne({ where: { piPaymentId: pi.identifier } });
    if (existing) trail.paymentId = existing.id;
    if (existing && existing.orderId !== order.id) {
      throw new AppError('PAYMENT_ORDER_MISMATCH', `Pi payment ${pi.identifier} is linked to another order`);
    }
    const candidate = existing ?? (await repo.findOne({ where: { orderId: order.id, piPaymentId: IsNull(), status: 'pending' }, order: { id: 'DESC' } }));
    if (candidate) trail.paymentId = candidate.id;
    const expectation: PaymentExpectation = {
      orderNumber: order.number,
      amountPi: candidate?.amountPi ?? order.totalPi,
      network: this.deps.network,
      appWallet: this.deps.appWallet,
      customerPiUid,
    };
    checkPiPayment(pi, expectation);
    if (existing) return { payment: existing, order };
    const facts = { piPaymentId: pi.identifier, piUserUid: pi.user_uid ?? null, toAddress: pi.to_address ?? null };
    if (candidate && order.status === 'pending') {
      await repo.update({ id: candidate.id }, facts);
      return { payment: Object.assign(candidate, facts), order };
    }
    const flagReason =
      order.status === 'paid' ? 'Second payment for an already paid order' : order.status === 'cancelled' ? 'Payment for a cancelled order' : null;
    const created = await repo.save(
      repo.create({
        orderId: order.id,
        orderNumber: order.number,
        status: 'pending',
        priceEurCents: order.totalEurCents,
        eurPerPi: order.eurPerPi,
        amountPi: order.totalPi,
        ...facts,
        flagged: !!flagReason,
        flagReason,
      }),
    );
    trail.paymentId = created.id;
    await recordEvent(em, trail.event(flagReason ? 'flagged' : 'applied', flagReason ?? `New payment attempt for order ${order.number}`, { paymentId: created.id }));
    return { payment: created, order };
  }

  /**
   * The approval gate: under the order's lock, is this order still to be paid by this payment?
   * An order cancelled at the same moment either sees the approval's lease (and refuses), or
   * commits first and is seen here.
   */
  async payable(paymentId: number): Promise<{ order: Order; payment: Payment }> {
    return this.deps.ds.transaction(async (em) => {
      const locked = await this.lockWithOrder(em, paymentId);
      if (!locked) throw new AppError('PAYMENT_NOT_FOUND', 'Payment not found');
      return locked;
    });
  }

  /** pending → initiated (Pi approved it); anything else stays as it is. */
  async markInitiated(paymentId: number, trail: Trail, message = 'Approved with Pi'): Promise<Payment> {
    return this.change(paymentId, trail, async (em, p) => {
      if (p.status !== 'pending') return false;
      p.status = paymentStateMachine.transition(p.status, 'initiated');
      p.approvedAt = new Date();
      await recordEvent(em, trail.event('applied', message, { paymentId: p.id, statusBefore: 'pending', statusAfter: p.status }));
      return true;
    });
  }

  /** pending/initiated → failed; a confirmed payment is never undone by a late cancel. */
  async markFailed(paymentId: number, reason: string, trail: Trail): Promise<Payment> {
    return this.change(paymentId, trail, (em, p) => this.fail(em, p, reason, trail));
  }

  private async fail(em: EntityManager, p: Payment, reason: string, trail: Trail): Promise<boolean> {
    if (!paymentStateMachine.canTransition(p.status, 'failed')) return false;
    const before = p.status;
    p.status = paymentStateMachine.transition(p.status, 'failed');
    p.failedAt = new Date();
    p.failureReason = reason.slice(0, 500);
    await em.getRepository(Payment).update({ id: p.id }, { status: p.status, failedAt: p.failedAt, failureReason: p.failureReason });
    await recordEvent(em, trail.event('applied', reason, { paymentId: p.id, statusBefore: before, statusAfter: p.status }));
    await this.deps.events.publish(em, 'payment.failed', { paymentId: p.id, orderNumber: p.orderNumber, piPaymentId: p.piPaymentId, status: p.status, reason: p.failureReason });
    trail.recorded = true;
    return true;
  }

  /**
   * Pi completed the payment (its /complete answered 2xx, or it reports developer_completed):
   * the payment is confirmed with its txid, the order paid and one system message posted, all in
   * one transaction. A payment for an order that is no longer pending is confirmed but flagged.
   */
  async confirm(paymentId: number, txid: string, trail: Trail): Promise<Payment> {
    const posted: Message[] = [];
    const payment = await this.change(paymentId, trail, async (em, p, order) => {
      // A retried transaction (deadlock) starts over: only the committed attempt's message is sent.
      posted.length = 0;
      if (p.status === 'confirmed') return false;
      if (p.status === 'failed') {
        if (p.flagged) return false;
        await this.flag(em, p, `Pi reports this payment completed (txid ${txid}) but it was marked failed here`, trail);
        return true;
      }
      if (await em.getRepository(Payment).exists({ where: { txid, id: Not(p.id) } })) {
        throw new AppError('PAYMENT_TXID_CONFLICT', `Transaction ${txid} already paid another payment`);
      }
      const before = p.status;
      for (const next of pathTo(p.status, 'confirmed')) p.status = paymentStateMachine.transition(p.status, next);
      p.txid = txid;
      p.confirmedAt = new Date();
      p.approvedAt ??= p.confirmedAt;
      if (order.status === 'pending') {
        await this.deps.orders.markPaid(em, order);
        posted.push(await this.deps.postSystem(em, order.id, paidMessage(order, p)));
        await recordEvent(em, trail.event('applied', `Confirmed with txid ${txid}; order ${order.number} paid`, { paymentId: p.id, statusBefore: before, statusAfter: p.status }));
      } else {
        const why = order.status === 'paid' ? 'Second payment for an already paid order' : 'Payment completed for a cancelled order';
        p.flagged = true;
        p.flagReason = `${why}: refund or credit the customer (txid ${txid})`;
        await this.deps.postSystem(em, order.id, `Admin note: ${p.flagReason}. ${p.amountPi} π received on payment #${p.id}.`, { internal: true });
        await recordEvent(em, trail.event('flagged', p.flagReason, { paymentId: p.id, statusBefore: before, statusAfter: p.status, code: 'PAYMENT_DUPLICATE' }));
      }
      await this.deps.events.publish(em, 'payment.confirmed', {
        paymentId: p.id,
        orderNumber: p.orderNumber,
        piPaymentId: p.piPaymentId ?? '',
        txid,
        amountPi: p.amountPi,
        flagged: p.flagged,
      });
      return true;
    });
    if (posted.length) await this.deps.notify(posted);
    return payment;
  }

  async flag(em: EntityManager, p: Payment, reason: string, trail: Trail): Promise<void> {
    p.flagged = true;
    p.flagReason = reason.slice(0, 500);
    await recordEvent(em, trail.event('flagged', reason, { paymentId: p.id, statusBefore: p.status, statusAfter: p.status }));
  }

  /** Admin: one status fix with a reason (only what the state machine allows), audited. */
  async adminSetStatus(paymentId: number, status: PaymentStatus, reason: string, trail: Trail): Promise<{ changed: boolean; payment: Payment; why?: string }> {
    let why: string | undefined;
    const payment = await this.change(paymentId, trail, async (em, p) => {
      if (!paymentStateMachine.canTransition(p.status, status)) {
        why = `a ${p.status} payment cannot become ${status}`;
        return false;
      }
      if (status === 'failed') return this.fail(em, p, `Admin: ${reason}`, trail);
      const before = p.status;
      p.status = paymentStateMachine.transition(p.status, status);
      await recordEvent(em, trail.event('applied', `Admin set ${before} → ${status}: ${reason}`, { paymentId: p.id, statusBefore: before, statusAfter: status }));
      return true;
    });
    return { changed: !why, payment, why };
  }

  async resolveFlag(paymentId: number, reason: string, trail: Trail): Promise<Payment> {
    return this.change(paymentId, trail, async (em, p) => {
      if (!p.flagged) return false;
      p.flagged = false;
      await recordEvent(em, trail.event('applied', `Admin resolved the flag "${p.flagReason ?? ''}": ${reason}`, { paymentId: p.id, statusBefore: p.status, statusAfter: p.status }));
      return true;
    });
  }

  /**
   * Inside the caller's transaction: locks the payment's order, then the payment (the one lock
   * order every payment and refund change follows). Null when either is gone.
   */
  async lockWithOrder(em: EntityManager, paymentId: number): Promise<Linked | null> {
    const plain = await em.getRepository(Payment).findOne({ where: { id: paymentId } });
    const order = plain ? await this.deps.orders.lockById(em, plain.orderId) : null;
    const payment = plain && order ? await em.getRepository(Payment).findOne({ where: { id: paymentId }, ...lockOpts(em) }) : null;
    return payment && order ? { payment, order } : null;
  }

  /** Inside the caller's transaction (which holds the payment's lock): clears its flag, audited. */
  async clearFlag(em: EntityManager, p: Payment, message: string, trail: Trail): Promise<boolean> {
    if (!p.flagged) return false;
    p.flagged = false;
    await em.getRepository(Payment).update({ id: p.id }, { flagged: false });
    await recordEvent(em, trail.event('applied', message, { paymentId: p.id, statusBefore: p.status, statusAfter: p.status }));
    return true;
  }

  /** Locks the order then the payment, lets `fn` change it, saves when it did; marks the trail recorded. */
  private async change(paymentId: number, trail: Trail, fn: (em: EntityManager, p: Payment, order: Order) => Promise<boolean>): Promise<Payment> {
    return this.deps.ds.transaction(async (em) => {
      const locked = await this.lockWithOrder(em, paymentId);
      if (!locked) throw new AppError('PAYMENT_NOT_FOUND', 'Payment not found');
      const { payment: p, order } = locked;
      trail.paymentId = p.id;
      trail.statusBefore ??= p.status;
      p.lastCheckedAt = new Date();
      const changed = await fn(em, p, order);
      await em.getRepository(Payment).save(p);
      if (changed) trail.recorded = true;
      return p;
    });
  }
}

function paidMessage(order: Order, p: Payment): string {
  return `Payment received: ${p.amountPi} π for order ${order.number} (transaction ${p.txid}). Thank you! Your order is paid and we will get started.`;
}
