import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MessageView, Page, ThreadSummary, ThreadView } from '@pishop/shared';
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

export function usePostMessage(threadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) => (await api.post<MessageView>(`/inbox/threads/${threadId}/messages`, { body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
