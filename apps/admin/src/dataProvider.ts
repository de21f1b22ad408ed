import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'react-admin';
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

export const dataProvider = simpleRestProvider(`${env.VITE_API_BASE_URL}/admin`, httpClient);
