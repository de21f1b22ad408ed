import { In, IsNull, LessThanOrEqual, Not, Or, type DataSource } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import { Payment } from './payment.entity';
import type { PaymentProcessor } from './payment-processor';
import { orderNumberOf } from './payment-checks';
import type { PiClient } from '../../lib/pi-platform/pi-client';
import { Trail } from './trail';

export interface ReconcileOptions {
  /** Only payments not heard of for this long (default 60 s). */
  olderThanSeconds?: number;
  /** At most this many stale payments per run (default 100). */
  limit?: number;
}

export interface ReconcileReport {
  checked: number;
  changed: number;
  errors: { piPaymentId: string; code: string; message: string }[];
  incompleteFromPi: number;
}

/**
 * Settles what callbacks left open: stale pending/initiated payments we know a Pi id for, and
 * Pi's own list of incomplete server payments. Safe to run anywhere, any number of times:
 * every step goes through the same idempotent processor.
 */
export class Reconciler {
  private running: Promise<ReconcileReport> | null = null;

  constructor(
    private readonly deps: {
      ds: DataSource;
      pi: PiClient;
      processor: PaymentProcessor;
      log: FastifyBaseLogger;
      afterRun?: () => Promise<unknown>;
    },
  ) {}

  /** One run; a run already in progress in this process is joined rather than doubled. */
  run(opts: ReconcileOptions = {}): Promise<ReconcileReport> {
    this.running ??= this.runOnce(opts).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no run is in progress (used when the app closes). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async runOnce(opts: ReconcileOptions): Promise<ReconcileReport> {
    const cutoff = new Date(Date.now() - (opts.olderThanSeconds ?? 60) * 1000);
    const stale = await this.deps.ds.getRepository(Payment).find({
      where: {
        status: In(['pending', 'initiated']),
        piPaymentId: Not(IsNull()),
        createdAt: LessThanOrEqual(cutoff),
        lastCheckedAt: Or(IsNull(), LessThanOrEqual(cutoff)),
      },
      order: { id: 'ASC' },
      take: opts.limit ?? 100,
    });
    const report: ReconcileReport = { checked: 0, changed: 0, errors: [], incompleteFromPi: 0 };
    const ids = new Set<string>(stale.map((p) => p.piPaymentId as string));
    try {
      const incomplete = await this.deps.pi.incompleteServerPayments();
      report.incompleteFromPi = incomplete.length;
      // Only ours: Pi lists every incomplete app-to-user payment of the app, whatever made it.
      for (const p of incomplete) if (orderNumberOf(p)) ids.add(p.identifier);
    } catch (err) {
      this.deps.log.warn({ err }, 'reconciler: Pi incomplete_server_payments unavailable');
    }
    for (const piPaymentId of ids) {
      report.checked += 1;
      const before = stale.find((p) => p.piPaymentId === piPaymentId)?.status;
      try {
        const result = await this.deps.processor.process(
          { intent: 'reconcile', piPaymentId },
          new Trail('reconciler', piPaymentId, null, { job: 'reconciler', cutoff: cutoff.toISOString() }),
        );
        if (result.status !== before) report.changed += 1;
      } catch (err) {
        const e = err as { code?: string; message?: string };
        report.errors.push({ piPaymentId, code: e.code ?? 'INTERNAL', message: e.message ?? String(err) });
      }
    }
    await this.deps.afterRun?.().catch((err) => this.deps.log.warn({ err }, 'reconciler: housekeeping failed'));
    if (report.checked) this.deps.log.info({ report }, 'reconciler: run finished');
    return report;
  }
}

