import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageView, Page, ThreadSummary, ThreadView } from '@pishop/shared';
import { useEffect } from 'react';
import { api } from '../../../lib/api-client';
import { unreadCountKey } from '../../../lib/unread-count';

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

/** Reading a thread marks it read on the server: the unread badge and the thread list refresh then. */
export function useThread(id: string) {
  const query = useQuery(threadQuery(id));
  const queryClient = useQueryClient();
  const readAt = query.isSuccess ? query.dataUpdatedAt : 0;
  useEffect(() => {
    if (!readAt) return;
    void queryClient.invalidateQueries({ queryKey: unreadCountKey });
    void queryClient.invalidateQueries({ queryKey: ['inbox', 'threads'] });
  }, [readAt, queryClient]);
  return query;
}

export function usePostMessage(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) => (await api.post<MessageView>(`/inbox/threads/${threadId}/messages`, { body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
