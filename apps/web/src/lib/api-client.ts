import axios, { AxiosError, type InternalAxiosRequestConfig } from 'axios';
import type { ApiErrorBody, AuthResponse, ErrorCode } from '@pishop/shared';
import { env } from '../config/env';
import { tokenStore } from './token-store';

/** The one HTTP client of the storefront: adds the token, renews it once on a 401. */
export const api = axios.create({ baseURL: env.VITE_API_BASE_URL, withCredentials: true });

api.interceptors.request.use((config) => {
  const token = tokenStore.get();
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  return config;
});

let refreshing: Promise<string | null> | null = null;

/** Asks for a new access token with the refresh cookie; one request at a time. */
export function refreshSession(): Promise<string | null> {
  refreshing ??= axios
    .post<AuthResponse>(`${env.VITE_API_BASE_URL}/auth/refresh`, {}, { withCredentials: true })
    .then((res) => {
      tokenStore.set(res.data.accessToken);
      return res.data.accessToken;
    })
    .catch(() => {
      tokenStore.set(null);
      return null;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

api.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as (InternalAxiosRequestConfig & { _retried?: boolean }) | undefined;
  const isAuthCall = config?.url?.startsWith('/auth/');
  if (error.response?.status !== 401 || !config || config._retried || isAuthCall || !tokenStore.get()) {
    throw error;
  }
  config._retried = true;
  const token = await refreshSession();
  if (!token) throw error;
  return api.request(config);
});

/** A message a person can read, from any failed request. */
export function errorMessage(error: unknown): string {
  if (error instanceof AxiosError) {
    const body = error.response?.data as ApiErrorBody | undefined;
    if (body?.error?.message) return body.error.message;
    if (!error.response) return 'The server cannot be reached; check your connection.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong; please try again.';
}

/** Field → message map of a validation error, for forms. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof AxiosError) return (error.response?.data as ApiErrorBody | undefined)?.errors ?? {};
  return {};
}

/** The API's error code of a failed request (`{error: {code}}`), if it answered one. */
export function errorCode(error: unknown): ErrorCode | undefined {
  if (error instanceof AxiosError) return (error.response?.data as ApiErrorBody | undefined)?.error?.code;
  return undefined;
}

/** The server answered 4xx: the request was refused and retrying it unchanged will not help. */
export function isClientError(error: unknown): boolean {
  const status = error instanceof AxiosError ? error.response?.status : undefined;
  return status !== undefined && status >= 400 && status < 500;
}
