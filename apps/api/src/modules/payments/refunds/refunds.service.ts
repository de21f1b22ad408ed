import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import type { DataSource, EntityManager } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import { REFUND_STATUSES, type AdminRefund, type RefundAvailability, type RefundEventSource, type RefundRequest, type RefundSummary } from '@pishop/shared';
import { AppError } from '../../../lib/app-error';
import { isUniqueViolation } from '../../../lib/db-errors';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../../lib/simple-rest';
import type { PiClient, PiPayment } from '../../../lib/pi-platform/pi-client';
import { Refund, RefundEvent } from './refund.entity';
import { referenceOf, type RefundProcessor } from './refund-processor';
import { isTerminal, type RefundStore } from './refund-store';
import { RefundTrail } from './refund-trail';
import type { RefundWallet } from './refund-wallet';
import { adminRefundView, refundEventView, refundSummary } from './refunds.views';

export const refundsSpec: SimpleRestSpec = {
  resource: 'refunds',
  sortable: { id: 'r.id', status: 'r.status', paymentId: 'r.paymentId', orderId: 'r.orderId', createdAt: 'r.createdAt', updatedAt: 'r.updatedAt', completedAt: 'r.completedAt' },
  defaultSort: ['id', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['r.piPaymentId', 'r.txid', 'r.orderNumber', 'r.reason'] },
    id: { type: 'int', column: 'r.id' },
    paymentId: { type: 'int', column: 'r.paymentId' },
    orderId: { type: 'int', column: 'r.orderId' },
    status: { type: 'string', column: 'r.status', values: REFUND_STATUSES },
    createdAt_gte: { type: 'date', column: 'r.createdAt', op: 'gte' },
    createdAt_lte: { type: 'date', column: 'r.createdAt', op: 'lte' },
  },
};

export type AdminRefundWithEvents = AdminRefund & { events: ReturnType<typeof refundEventView>[] };

export interface RefundRequestOutcome {
  refund: AdminRefund;
  /** A new refund (false: the Idempotency-Key's earlier request, replayed). */
  created: boolean;
}

export interface RefundReconcileReport {
  checked: number;
  completed: number;
  failed: number;
  errors: { refundId: number; code: string; message: string }[];
  /** Pi's incomplete A2U payments that name no refund of ours (left alone). */
  unknownFromPi: number;
}

export interface RefundsServiceDeps {
  ds: DataSource;
  store: RefundStore;
  processor: RefundProcessor;
  wallet: RefundWallet;
  pi: PiClient;
  log: FastifyBaseLogger;
}

/**
 * Refunds as the back office and the jobs see them: a request (Idempotency-Key per admin, then
 * as many steps as can be made now), the list, and the resume of unfinished refunds from our
 * records and Pi's `incomplete_server_payments` (at start and by the reconciler).
 */
export class RefundsService {
  private resuming: Promise<RefundReconcileReport> | null = null;

  constructor(private readonly deps: RefundsServiceDeps) {}

  availability(): RefundAvailability {
    return this.deps.wallet.availability;
  }

  async request(adminId: number, paymentId: number, body: RefundRequest, key: string | undefined): Promise<RefundRequestOutcome> {
    // A wrong or missing seed is refused before anything is recorded or sent.
    this.deps.wallet.assertReady();
    const idempotencyKey = checkKey(key);
    const amountPi = body.amountPi === undefined ? undefined : new Decimal(body.amountPi).toFixed();
    const requestHash = createHash('sha256').update(JSON.stringify({ paymentId, amountPi: amountPi ?? null, reason: body.reason })).digest('hex');
    const trail = new RefundTrail('admin', adminId);
    let outcome: { refund: Refund; created: boolean };
    try {
      outcome = await this.deps.store.create({ paymentId, amountPi, reason: body.reason, requestedBy: adminId, idempotencyKey, requestHash }, trail);
    } catch (err) {
      // The same key was used at the same moment for another payment: the unique key decided.
      if (!isUniqueViolation(err)) throw err;
      const existing = await this.deps.store.findByKey(adminId, idempotencyKey);
      if (!existing) throw err;
      outcome = { refund: existing, created: false };
    }
    if (!outcome.created && outcome.refund.requestHash !== requestHash) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED', `This Idempotency-Key already made refund #${outcome.refund.id} with another request`, { refundId: outcome.refund.id });
    }
    const refund = await this.deps.processor.drive(outcome.refund.id, trail);
    return { refund: adminRefundView(refund), created: outcome.created };
  }

  async list(params: ListParams): Promise<ListResult<AdminRefund>> {
    const result = await fetchList(this.deps.ds.getRepository(Refund).createQueryBuilder('r'), params);
    return { ...result, rows: result.rows.map(adminRefundView) };
  }

  async get(id: number): Promise<AdminRefundWithEvents> {
    const r = await this.deps.store.findById(id);
    if (!r) throw new AppError('REFUND_NOT_FOUND', 'Refund not found');
    const events = await this.deps.ds.getRepository(RefundEvent).find({ where: { refundId: id }, order: { id: 'DESC' }, take: 200 });
    return { ...adminRefundView(r), events: events.map(refundEventView) };
  }

  /** The refunds of these payments, as customers and order views show them. */
  async summariesFor(em: EntityManager, paymentIds: number[]): Promise<RefundSummary[]> {
    return (await this.deps.store.forPayments(em, paymentIds)).map(refundSummary);
  }

  /** At start: Pi's incomplete A2U payments and our unfinished refunds, finished where they stopped. */
  resumeAtStart(): Promise<RefundReconcileReport> {
    return this.exclusive(async () => {
      let incomplete: PiPayment[] | null = null;
      if (this.deps.wallet.availability.enabled) {
        incomplete = await this.deps.pi.incompleteServerPayments().catch((err) => {
          this.deps.log.warn({ err }, 'refunds: Pi incomplete_server_payments unavailable at start');
          return null;
        });
      }
      return this.reconcileOnce(incomplete, 'startup', { olderThanSeconds: 0 });
    });
  }

  /**
   * Finishes unfinished refunds: those Pi lists as incomplete A2U payments (matched by the
   * reference in their metadata), and ours not tried for `olderThanSeconds`. A run already in
   * progress in this process is joined. With refunds off, nothing is sent.
   */
  reconcile(incomplete: PiPayment[] | null, source: RefundEventSource, opts: { olderThanSeconds?: number; limit?: number } = {}): Promise<RefundReconcileReport> {
    return this.exclusive(() => this.reconcileOnce(incomplete, source, opts));
  }

  /** Resolves when no resume is in progress (the app waits for it when it closes). */
  async idle(): Promise<void> {
    await this.resuming?.catch(() => undefined);
  }

  /** One resume at a time in this process (the lease keeps other processes apart): a second caller joins the first. */
  private exclusive(run: () => Promise<RefundReconcileReport>): Promise<RefundReconcileReport> {
    this.resuming ??= run().finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  private async reconcileOnce(incomplete: PiPayment[] | null, source: RefundEventSource, opts: { olderThanSeconds?: number; limit?: number }): Promise<RefundReconcileReport> {
    const report: RefundReconcileReport = { checked: 0, completed: 0, failed: 0, errors: [], unknownFromPi: 0 };
    if (!this.deps.wallet.availability.enabled) return report;
    const work = new Map<number, PiPayment | undefined>();
    for (const p of incomplete ?? []) {
      const reference = p.direction === 'app_to_user' ? referenceOf(p) : null;
      const refund = reference ? await this.deps.store.findByReference(reference) : null;
      if (refund && !isTerminal(refund.status)) work.set(refund.id, p);
      else if (!refund && p.direction === 'app_to_user') report.unknownFromPi += 1;
    }
    const cutoff = new Date(Date.now() - (opts.olderThanSeconds ?? 60) * 1000);
    for (const r of await this.deps.store.open(cutoff, opts.limit ?? 100)) if (!work.has(r.id)) work.set(r.id, undefined);
    for (const [id, hint] of work) {
      report.checked += 1;
      try {
        const r = await this.deps.processor.drive(id, new RefundTrail(source, null), hint);
        if (r.status === 'completed') report.completed += 1;
        if (r.status === 'failed') report.failed += 1;
        if (!isTerminal(r.status) && r.lastErrorCode) report.errors.push({ refundId: id, code: r.lastErrorCode, message: r.lastErrorMessage ?? '' });
      } catch (err) {
        const e = err as { code?: string; message?: string };
        report.errors.push({ refundId: id, code: e.code ?? 'INTERNAL', message: e.message ?? String(err) });
      }
    }
    if (report.checked || report.unknownFromPi) this.deps.log.info({ report, source }, 'refunds: resume finished');
    return report;
  }
}

function checkKey(key: string | undefined): string {
  if (key === undefined || key === '') {
    throw new AppError('IDEMPOTENCY_KEY_REQUIRED', 'A refund moves money: send an Idempotency-Key header (1 to 255 visible ASCII characters), the same one when you retry', {
      fields: { 'Idempotency-Key': 'is required' },
    });
  }
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key must be 1 to 255 visible ASCII characters', { fields: { 'Idempotency-Key': 'must be 1 to 255 visible ASCII characters' } });
  }
  return key;
}

