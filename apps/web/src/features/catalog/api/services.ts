import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, ServiceDetail, ServiceSummary } from '@pishop/shared';
import { api } from '../../../lib/api-client';
import { typedApi } from '../../../lib/typed-client';

export const servicesQuery = (page = 1, q = '') =>
  queryOptions({
    queryKey: ['services', page, q],
    // Through the typed client: this call breaks the build if the API's document drops it.
    queryFn: async (): Promise<Page<ServiceSummary>> => {
      const { data, error } = await typedApi.GET('/api/v1/services', { params: { query: { page, q: q || undefined } } });
      if (error !== undefined || !data) throw new Error('The services could not be loaded');
      return data;
    },
  });
export const useServices = (page = 1, q = '') => useQuery(servicesQuery(page, q));

export const serviceQuery = (slug: string) =>
  queryOptions({
    queryKey: ['service', slug],
    queryFn: async () => (await api.get<ServiceDetail>(`/services/${encodeURIComponent(slug)}`)).data,
  });
export const useService = (slug: string) => useQuery(serviceQuery(slug));
