import type { DataSource } from 'typeorm';
import type { PaymentReceipt, PiCallbackResult } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import type { OrderPaymentsPort } from '../orders';
import { Payment } from './payment.entity';
import type { PaymentAudit } from './payment-events';
import type { PaymentLeases } from './payment-lease';
import type { PaymentProcessor } from './payment-processor';
import type { PaymentStore } from './payment-store';
import { receiptView } from './payments.views';
import type { RefundsService } from './refunds/refunds.service';
import { Trail, type Actor } from './trail';

export const paymentNotFound = () => new AppError('PAYMENT_NOT_FOUND', 'Payment not found');

/** Payments as the rest of the app sees them: receipts, the Pi callbacks, and the port orders use. */
export class PaymentsService {
  constructor(
    private readonly ds: DataSource,
    readonly processor: PaymentProcessor,
    private readonly store: PaymentStore,
    private readonly leases: PaymentLeases,
    private readonly audit: PaymentAudit,
    private readonly refunds: Pick<RefundsService, 'summariesFor'>,
  ) {}

  /** What the orders module needs from payments (attached to it at registration). */
  ordersPort(): OrderPaymentsPort {
    return {
      openAttempt: (em, snapshot) => this.store.openAttempt(em, snapshot),
      forOrders: async (em, orderIds) => {
        const payments = await this.store.facts(em, orderIds);
        const refunds = await this.refunds.summariesFor(em, payments.map((p) => p.id));
        return payments.map((p) => ({ ...p, refunds: refunds.filter((r) => r.paymentId === p.id) }));
      },
      withdrawFromPi: async (orderId, actor) => {
        const { piPaymentIds } = await this.store.piState(this.ds.manager, orderId);
        for (const piPaymentId of piPaymentIds) {
          await this.processor.process({ intent: 'withdraw', piPaymentId }, new Trail('admin', piPaymentId, actor, { action: 'cancel-order', orderId }));
        }
      },
      inFlight: async (em, orderId) => {
        const { initiated, piPaymentIds } = await this.store.piState(em, orderId);
        return initiated || (await this.leases.anyHeld(em, piPaymentIds));
      },
      failOpen: (em, orderId, reason, actor) =>
        this.store.failOpen(em, orderId, reason, (p) => new Trail('admin', p.piPaymentId, actor, { action: 'cancel-order', orderId, reason })),
    };
  }

  /** A customer's receipt: own payments only (others are 404). */
  async receipt(customerId: number, id: number): Promise<PaymentReceipt> {
    const payment = await this.ds.getRepository(Payment).findOne({ where: { id } });
    const order = payment ? await this.store.order(payment.orderId) : null;
    if (!payment || !order || order.customerId !== customerId) throw paymentNotFound();
    return receiptView(payment, await this.refunds.summariesFor(this.ds.manager, [payment.id]));
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

  /** Pi SDK `onIncompletePaymentFound` (at sign-in or before the next payment): settled from Pi's own record. */
  incomplete(actor: Actor, piPaymentId: string, txid: string | undefined, raw: unknown): Promise<PiCallbackResult> {
    return this.processor.process({ intent: 'incomplete', piPaymentId, txid }, new Trail('incomplete', piPaymentId, actor, raw));
  }

  /** Our own tools and jobs, authenticated by signature: always re-read from Pi. */
  webhook(piPaymentId: string, raw: unknown): Promise<PiCallbackResult> {
    return this.processor.process({ intent: 'settle', piPaymentId }, new Trail('webhook', piPaymentId, null, raw));
  }

  /** Audits a request refused before it reached the processor (e.g. a bad webhook signature). */
  recordRefusal(source: Trail['source'], piPaymentId: string | null, raw: unknown, code: string, message: string, actor: Actor | null = null): Promise<void> {
    return this.audit.refusal(new Trail(source, piPaymentId, actor, raw), code, message);
  }
}
