import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, ServiceDetail, ServiceSummary } from '@pishop/shared';
import { api } from '../../../lib/api-client';

export const servicesQuery = (page = 1, q = '') =>
  queryOptions({
    queryKey: ['services', page, q],
    queryFn: async () => (await api.get<Page<ServiceSummary>>('/services', { params: { page, q: q || undefined } })).data,
  });
export const useServices = (page = 1, q = '') => useQuery(servicesQuery(page, q));

export const serviceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['service', slug],
    queryFn: async () => (await api.get<ServiceDetail>(`/services/${encodeURIComponent(slug)}`)).data,
  });
export const useService = (slug: string) => useQuery(serviceQuery(slug));
