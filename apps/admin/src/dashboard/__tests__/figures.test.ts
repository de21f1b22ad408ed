import type { AdminStats } from '@pishop/shared';
import { formatEur, formatPi } from '../../format';
import { attentionFigures, chartPoints, headlineFigures, statusFigures } from '../figures';
import { periodFor } from '../useDashboardStats';

const stats: AdminStats = {
  from: '2026-03-01', to: '2026-03-03', interval: 'day',
  revenue: {
    points: [
      { period: '2026-03-01', orders: 2, eurCents: 98000, pi: '326666.6666668' },
      { period: '2026-03-02', orders: 0, eurCents: 0, pi: '0.0000000' },
    ],
    total: { orders: 2, eurCents: 98000, pi: '326666.6666668' },
  },
  ordersByStatus: { pending: 3, paid: 2, cancelled: 1 },
  payments: { stale: 1, flagged: 0, mismatchedToday: 2, failedToday: 0 },
  inbox: { unreadMessages: 4, unreadThreads: 2 },
  latestOrders: [],
};

test('money is readable: EUR from cents, π from the exact string', () => {
  expect(formatEur(49000)).toBe('€490.00');
  expect(formatPi('163400.0000003')).toBe('163,400.0000003 π');
  expect(formatPi('33.3000000')).toBe('33.30 π');
  expect(formatPi(null)).toBe('—');
});

test('headline figures: revenue in EUR and π, paid orders, unread messages linking to their lists', () => {
  expect(headlineFigures(stats)).toEqual([
    { label: 'Revenue (EUR)', value: '€980.00', to: expect.stringContaining('/orders?filter=') },
    { label: 'Revenue (π)', value: '326,666.6666668 π', to: expect.any(String) },
    { label: 'Paid orders', value: '2', to: expect.any(String) },
    { label: 'Unread messages', value: '4', to: '/threads', warn: true },
  ]);
});

test('payments needing attention warn only when not zero, and link to filtered lists', () => {
  const figures = attentionFigures(stats);
  expect(figures.map((f) => [f.label, f.value, f.warn])).toEqual([
    ['Stale payments', '1', true], ['Flagged payments', '0', false], ['Mismatches today', '2', true], ['Failed today', '0', false],
  ]);
  expect(decodeURIComponent(figures[1].to)).toBe('/payments?filter={"flagged":true}');
});

test('orders by status and chart points', () => {
  expect(statusFigures(stats).map((f) => `${f.label} ${f.value}`)).toEqual(['Pending 3', 'Paid 2', 'Cancelled 1']);
  expect(chartPoints(stats)[0]).toEqual({ period: '2026-03-01', eur: 980, pi: 326666.6666668, orders: 2 });
});

test('periods: 30 days by day, 12 weeks by week, a year by month', () => {
  const now = new Date('2026-03-31T12:00:00Z');
  expect(periodFor('day', now)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  expect(periodFor('week', now)).toEqual({ from: '2026-01-07', to: '2026-03-31' });
  expect(periodFor('month', now)).toEqual({ from: '2025-03-31', to: '2026-03-31' });
});
