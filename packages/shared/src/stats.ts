import type { OrderStatus } from './orders';

/** `GET /admin/stats` buckets. */
export const STATS_INTERVALS = ['day', 'week', 'month'] as const;
export type StatsInterval = (typeof STATS_INTERVALS)[number];

/** `GET /admin/stats?from=YYYY-MM-DD&to=YYYY-MM-DD&interval=day|week|month` (defaults: the last 30 days by day). */
export interface AdminStatsQuery {
  from?: string;
  to?: string;
  interval?: StatsInterval;
}

/** Paid orders in one bucket (by the day they were paid, UTC). Weeks start on Monday. */
export interface RevenuePoint {
  /** First day of the bucket, `YYYY-MM-DD`. */
  period: string;
  orders: number;
  eurCents: number;
  /** Decimal string, 7 places. */
  pi: string;
}

export interface LatestOrder {
  id: number;
  number: string;
  status: OrderStatus;
  totalEurCents: number;
  totalPi: string;
  customerId: number;
  customerName: string;
  customerEmail: string | null;
  createdAt: string;
}

export interface AdminStats {
  from: string;
  to: string;
  interval: StatsInterval;
  revenue: {
    points: RevenuePoint[];
    total: { orders: number; eurCents: number; pi: string };
  };
  /** Orders created in the period, by status. */
  ordersByStatus: Record<OrderStatus, number>;
  payments: {
    /** pending/initiated for longer than PI_PAYMENT_EXPIRY_SECONDS. */
    stale: number;
    flagged: number;
    /** Events refused today for a mismatch with the snapshot, Pi or the ledger (codes `*_MISMATCH`). */
    mismatchedToday: number;
    failedToday: number;
  };
  inbox: { unreadMessages: number; unreadThreads: number };
  latestOrders: LatestOrder[];
}
