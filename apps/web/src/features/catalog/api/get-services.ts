import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@pishop/shared';
import { api } from '../../../lib/api-client';

export interface ServiceSummary {
  id: number;
  slug: string;
  title: string;
  summary: string;
  priceEurCents: number;
  pricePi: string;
}

export async function getServices(page = 1): Promise<Page<ServiceSummary>> {
  const { data } = await api.get<Page<ServiceSummary>>('/services', { params: { page } });
  return data;
}

export const servicesQuery = (page = 1) =>
  queryOptions({ queryKey: ['services', page], queryFn: () => getServices(page) });

export const useServices = (page = 1) => useQuery(servicesQuery(page));
