import { useQuery } from '@tanstack/react-query';
import type { UnreadCount } from '@pishop/shared';
import { api } from './api-client';

/**
 * Unread messages for the navigation badge. Anything that changes it (a confirmed payment,
 * a thread read or answered) invalidates the `['inbox']` queries; the timer only catches
 * what the studio writes meanwhile.
 */
export const unreadCountKey = ['inbox', 'unread'] as const;

export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: unreadCountKey,
    enabled,
    refetchInterval: 30_000,
    queryFn: async () => (await api.get<UnreadCount>('/inbox/unread-count')).data,
  });
