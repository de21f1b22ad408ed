import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThanOrEqual, Or, type DataSource, type EntityManager } from 'typeorm';
import type { RefundStatus } from '@pishop/shared';
import { AppError } from '../../../lib/app-error';
import type { DomainEvents } from '../../../lib/domain-events';
import { supportsRowLocks } from '../../../lib/row-locks';
import type { PiPayment } from '../../../lib/pi-platform/pi-client';
import type { Order } from '../../orders';
import type { Message } from '../../inbox';
import type { Payment } from '../payment.entity';
import type { PaymentStore } from '../payment-store';
import { Trail } from '../trail';
import { Refund } from './refund.entity';
import { REFUND_COUNTED_STATUSES, refundStateMachine } from './refund.state';
import type { RefundTrail } from './refund-trail';

export interface RefundStoreDeps {
  ds: DataSource;
  payments: Pick<PaymentStore, 'lockWithOrder' | 'clearFlag'>;
  events: DomainEvents;
  postSystem: (em: EntityManager, orderId: number, body: string) => Promise<Message>;
  notify: (messages: Message[]) => Promise<void>;
}

export interface NewRefund {
  paymentId: number;
  /** Omitted: whatever of the payment is not refunded or being refunded yet. */
  amountPi?: string;
  reason: string;
  requestedBy: number;
  idempotencyKey: string;
  requestHash: string;
}

export interface SignedTransaction {
  txid: string;
  envelopeXdr: string;
  validUntil: Date;
}

/** A transaction the refund is paid by: ours as signed, or one Pi already links (then without its envelope). */
export type RefundTransaction = SignedTransaction | { txid: string; envelopeXdr: null; validUntil: null };

const lockOpts = (em: EntityManager) => (supportsRowLocks(em) ? { lock: { mode: 'pessimistic_write' as const } } : {});
const TERMINAL: RefundStatus[] = ['completed', 'failed'];
export const isTerminal = (status: RefundStatus) => TERMINAL.includes(status);

/**
 * Every refund state change, each in one transaction under row locks on the order, the payment
 * and the refund (the lock order payments use), with its audit event in the same transaction.
 * The sum of a payment's refunds is checked under the payment's lock, so concurrent requests
 * can never give back more than was paid.
 */
export class RefundStore {
  constructor(private readonly deps: RefundStoreDeps) {}

  findById(id: number): Promise<Refund | null> {
    return this.deps.ds.getRepository(Refund).findOne({ where: { id } });
  }

  findByKey(requestedBy: number, idempotencyKey: string): Promise<Refund | null> {
    return this.deps.ds.getRepository(Refund).findOne({ where: { requestedBy, idempotencyKey } });
  }

  findByReference(reference: string): Promise<Refund | null> {
    return this.deps.ds.getRepository(Refund).findOne({ where: { reference } });
  }

  /** Refunds of these payments, newest first. */
  forPayments(em: EntityManager, paymentIds: number[]): Promise<Refund[]> {
    return paymentIds.length ? em.getRepository(Refund).find({ where: { paymentId: In(paymentIds) }, order: { id: 'DESC' } }) : Promise.resolve([]);
  }

  /** Refunds not finished and not tried since `cutoff`, oldest first. */
  open(cutoff: Date, limit: number): Promise<Refund[]> {
    return this.deps.ds.getRepository(Refund).find({
      where: { status: In(['pending', 'submitted']), lastCheckedAt: Or(IsNull(), LessThanOrEqual(cutoff)) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  /** The recipient's other unfinished refunds, oldest first. */
  openForRecipient(recipientUid: string): Promise<Refund[]> {
    return this.deps.ds.getRepository(Refund).find({ where: { recipientUid, status: In(['pending', 'submitted']) }, order: { id: 'ASC' } });
  }

  /**
   * Records a refund request, or finds the one this admin's key already made for this payment.
   * Under the payment's lock: only a confirmed payment with a known payer, and never more than
   * was paid once completed and in-flight refunds are counted.
   */
  async create(input: NewRefund, trail: RefundTrail): Promise<{ refund: Refund; created: boolean }> {
    return this.transaction(async (em) => {
      const locked = await this.deps.payments.lockWithOrder(em, input.paymentId);
      if (!locked) throw new AppError('PAYMENT_NOT_FOUND', 'Payment not found');
      const { payment, order } = locked;
      const repo = em.getRepository(Refund);
      // Every refund of this payment is written under its lock, which we now hold; read committed,
      // this sees them all (no snapshot from before the wait, and no gap locks to deadlock on).
      const existing = await repo.find({ where: { paymentId: payment.id } });
      const same = existing.find((r) => r.requestedBy === input.requestedBy && r.idempotencyKey === input.idempotencyKey);
      if (same) return { refund: same, created: false };
      if (payment.status !== 'confirmed' || !payment.txid) {
        throw new AppError('REFUND_NOT_ALLOWED', `Only a confirmed payment can be refunded; payment #${payment.id} is ${payment.status}`);
      }
      if (!payment.piUserUid) throw new AppError('REFUND_NOT_ALLOWED', `Pi never named the payer of payment #${payment.id}, so there is nobody to refund`);
      const amount = refundableAmount(payment, existing, input.amountPi);
      const refund = await repo.save(
        repo.create({
          paymentId: payment.id,
          orderId: order.id,
          orderNumber: order.number,
          reference: randomUUID(),
          status: 'pending',
          amountPi: amount,
          reason: input.reason,
          recipientUid: payment.piUserUid,
          recipientAddress: null,
          piPaymentId: null,
          txid: null,
          envelopeXdr: null,
          validUntil: null,
          requestedBy: input.requestedBy,
          idempotencyKey: input.idempotencyKey,
          requestHash: input.requestHash,
          failureReason: null,
          lastErrorCode: null,
          lastErrorMessage: null,
          lastCheckedAt: new Date(),
        }),
      );
      await trail.record(em, {
        refundId: refund.id,
        paymentId: payment.id,
        outcome: 'applied',
        message: `Refund of ${amount} π to the payer requested: ${input.reason}`,
        statusAfter: 'pending',
        rawPayload: { amountPi: input.amountPi ?? null, reason: input.reason },
      });
      return { refund, created: true };
    });
  }

  /** Pi created (or we found) the refund's App-to-User payment. */
  linkPiPayment(id: number, pi: PiPayment, trail: RefundTrail, message: string): Promise<Refund> {
    return this.change(id, trail, async (em, r) => {
      if (r.piPaymentId === pi.identifier) return false;
      if (r.piPaymentId) throw new AppError('REFUND_INVALID_TRANSITION', `Refund #${r.id} is already paid through Pi payment ${r.piPaymentId}`);
      r.piPaymentId = pi.identifier;
      r.recipientAddress = pi.to_address;
      await trail.record(em, { ...this.base(r), outcome: 'applied', message, statusBefore: r.status, statusAfter: r.status, rawPayload: { pi } });
      return true;
    });
  }

  /** The transaction is signed and its hash recorded before it is sent (or a new one replaces one that can never land). */
  markSubmitted(id: number, tx: RefundTransaction, trail: RefundTrail, message: string): Promise<Refund> {
    return this.change(id, trail, async (em, r) => {
      const before = r.status;
      if (r.status === 'pending') r.status = refundStateMachine.transition(r.status, 'submitted');
      else if (r.status !== 'submitted') return false;
      r.txid = tx.txid;
      r.envelopeXdr = tx.envelopeXdr;
      r.validUntil = tx.validUntil;
      r.submittedAt = new Date();
      await trail.record(em, { ...this.base(r), outcome: 'applied', message, statusBefore: before, statusAfter: r.status, rawPayload: { txid: tx.txid, validUntil: tx.validUntil?.toISOString() ?? null } });
      return true;
    });
  }

  /**
   * Pi completed the A2U payment: the refund is completed, the customer gets a system message
   * (emailed after commit), `payment.refunded` is published, and a flagged payment refunded in
   * full has its flag cleared.
   */
  async markCompleted(id: number, txid: string, trail: RefundTrail): Promise<Refund> {
    const posted: Message[] = [];
    const refund = await this.change(id, trail, async (em, r, payment, order) => {
      if (r.status === 'completed') return false;
      const before = r.status;
      if (r.status === 'pending') r.status = refundStateMachine.transition(r.status, 'submitted');
      r.status = refundStateMachine.transition(r.status, 'completed');
      r.txid = txid;
      r.completedAt = new Date();
      r.lastErrorCode = null;
      r.lastErrorMessage = null;
      await trail.record(em, { ...this.base(r), outcome: 'applied', message: `Completed with Pi: ${r.amountPi} π sent to the payer (txid ${txid})`, statusBefore: before, statusAfter: r.status });
      posted.push(await this.deps.postSystem(em, order.id, refundMessage(order, r)));
      await this.deps.events.publish(em, 'payment.refunded', { paymentId: payment.id, orderNumber: order.number, refundId: r.id, amountPi: r.amountPi, txid });
      await this.clearFlagWhenRefunded(em, r, payment);
      return true;
    });
    if (posted.length) await this.deps.notify(posted);
    return refund;
  }

  markFailed(id: number, reason: string, code: string | null, trail: RefundTrail): Promise<Refund> {
    return this.change(id, trail, async (em, r) => {
      if (!refundStateMachine.canTransition(r.status, 'failed')) return false;
      const before = r.status;
      r.status = refundStateMachine.transition(r.status, 'failed');
      r.failedAt = new Date();
      r.failureReason = reason.slice(0, 500);
      r.lastErrorCode = code;
      r.lastErrorMessage = code ? reason.slice(0, 1000) : null;
      await trail.record(em, { ...this.base(r), outcome: 'applied', message: `Failed: ${reason}`, code, statusBefore: before, statusAfter: r.status });
      return true;
    });
  }

  /** A step stopped short (Pi or the ledger down, a refusal): kept on the refund and in its trail; the state stays. */
  async noteError(id: number, code: string, message: string, outcome: 'refused' | 'error', trail: RefundTrail): Promise<void> {
    await this.deps.ds.transaction(async (em) => {
      const r = await em.getRepository(Refund).findOne({ where: { id } });
      if (!r) return;
      await em.getRepository(Refund).update({ id }, { lastErrorCode: code.slice(0, 100), lastErrorMessage: message.slice(0, 1000), lastCheckedAt: new Date() });
      await trail.record(em, { ...this.base(r), outcome, message, code, statusBefore: r.status, statusAfter: r.status });
    });
  }

  /** A call that found nothing to do (a replay, a finished refund), for the trail. */
  async noteUnchanged(r: Refund, message: string, trail: RefundTrail): Promise<void> {
    await this.deps.ds.transaction((em) => trail.record(em, { ...this.base(r), outcome: 'unchanged', message, statusBefore: r.status, statusAfter: r.status }));
  }

  private async clearFlagWhenRefunded(em: EntityManager, r: Refund, payment: Payment): Promise<void> {
    if (!payment.flagged) return;
    const completed = await em.getRepository(Refund).find({ where: { paymentId: payment.id, status: 'completed' } });
    const total = completed.reduce((sum, x) => sum.plus(x.id === r.id ? 0 : x.amountPi), new Decimal(r.amountPi));
    if (!total.gte(payment.amountPi)) return;
    const trail = new Trail('admin', payment.piPaymentId, null, { action: 'refund', refundId: r.id });
    await this.deps.payments.clearFlag(em, payment, `Flag cleared: ${total.toFixed()} π refunded in full (refund #${r.id})`, trail);
  }

  private transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return isolated(this.deps.ds, fn);
  }

  private base(r: Refund) {
    return { refundId: r.id, paymentId: r.paymentId, piPaymentId: r.piPaymentId };
  }

  /** Locks the order, the payment, then the refund; lets `fn` change it and saves it. */
  private async change(id: number, trail: RefundTrail, fn: (em: EntityManager, r: Refund, payment: Payment, order: Order) => Promise<boolean>): Promise<Refund> {
    return this.transaction(async (em) => {
      const plain = await em.getRepository(Refund).findOne({ where: { id } });
      if (!plain) throw new AppError('REFUND_NOT_FOUND', 'Refund not found');
      const locked = await this.deps.payments.lockWithOrder(em, plain.paymentId);
      const r = locked ? await em.getRepository(Refund).findOne({ where: { id }, ...lockOpts(em) }) : null;
      if (!locked || !r) throw new AppError('REFUND_NOT_FOUND', 'Refund not found');
      r.lastCheckedAt = new Date();
      await fn(em, r, locked.payment, locked.order);
      await em.getRepository(Refund).save(r);
      return r;
    });
  }
}

/**
 * MySQL/MariaDB: READ COMMITTED, so reads after taking the payment's lock see what the previous
 * holder committed (REPEATABLE READ would answer from a snapshot taken before the wait).
 * SQLite runs one transaction at a time anyway.
 */
function isolated<T>(ds: DataSource, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return supportsRowLocks(ds) ? ds.transaction('READ COMMITTED', fn) : ds.transaction(fn);
}

/** What this request may refund: the amount asked for (or all that is left), never more than is left. */
function refundableAmount(payment: Payment, refunds: Refund[], asked: string | undefined): string {
  const sum = (statuses: RefundStatus[]) => refunds.filter((r) => statuses.includes(r.status)).reduce((s, r) => s.plus(r.amountPi), new Decimal(0));
  const paid = new Decimal(payment.amountPi);
  const refunded = sum(['completed']);
  const inFlight = sum(REFUND_COUNTED_STATUSES.filter((s) => s !== 'completed'));
  const available = paid.minus(refunded).minus(inFlight);
  const amount = asked === undefined ? available : new Decimal(asked);
  if (amount.lte(0) || amount.gt(available)) {
    const details = { paidPi: paid.toFixed(), refundedPi: refunded.toFixed(), inFlightPi: inFlight.toFixed(), availablePi: Decimal.max(available, 0).toFixed() };
    throw new AppError(
      'REFUND_EXCEEDS_PAYMENT',
      available.lte(0)
        ? `Payment #${payment.id} is already refunded in full (${details.refundedPi} π refunded, ${details.inFlightPi} π being refunded of ${details.paidPi} π paid)`
        : `A refund of ${amount.toFixed()} π would exceed what was paid: ${details.paidPi} π paid, ${details.refundedPi} π refunded, ${details.inFlightPi} π being refunded; at most ${details.availablePi} π can be refunded`,
      details,
    );
  }
  return amount.toFixed();
}

function refundMessage(order: Order, r: Refund): string {
  return `Refund sent: ${r.amountPi} π for order ${order.number} went back to your Pi wallet (transaction ${r.txid}). Reason: ${r.reason}`;
}
