import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, ServiceDetail, ServiceSort, ServiceSummary } from '@pishop/shared';
import { api } from '../../../lib/api-client';

export interface ServiceListParams {
  page?: number;
  q?: string;
  sort?: ServiceSort;
}

export const servicesQuery = ({ page = 1, q = '', sort = 'position' }: ServiceListParams = {}) =>
  queryOptions({
    queryKey: ['services', page, q, sort],
    queryFn: async () =>
      (await api.get<Page<ServiceSummary>>('/services', { params: { page, q: q || undefined, sort: sort === 'position' ? undefined : sort } })).data,
    placeholderData: keepPreviousData,
  });
export const useServices = (params: ServiceListParams = {}) => useQuery(servicesQuery(params));

export const serviceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['service', slug],
    queryFn: async () => (await api.get<ServiceDetail>(`/services/${encodeURIComponent(slug)}`)).data,
  });
export const useService = (slug: string) => useQuery(serviceQuery(slug));
