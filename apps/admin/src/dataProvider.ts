import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider, type Identifier } from 'react-admin';
import type { AdminRefund, RefundAvailability, RefundRequest } from '@pishop/shared';
import { env } from './config';
import { refreshAccessToken, session } from './session';

type Options = Parameters<typeof fetchUtils.fetchJson>[1];

function withToken(options: Options = {}, token: string | null): Options {
  const headers = new Headers(options.headers as HeadersInit | undefined);
  headers.set('Accept', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...options, headers, credentials: 'include' };
}

/** Adds the bearer token; on a 401 refreshes once and retries. */
export async function httpClient(url: string, options: Options = {}) {
  try {
    return await fetchUtils.fetchJson(url, withToken(options, session.get()));
  } catch (error) {
    if ((error as { status?: number }).status !== 401) throw error;
    const token = await refreshAccessToken();
    if (!token) throw error;
    return fetchUtils.fetchJson(url, withToken(options, token));
  }
}

const adminUrl = `${env.VITE_API_BASE_URL}/admin`;
const base = simpleRestProvider(adminUrl, httpClient);

const post = async (path: string, body: unknown) =>
  (await httpClient(`${adminUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) })).json;

export interface AppDataProvider extends DataProvider {
  bulkAction(resource: string, params: { ids: Identifier[]; action: string; reason?: string }): Promise<unknown>;
  /** A resource's own action, e.g. `payments/12/sync` or `media/3/recompress`. */
  action(path: string, body?: unknown): Promise<unknown>;
  upload(file: File): Promise<{ id: number; status: string; url: string }>;
  /** `POST /admin/payments/:id/refund` with its Idempotency-Key (resources/refunds). */
  refund(paymentId: Identifier, body: RefundRequest, idempotencyKey: string): Promise<AdminRefund>;
  refundAvailability(): Promise<RefundAvailability>;
}

export const dataProvider: AppDataProvider = {
  ...base,
  bulkAction: (resource, params) => post(`${resource}/bulk`, params),
  action: (path, body = {}) => post(path, body),
  refund: async (paymentId, body, idempotencyKey) =>
    (await httpClient(`${adminUrl}/payments/${paymentId}/refund`, { method: 'POST', body: JSON.stringify(body), headers: new Headers({ 'Idempotency-Key': idempotencyKey }) })).json,
  refundAvailability: async () => (await httpClient(`${adminUrl}/refunds/availability`)).json,
  async upload(file) {
    const form = new FormData();
    form.append('file', file);
    const res = await httpClient(`${adminUrl}/uploads`, { method: 'POST', body: form });
    return res.json;
  },
};
