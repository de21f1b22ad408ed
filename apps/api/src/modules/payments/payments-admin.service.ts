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
  ) {}

  async list(params: ListParams): Promise<ListResult<AdminPayment>> {
    const result = await fetchList(this.ds.getRepository(Payment).createQueryBuilder('p'), params);
    return { ...result, rows: result.rows.map(adminPaymentView) };
  }

  async get(id: number): Promise<AdminPayment & { events: AdminPaymentEvent[] }> {
    const p = await this.ds.getRepository(Payment).findOne({ where: { id } });
    if (!p) throw paymentNotFound();
    const events = await this.ds.getRepository(PaymentEvent).find({ where: { paymentId: id }, order: { id: 'DESC' }, take: 200 });
    return { ...adminPaymentView(p), events: events.map(eventView) };
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

  async resolveFlag(id: number, reason: string, admin: Actor): Promise<AdminPayment & { events: AdminPaymentEvent[] }> {
    const p = await this.ds.getRepository(Payment).findOne({ where: { id } });
    if (!p) throw paymentNotFound();
    if (!p.flagged) throw new AppError('PAYMENT_NOT_FLAGGED', 'This payment is not flagged');
    await this.store.resolveFlag(id, reason, new Trail('admin', p.piPaymentId, admin, { action: 'resolve-flag', reason }));
    return this.get(id);
  }
}
