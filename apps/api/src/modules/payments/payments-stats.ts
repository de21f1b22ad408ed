import { In, LessThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import { Payment, PaymentEvent } from './payment.entity';

export interface PaymentAttention {
  stale: number;
  flagged: number;
  mismatchedToday: number;
  failedToday: number;
}

/**
 * The dashboard's "needs attention" counts, each over an index
 * (IDX_payments_status_created, IDX_payments_flagged, IDX_payments_failed_at,
 * IDX_payment_events_outcome_created).
 */
export class PaymentsStats {
  constructor(private readonly ds: DataSource, private readonly staleAfterSeconds: number) {}

  async attention(now: Date): Promise<PaymentAttention> {
    const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const payments = this.ds.getRepository(Payment);
    const [stale, flagged, failedToday, mismatchedToday] = await Promise.all([
      payments.count({ where: { status: In(['pending', 'initiated']), createdAt: LessThan(new Date(now.getTime() - this.staleAfterSeconds * 1000)) } }),
      payments.count({ where: { flagged: true } }),
      payments.count({ where: { failedAt: MoreThanOrEqual(startOfDay) } }),
      this.ds.getRepository(PaymentEvent).createQueryBuilder('e')
        .where('e.outcome = :outcome', { outcome: 'refused' })
        .andWhere('e.createdAt >= :since', { since: startOfDay })
        .andWhere("e.code LIKE '%!_MISMATCH' ESCAPE '!'")
        .getCount(),
    ]);
    return { stale, flagged, mismatchedToday, failedToday };
  }
}
