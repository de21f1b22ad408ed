import Decimal from 'decimal.js';
import type { AdminStats, AdminStatsQuery, LatestOrder, OrderStatus, RevenuePoint, StatsInterval } from '@pishop/shared';
import { validationFailed } from '../../lib/app-error';

/** What the dashboard reads from the other modules (wired in index.ts). */
export interface DashboardPorts {
  revenueByDay(w: { from: Date; to: Date }): Promise<{ day: string; orders: number; eurCents: number; piUnits: string }[]>;
  ordersByStatus(w: { from: Date; to: Date }): Promise<Record<OrderStatus, number>>;
  latestOrders(limit: number): Promise<LatestOrder[]>;
  paymentAttention(now: Date): Promise<AdminStats['payments']>;
  unread(): Promise<{ unread: number; threads: number }>;
  now?: () => Date;
}

const DAY = 86_400_000;
/** Longest period one request may ask for (bounded work, bounded answer). */
export const MAX_STATS_DAYS = 731;
export const LATEST_ORDERS = 10;
const PI_UNIT = new Decimal('1e7');

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const parseDay = (s: string) => new Date(`${s}T00:00:00.000Z`);

/** The first day of the bucket holding `day` (weeks start on Monday, UTC). */
export function bucketOf(day: string, interval: StatsInterval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const d = parseDay(day);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return dayOf(new Date(d.getTime() - sinceMonday * DAY));
}

/** Every bucket start from `from` to `to` (days, inclusive), so a chart shows the empty ones too. */
export function bucketsBetween(from: string, to: string, interval: StatsInterval): string[] {
  const out: string[] = [];
  for (let t = parseDay(from).getTime(); t <= parseDay(to).getTime(); t += DAY) {
    const b = bucketOf(dayOf(new Date(t)), interval);
    if (out.at(-1) !== b) out.push(b);
  }
  return out;
}

/** Sums daily rows into buckets: EUR as integers, π exactly (decimal), 7 places. */
export function revenuePoints(
  daily: { day: string; orders: number; eurCents: number; piUnits: string }[],
  from: string, to: string, interval: StatsInterval,
): RevenuePoint[] {
  const sums = new Map(bucketsBetween(from, to, interval).map((b) => [b, { orders: 0, eurCents: 0, units: new Decimal(0) }]));
  for (const d of daily) {
    const s = sums.get(bucketOf(d.day, interval));
    if (!s) continue;
    s.orders += d.orders;
    s.eurCents += d.eurCents;
    s.units = s.units.plus(d.piUnits || '0');
  }
  return [...sums].map(([period, s]) => ({ period, orders: s.orders, eurCents: s.eurCents, pi: s.units.div(PI_UNIT).toFixed(7) }));
}

export class DashboardService {
  constructor(private readonly ports: DashboardPorts) {}

  private window(q: AdminStatsQuery, now: Date): { from: string; to: string; interval: StatsInterval } {
    const to = q.to ?? dayOf(now);
    const from = q.from ?? dayOf(new Date(parseDay(to).getTime() - 29 * DAY));
    const span = (parseDay(to).getTime() - parseDay(from).getTime()) / DAY;
    if (span < 0) throw validationFailed({ from: 'must not be after to' });
    if (span >= MAX_STATS_DAYS) throw validationFailed({ from: `the period is at most ${MAX_STATS_DAYS} days` });
    return { from, to, interval: q.interval ?? 'day' };
  }

  async stats(q: AdminStatsQuery): Promise<AdminStats> {
    const now = this.ports.now?.() ?? new Date();
    const { from, to, interval } = this.window(q, now);
    const w = { from: parseDay(from), to: new Date(parseDay(to).getTime() + DAY) };
    const [daily, ordersByStatus, latestOrders, payments, unread] = await Promise.all([
      this.ports.revenueByDay(w),
      this.ports.ordersByStatus(w),
      this.ports.latestOrders(LATEST_ORDERS),
      this.ports.paymentAttention(now),
      this.ports.unread(),
    ]);
    const points = revenuePoints(daily, from, to, interval);
    const total = points.reduce(
      (acc, p) => ({ orders: acc.orders + p.orders, eurCents: acc.eurCents + p.eurCents, pi: acc.pi.plus(p.pi) }),
      { orders: 0, eurCents: 0, pi: new Decimal(0) },
    );
    return {
      from, to, interval,
      revenue: { points, total: { ...total, pi: total.pi.toFixed(7) } },
      ordersByStatus,
      payments,
      inbox: { unreadMessages: unread.unread, unreadThreads: unread.threads },
      latestOrders,
    };
  }
}
