import { In, type DataSource, type EntityManager } from 'typeorm';
import type { PaymentReceipt, PiCallbackResult } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { Order } from '../orders/order.entity';
import { Payment } from './payment.entity';
import { recordEvent } from './payment-events';
import type { PaymentProcessor } from './payment-processor';
import type { PaymentStore } from './payment-store';
import { receiptView } from './payments.views';
import { Trail, type Actor } from './trail';

export const paymentNotFound = () => new AppError('PAYMENT_NOT_FOUND', 'Payment not found');

/** Payments as the rest of the app sees them: checkout's snapshot, receipts, and the Pi callbacks. */
export class PaymentsService {
  constructor(
    private readonly ds: DataSource,
    readonly processor: PaymentProcessor,
    private readonly store: PaymentStore,
  ) {}

  /** The checkout payment with its pricing snapshot; inside checkout's transaction. */
  createForCheckout(em: EntityManager, s: { orderId: number; priceEurCents: number; eurPerPi: string; amountPi: string }): Promise<Payment> {
    const repo = em.getRepository(Payment);
    return repo.save(repo.create({ ...s, status: 'pending', piPaymentId: null, txid: null, flagged: false }));
  }

  forOrders(em: EntityManager, orderIds: number[]): Promise<Payment[]> {
    return orderIds.length ? em.getRepository(Payment).find({ where: { orderId: In(orderIds) } }) : Promise.resolve([]);
  }

  /** A customer's receipt: own payments only (others are 404). */
  async receipt(customerId: number, id: number): Promise<PaymentReceipt> {
    const payment = await this.ds.getRepository(Payment).findOne({ where: { id } });
    const order = payment ? await this.ds.getRepository(Order).findOne({ where: { id: payment.orderId } }) : null;
    if (!payment || !order || order.customerId !== customerId) throw paymentNotFound();
    return receiptView(payment, order.number);
  }

  /** Pi SDK `onReadyForServerApproval`. */
  approve(actor: Actor, piPaymentId: string, raw: unknown): Promise<PiCallbackResult> {
    return this.processor.process({ intent: 'approve', piPaymentId }, new Trail('approve', piPaymentId, actor, raw));
  }

  /** Pi SDK `onReadyForServerCompletion`. */
  complete(actor: Actor, piPaymentId: string, txid: string, raw: unknown): Promise<PiCallbackResult> {
    return this.processor.process({ intent: 'complete', piPaymentId, txid }, new Trail('complete', piPaymentId, actor, raw));
  }

  /** Pi SDK `onCancel`: the payment fails unless the payer already sent the transaction. */
  cancel(actor: Actor, piPaymentId: string, raw: unknown): Promise<PiCallbackResult> {
    return this.processor.process({ intent: 'cancel', piPaymentId }, new Trail('cancel', piPaymentId, actor, raw));
  }

  /** Pi SDK `onIncompletePaymentFound` (at sign-in or the next payment): settled from Pi's own record. */
  incomplete(actor: Actor, piPaymentId: string, txid: string | undefined, raw: unknown): Promise<PiCallbackResult> {
    return this.processor.process({ intent: 'settle', piPaymentId, txid }, new Trail('incomplete', piPaymentId, actor, raw));
  }

  /** Our own tools and jobs, authenticated by signature: always re-read from Pi. */
  webhook(piPaymentId: string, raw: unknown): Promise<PiCallbackResult> {
    return this.processor.process({ intent: 'settle', piPaymentId }, new Trail('webhook', piPaymentId, null, raw));
  }

  /** A payment approved with Pi may have money on its way: the order must not be cancelled under it. */
  hasPaymentInFlight(orderId: number): Promise<boolean> {
    return this.ds.getRepository(Payment).exists({ where: { orderId, status: 'initiated' } });
  }

  /** When an admin cancels an order: its open (pending) payments fail, each audited. */
  async failOpenPayments(orderId: number, reason: string, adminId: number): Promise<void> {
    const open = await this.ds.getRepository(Payment).find({ where: { orderId, status: 'pending' } });
    for (const p of open) {
      await this.store.markFailed(p.id, reason, new Trail('admin', p.piPaymentId, { id: adminId, role: 'admin' }, { action: 'cancel-order', orderId, reason }));
    }
  }

  /** Audits a request refused before it reached the processor (e.g. a bad webhook signature). */
  async recordRefusal(source: Trail['source'], piPaymentId: string | null, raw: unknown, code: string, message: string, actor: Actor | null = null): Promise<void> {
    const trail = new Trail(source, piPaymentId, actor, raw);
    await this.ds.transaction((em) => recordEvent(em, trail.event('refused', message, { code })));
  }
}
