import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrderView, Page, PaymentReceipt } from '@pishop/shared';
import { api } from '../../../lib/api-client';

export const ordersQuery = (page = 1) =>
  queryOptions({
    queryKey: ['orders', 'list', page],
    queryFn: async () => (await api.get<Page<OrderView>>('/orders', { params: { page } })).data,
  });
export const useOrders = (page = 1) => useQuery(ordersQuery(page));

export const orderQuery = (number: string) =>
  queryOptions({
    queryKey: ['orders', 'one', number],
    queryFn: async () => (await api.get<OrderView>(`/orders/${encodeURIComponent(number)}`)).data,
    // A pending order may be confirmed by the server's reconciler: look again now and then.
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 10_000 : false),
  });
export const useOrder = (number: string) => useQuery(orderQuery(number));

export const useReceipt = (paymentId: number | undefined) =>
  useQuery({
    queryKey: ['receipt', paymentId],
    enabled: paymentId !== undefined,
    queryFn: async () => (await api.get<PaymentReceipt>(`/payments/${paymentId}`)).data,
  });

/** The customer cancels their own unpaid order; the order and the inbox refresh. */
export function useCancelOrder(number: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason?: string) =>
      (await api.post<OrderView>(`/orders/${encodeURIComponent(number)}/cancel`, reason ? { reason } : {})).data,
    onSuccess: (order) => {
      queryClient.setQueryData(orderQuery(number).queryKey, order);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}
