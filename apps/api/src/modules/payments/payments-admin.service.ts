import type { DataSource } from 'typeorm';
import { PAYMENT_EVENT_OUTCOMES, PAYMENT_EVENT_SOURCES, PAYMENT_STATUSES, type PaymentStatus } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { Payment, PaymentEvent } from './payment.entity';
import type { PaymentProcessor } from './payment-processor';
import type { PaymentStore } from './payment-store';
import { adminPaymentView, eventView } from './payments.views';
import { paymentNotFound } from './payments.service';
import { Trail, type Actor } from './trail';
import type { RefundsService } from './refunds/refunds.service';

export const paymentsSpec: SimpleRestSpec = {
  resource: 'payments',
  sortable: { id: 'p.id', status: 'p.status', orderId: 'p.orderId', priceEurCents: 'p.priceEurCents', createdAt: 'p.createdAt', updatedAt: 'p.updatedAt' },
  defaultSort: ['id', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['p.piPaymentId', 'p.txid', 'p.orderNumber'] },
    id: { type: 'int', column: 'p.id' },
    orderId: { type: 'int', column: 'p.orderId' },
    status: { type: 'string', column: 'p.status', values: PAYMENT_STATUSES },
    flagged: { type: 'boolean', column: 'p.flagged' },
    piPaymentId: { type: 'string', column: 'p.piPaymentId' },
    createdAt_gte: { type: 'date', column: 'p.createdAt', op: 'gte' },
    createdAt_lte: { type: 'date', column: 'p.createdAt', op: 'lte' },
  },
};

export const paymentEventsSpec: SimpleRestSpec = {
  resource: 'payment-events',
  sortable: { id: 'e.id', createdAt: 'e.createdAt', source: 'e.source', outcome: 'e.outcome' },
  defaultSort: ['id', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['e.message', 'e.piPaymentId', 'e.code'] },
    id: { type: 'int', column: 'e.id' },
    paymentId: { type: 'int', column: 'e.paymentId' },
    piPaymentId: { type: 'string', column: 'e.piPaymentId' },
    source: { type: 'string', column: 'e.source', values: PAYMENT_EVENT_SOURCES },
    outcome: { type: 'string', column: 'e.outcome', values: PAYMENT_EVENT_OUTCOMES },
    createdAt_gte: { type: 'date', column: 'e.createdAt', op: 'gte' },
    createdAt_lte: { type: 'date', column: 'e.createdAt', op: 'lte' },
  },
};

export type AdminPayment = ReturnType<typeof adminPaymentView>;
export type AdminPaymentEvent = ReturnType<typeof eventView>;

export interface BulkStatusResult {
  updated: number[];
  skipped: { id: number; reason: string }[];
}

/** The back office: payments with their audit trail, "Sync from Pi", status fixes with a reason. */
export class PaymentsAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly store: PaymentStore,
    private readonly processor: PaymentProcessor,
    private readonly refunds: Pick<RefundsService, 'summariesFor'>,
  ) {}

  async list(params: ListParams): Promise<ListResult<AdminPayment>> {
    const result = await fetchList(this.ds.getRepository(Payment).createQueryBuilder('p'), params);
    return { ...result, rows: await this.views(result.rows) };
  }

  async get(id: number): Promise<AdminPayment & { events: AdminPaymentEvent[] }> {
    const p = await this.ds.getRepository(Payment).findOne({ where: { id } });
    if (!p) throw paymentNotFound();
    const events = await this.ds.getRepository(PaymentEvent).find({ where: { paymentId: id }, order: { id: 'DESC' }, take: 200 });
    const [view] = await this.views([p]);
    return { ...view, events: events.map(eventView) };
  }

  /** Payments with their refunds and what is left to refund (one more query per page). */
  private async views(payments: Payment[]): Promise<AdminPayment[]> {
    const refunds = await this.refunds.summariesFor(this.ds.manager, payments.map((p) => p.id));
    return payments.map((p) => adminPaymentView(p, refunds.filter((r) => r.paymentId === p.id)));
  }

  async listEvents(params: ListParams): Promise<ListResult<AdminPaymentEvent>> {
    const result = await fetchList(this.ds.getRepository(PaymentEvent).createQueryBuilder('e'), params);
    return { ...result, rows: result.rows.map(eventView) };
  }

  async getEvent(id: number): Promise<AdminPaymentEvent> {
    const e = await this.ds.getRepository(PaymentEvent).findOne({ where: { id } });
    if (!e) throw new AppError('PAYMENT_EVENT_NOT_FOUND', 'Payment event not found');
    return eventView(e);
  }

  /** "Sync from Pi": re-read one payment from Pi and settle it (completing it when Pi has its transaction). */
  async sync(id: number, admin: Actor): Promise<AdminPayment & { events: AdminPaymentEvent[] }> {
    const p = await this.ds.getRepository(Payment).findOne({ where: { id } });
    if (!p) throw paymentNotFound();
    if (!p.piPaymentId) {
      throw new AppError('PAYMENT_NOT_LINKED', 'This payment was never started in Pi (no Pi payment id yet); there is nothing to sync');
    }
    await this.processor.process({ intent: 'settle', piPaymentId: p.piPaymentId }, new Trail('sync', p.piPaymentId, admin, { action: 'sync', paymentId: id }));
    return this.get(id);
  }

  /** A status fix over several payments; only moves the state machine allows, each audited with the reason. */
  async bulkSetStatus(ids: number[], status: PaymentStatus, reason: string, admin: Actor): Promise<BulkStatusResult> {
    const result: BulkStatusResult = { updated: [], skipped: [] };
    for (const id of [...new Set(ids)]) {
      const trail = new Trail('admin', null, admin, { action: 'bulk-status', ids, status, reason });
      try {
        if (status === 'failed') {
          const settled = await this.withdrawWithPi(id, admin, { action: 'bulk-status', ids, status, reason });
          if (settled === 'failed') {
            result.updated.push(id);
            continue;
          }
          if (settled) {
            result.skipped.push({ id, reason: settled });
            continue;
          }
        }
        const outcome = await this.store.adminSetStatus(id, status, reason, trail);
        if (outcome.changed) result.updated.push(id);
        else result.skipped.push({ id, reason: outcome.why ?? 'unchanged' });
      } catch (err) {
        if (err instanceof AppError && err.code === 'PAYMENT_NOT_FOUND') result.skipped.push({ id, reason: 'not found' });
        else throw err;
      }
    }
    return result;
  }

  /**
   * An open payment Pi knows may be approved there (or signed) whatever our record says: it is
   * withdrawn with Pi first. Answers 'failed' when Pi cancelled it, a reason to skip it when
   * Pi shows money on its way or cannot be asked, or null when Pi has nothing to do with it.
   */
  private async withdrawWithPi(id: number, admin: Actor, raw: Record<string, unknown>): Promise<'failed' | string | null> {
    const p = await this.ds.getRepository(Payment).findOne({ where: { id } });
    if (!p?.piPaymentId || (p.status !== 'pending' && p.status !== 'initiated')) return null;
    try {
      const after = await this.processor.process({ intent: 'withdraw', piPaymentId: p.piPaymentId }, new Trail('admin', p.piPaymentId, admin, raw));
      if (after.status === 'failed') return 'failed';
      if (after.status === 'confirmed') return 'Pi completed this payment: it is confirmed, not failed';
      if (after.status === 'initiated') return 'the payer already signed this payment with Pi (money on its way): it will be completed, not failed';
      return null;
    } catch (err) {
      if (err instanceof AppError) return `not asked of Pi: ${err.message}`;
      throw err;
    }
  }

  async resolveFlag(id: number, reason: string, admin: Actor): Promise<AdminPayment & { events: AdminPaymentEvent[] }> {
    const p = await this.ds.getRepository(Payment).findOne({ where: { id } });
    if (!p) throw paymentNotFound();
    if (!p.flagged) throw new AppError('PAYMENT_NOT_FLAGGED', 'This payment is not flagged');
    await this.store.resolveFlag(id, reason, new Trail('admin', p.piPaymentId, admin, { action: 'resolve-flag', reason }));
    return this.get(id);
  }
}
