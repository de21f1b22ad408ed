import type { AdminStats } from '@pishop/shared';
import { formatEur, formatPi } from '../format';

export interface ChartPoint {
  period: string;
  /** Plotting only (the axis is a float anyway); labels use the exact strings. */
  eur: number;
  pi: number;
  orders: number;
}

export function chartPoints(stats: AdminStats): ChartPoint[] {
  return stats.revenue.points.map((p) => ({ period: p.period, eur: p.eurCents / 100, pi: Number(p.pi), orders: p.orders }));
}

export interface Figure {
  label: string;
  value: string;
  /** Where the figure's rows are listed (react-admin route with a filter). */
  to: string;
  /** Shown in a warning colour when it is not zero. */
  warn?: boolean;
}

const listOf = (resource: string, filter: object) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export function headlineFigures(stats: AdminStats): Figure[] {
  const t = stats.revenue.total;
  return [
    { label: 'Revenue (EUR)', value: formatEur(t.eurCents), to: listOf('orders', { status: 'paid' }) },
    { label: 'Revenue (π)', value: formatPi(t.pi), to: listOf('orders', { status: 'paid' }) },
    { label: 'Paid orders', value: String(t.orders), to: listOf('orders', { status: 'paid' }) },
    { label: 'Unread messages', value: String(stats.inbox.unreadMessages), to: '/threads', warn: stats.inbox.unreadMessages > 0 },
  ];
}

export function attentionFigures(stats: AdminStats): Figure[] {
  const p = stats.payments;
  return [
    { label: 'Stale payments', value: String(p.stale), to: listOf('payments', { status: 'pending' }), warn: p.stale > 0 },
    { label: 'Flagged payments', value: String(p.flagged), to: listOf('payments', { flagged: true }), warn: p.flagged > 0 },
    { label: 'Mismatches today', value: String(p.mismatchedToday), to: listOf('payment-events', { outcome: 'refused' }), warn: p.mismatchedToday > 0 },
    { label: 'Failed today', value: String(p.failedToday), to: listOf('payments', { status: 'failed' }), warn: p.failedToday > 0 },
  ];
}

export function statusFigures(stats: AdminStats): Figure[] {
  return (Object.entries(stats.ordersByStatus) as [string, number][]).map(([status, n]) => ({
    label: status[0].toUpperCase() + status.slice(1), value: String(n), to: listOf('orders', { status }),
  }));
}
