import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, fetchUtils, type DataProvider, type Identifier } from 'react-admin';
import type { AdminRefund, AdminStats, AdminStatsQuery, MediaObject, RefundAvailability, RefundRequest } from '@pishop/shared';
import { env } from './config';
import { refreshAccessToken, session } from './session';

type Options = Parameters<typeof fetchUtils.fetchJson>[1];

function withToken(options: Options = {}, token: string | null): Options {
  const headers = new Headers(options.headers as HeadersInit | undefined);
  headers.set('Accept', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...options, headers, credentials: 'include' };
}

/**
 * react-admin's HttpError carries the HTTP status text ("Unsupported Media Type"); the API's
 * own sentence is in the body (`{error: {message}}`), and field errors in `body.errors`,
 * where react-admin forms read them. Toasts show `message`, so put the API's there.
 */
export function withApiMessage(error: unknown): unknown {
  const e = error as { status?: number; body?: { error?: { message?: string } } };
  const message = e?.body?.error?.message;
  if (!message || typeof e.status !== 'number') return error;
  return new HttpError(message, e.status, e.body);
}

/** Adds the bearer token; on a 401 refreshes once and retries. Errors carry the API's message. */
export async function httpClient(url: string, options: Options = {}) {
  try {
    return await fetchUtils.fetchJson(url, withToken(options, session.get()));
  } catch (error) {
    if ((error as { status?: number }).status !== 401) throw withApiMessage(error);
    const token = await refreshAccessToken();
    if (!token) throw withApiMessage(error);
    try {
      return await fetchUtils.fetchJson(url, withToken(options, token));
    } catch (again) {
      throw withApiMessage(again);
    }
  }
}

/**
 * Multipart upload with progress (fetch cannot report upload progress; XMLHttpRequest can).
 * `onProgress` gets 0..1. Refreshes the token once on a 401 like httpClient.
 */
export function uploadWithProgress(url: string, file: File, onProgress: (fraction: number) => void): Promise<MediaObject> {
  const send = (token: string | null) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = null;
        }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => reject(new Error('The upload did not reach the server'));
      const form = new FormData();
      form.append('file', file);
      xhr.send(form);
    });
  return (async () => {
    let res = await send(session.get());
    if (res.status === 401) {
      const token = await refreshAccessToken();
      if (token) res = await send(token);
    }
    if (res.status >= 200 && res.status < 300) {
      onProgress(1);
      return res.body as MediaObject;
    }
    const body = res.body as { error?: { message?: string } } | null;
    throw new HttpError(body?.error?.message ?? `Upload failed (${res.status})`, res.status, body);
  })();
}

const adminUrl = `${env.VITE_API_BASE_URL}/admin`;
const base = simpleRestProvider(adminUrl, httpClient);

const post = async (path: string, body: unknown) =>
  (await httpClient(`${adminUrl}/${path}`, { method: 'POST', body: JSON.stringify(body) })).json;

export interface AppDataProvider extends DataProvider {
  bulkAction(resource: string, params: { ids: Identifier[]; action: string; reason?: string }): Promise<unknown>;
  /** A resource's own action, e.g. `payments/12/sync` or `media/3/recompress`. */
  action(path: string, body?: unknown): Promise<unknown>;
  upload(file: File, onProgress?: (fraction: number) => void): Promise<MediaObject>;
  /** `GET /admin/stats` (the dashboard). */
  stats(query?: AdminStatsQuery): Promise<AdminStats>;
  /** Unread customer messages for the admin side (the Inbox badge). */
  unreadCount(): Promise<{ unread: number; threads: number }>;
  /** E-mails the user a password-reset link (the public `POST /auth/password-reset`). */
  sendPasswordReset(email: string): Promise<unknown>;
  /** Reading a thread changes nothing; this marks it read. */
  markThreadRead(id: Identifier): Promise<{ id: number; unread: number }>;
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
  upload: (file, onProgress = () => undefined) => uploadWithProgress(`${adminUrl}/uploads`, file, onProgress),
  async stats(query = {}) {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]);
    return (await httpClient(`${adminUrl}/stats${params.size ? `?${params}` : ''}`)).json as AdminStats;
  },
  unreadCount: async () => (await httpClient(`${env.VITE_API_BASE_URL}/inbox/unread-count`)).json,
  markThreadRead: (id) => post(`threads/${id}/read`, {}),
  sendPasswordReset: async (email) =>
    (await httpClient(`${env.VITE_API_BASE_URL}/auth/password-reset`, { method: 'POST', body: JSON.stringify({ email }) })).json,
};
