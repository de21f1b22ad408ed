import { useQuery } from '@tanstack/react-query';
import type { StatsInterval } from '@pishop/shared';
import { useAppDataProvider } from '../hooks/useAppDataProvider';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** How far back each interval looks: 30 days by day, 12 weeks by week, 12 months by month. */
export function periodFor(interval: StatsInterval, now = new Date()): { from: string; to: string } {
  const to = dayOf(now);
  const days = interval === 'day' ? 29 : interval === 'week' ? 7 * 12 - 1 : 365;
  return { from: dayOf(new Date(now.getTime() - days * DAY)), to };
}

export function useDashboardStats(interval: StatsInterval) {
  const dataProvider = useAppDataProvider();
  return useQuery({
    queryKey: ['admin-stats', interval],
    queryFn: () => dataProvider.stats({ ...periodFor(interval), interval }),
    refetchInterval: 60_000,
  });
}
