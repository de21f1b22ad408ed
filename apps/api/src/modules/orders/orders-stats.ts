import type { DataSource } from 'typeorm';
import { ORDER_STATUSES, type LatestOrder, type OrderStatus } from '@pishop/shared';
import { Order } from './order.entity';

/** `[from, to)` in UTC. */
export interface StatsWindow {
  from: Date;
  to: Date;
}

export interface DailyRevenue {
  /** `YYYY-MM-DD` (UTC day of payment). */
  day: string;
  orders: number;
  eurCents: number;
  /** π summed exactly, in units of 10⁻⁷ π, as an integer string. */
  piUnits: string;
}

type CustomerLookup = (ids: number[]) => Promise<Map<number, { name: string; email: string | null }>>;

/**
 * The dashboard's order figures. Every query walks an index range of the window
 * (IDX_orders_status_paid_at, IDX_orders_created_status), never the whole table.
 */
export class OrdersStats {
  constructor(private readonly ds: DataSource, private readonly customers: CustomerLookup) {}

  private get sqlite(): boolean {
    return this.ds.options.type === 'better-sqlite3';
  }

  /** Paid orders per UTC day of payment. π is summed as integers of 10⁻⁷ (exact on both databases). */
  async revenueByDay(w: StatsWindow): Promise<DailyRevenue[]> {
    const day = this.sqlite ? "strftime('%Y-%m-%d', o.paidAt)" : "DATE_FORMAT(o.paidAt, '%Y-%m-%d')";
    const units = this.sqlite
      ? 'SUM(CAST(ROUND(CAST(o.totalPi AS REAL) * 10000000) AS INTEGER))'
      : 'SUM(CAST(o.totalPi AS DECIMAL(30,7)) * 10000000)';
    const rows = await this.ds.getRepository(Order).createQueryBuilder('o')
      .select(day, 'day').addSelect('COUNT(*)', 'orders').addSelect('SUM(o.totalEurCents)', 'eur').addSelect(units, 'units')
      .where('o.status = :paid', { paid: 'paid' })
      .andWhere('o.paidAt >= :from AND o.paidAt < :to', { from: w.from, to: w.to })
      .groupBy(day)
      .getRawMany<{ day: string; orders: string | number; eur: string | number; units: string | number | null }>();
    return rows.map((r) => ({
      day: String(r.day),
      orders: Number(r.orders),
      eurCents: Number(r.eur),
      // MariaDB answers DECIMAL as "123.0000000": keep the integer part only (it is whole).
      piUnits: String(r.units ?? '0').split('.')[0],
    }));
  }

  /** Orders created in the window, by status (every status present, 0 when none). */
  async countByStatus(w: StatsWindow): Promise<Record<OrderStatus, number>> {
    const rows = await this.ds.getRepository(Order).createQueryBuilder('o')
      .select('o.status', 'status').addSelect('COUNT(*)', 'n')
      .where('o.createdAt >= :from AND o.createdAt < :to', { from: w.from, to: w.to })
      .groupBy('o.status')
      .getRawMany<{ status: OrderStatus; n: string | number }>();
    const out = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  async latest(limit: number): Promise<LatestOrder[]> {
    const rows = await this.ds.getRepository(Order).find({ order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
    const who = await this.customers(rows.map((o) => o.customerId));
    return rows.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      totalEurCents: o.totalEurCents,
      totalPi: o.totalPi,
      customerId: o.customerId,
      customerName: who.get(o.customerId)?.name ?? `#${o.customerId}`,
      customerEmail: who.get(o.customerId)?.email ?? null,
      createdAt: o.createdAt.toISOString(),
    }));
  }
}
