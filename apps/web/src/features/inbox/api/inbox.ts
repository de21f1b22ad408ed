import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageView, Page, ThreadSummary, ThreadView, UnreadCount } from '@pishop/shared';
import { api } from '../../../lib/api-client';

export const useThreads = (page = 1) =>
  useQuery({
    queryKey: ['inbox', 'threads', page],
    queryFn: async () => (await api.get<Page<ThreadSummary>>('/inbox/threads', { params: { page } })).data,
  });

export const threadQuery = (id: string) =>
  queryOptions({
    queryKey: ['inbox', 'thread', id],
    queryFn: async () => (await api.get<ThreadView>(`/inbox/threads/${encodeURIComponent(id)}`)).data,
  });
export const useThread = (id: string) => useQuery(threadQuery(id));

export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: ['inbox', 'unread'],
    enabled,
    refetchInterval: 30_000,
    queryFn: async () => (await api.get<UnreadCount>('/inbox/unread-count')).data,
  });

export function usePostMessage(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) => (await api.post<MessageView>(`/inbox/threads/${threadId}/messages`, { body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
