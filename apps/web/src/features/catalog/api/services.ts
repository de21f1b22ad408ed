import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiErrorBody, Page, ServiceDetail, ServiceSort, ServiceSummary } from '@pishop/shared';
import { api } from '../../../lib/api-client';
import { typedApi } from '../../../lib/typed-client';

export interface ServiceListParams {
  page?: number;
  q?: string;
  sort?: ServiceSort;
}

export const servicesQuery = ({ page = 1, q = '', sort = 'position' }: ServiceListParams = {}) =>
  queryOptions({
    queryKey: ['services', page, q, sort],
    // Through the typed client (@pishop/client): this call breaks the build if the API's document drops it.
    queryFn: async (): Promise<Page<ServiceSummary>> => {
      const query = { page, q: q || undefined, sort: sort === 'position' ? undefined : sort };
      const { data, error } = await typedApi.GET('/api/v1/services', { params: { query } });
      // The API's own message (e.g. maintenance), as every other call shows it.
      if (error !== undefined || !data) throw new Error((error as ApiErrorBody | undefined)?.error?.message ?? 'The services could not be loaded');
      return data;
    },
    placeholderData: keepPreviousData,
  });
export const useServices = (params: ServiceListParams = {}) => useQuery(servicesQuery(params));

export const serviceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['service', slug],
    queryFn: async () => (await api.get<ServiceDetail>(`/services/${encodeURIComponent(slug)}`)).data,
  });
export const useService = (slug: string) => useQuery(serviceQuery(slug));
