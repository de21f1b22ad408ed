import { useQuery } from '@tanstack/react-query';
import { useAppDataProvider } from '../hooks/useAppDataProvider';

/** Unread customer messages for the admins, refreshed every 30 s (0 until known). */
export function useUnreadCount(): number {
  const dataProvider = useAppDataProvider();
  const { data } = useQuery({ queryKey: ['inbox-unread'], queryFn: () => dataProvider.unreadCount(), refetchInterval: 30_000 });
  return data?.unread ?? 0;
}
