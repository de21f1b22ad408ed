import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import axios, { AxiosError, type AxiosAdapter, type AxiosProgressEvent, type InternalAxiosRequestConfig } from 'axios';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import type { ErrorCode, UserDto } from '@pishop/shared';
import { api } from '../src/lib/api-client';
import { SessionProvider } from '../src/lib/session';
import { SESSION_HINT, tokenStore } from '../src/lib/token-store';

export interface SentRequest {
  method: string;
  url: string;
  body: unknown;
}

/** An answer the fake API refuses with: status, error code, and field errors for forms. */
export const refusal = (status: number, code: ErrorCode, message = `refused: ${code}`, errors?: Record<string, string>) => ({
  __refusal: { status, body: { error: { code, message }, ...(errors && { errors }) } },
});

type Answer = unknown | ((body: unknown) => unknown);

/**
 * Answers the storefront's HTTP calls from a table keyed by "METHOD /path" (without /api/v1),
 * for the shared `api` client and for plain axios (the session refresh). Returns what was sent.
 */
export function fakeApi(routes: Record<string, Answer>) {
  const sent: SentRequest[] = [];
  const adapter: AxiosAdapter = async (config: InternalAxiosRequestConfig) => {
    const url = (config.url ?? '').replace(/^\/api\/v1/, '');
    const method = (config.method ?? 'get').toUpperCase();
    const body = typeof config.data === 'string' ? JSON.parse(config.data) : config.data;
    sent.push({ method, url, body });
    const key = `${method} ${url}`;
    if (!(key in routes)) {
      throw new AxiosError('no route', 'ERR_BAD_REQUEST', config, null, { data: { error: { code: 'NOT_FOUND', message: `no fake for ${key}` } }, status: 404, statusText: '', headers: {}, config });
    }
    const route = routes[key];
    // An upload reports that half of its bytes left, as a browser does along the way.
    config.onUploadProgress?.({ loaded: 1, total: 2, bytes: 1, lengthComputable: true } as AxiosProgressEvent);
    const answer = await (typeof route === 'function' ? (route as (b: unknown) => unknown)(body) : route);
    const refused = (answer as { __refusal?: { status: number; body: unknown } } | undefined)?.__refusal;
    if (refused) {
      throw new AxiosError('refused', 'ERR_BAD_REQUEST', config, null, { data: refused.body, status: refused.status, statusText: '', headers: {}, config });
    }
    return { data: answer, status: 200, statusText: 'OK', headers: {}, config };
  };
  api.defaults.adapter = adapter;
  axios.defaults.adapter = adapter;
  // The typed client (@pishop/client) speaks fetch: the same table answers it.
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    try {
      const res = await adapter({ url: new URL(request.url).pathname, method: request.method, data: text || undefined, headers: {} } as never);
      return new Response(JSON.stringify(res.data), { status: res.status, headers: { 'content-type': 'application/json' } });
    } catch (err) {
      const failed = (err as AxiosError).response;
      if (!failed) throw err;
      return new Response(JSON.stringify(failed.data), { status: failed.status, headers: { 'content-type': 'application/json' } });
    }
  };
  return sent;
}

export const aUser = (over: Partial<UserDto> = {}): UserDto => ({
  id: 1, email: 'ada@example.com', username: 'ada', displayName: '', avatarChoice: null, avatarUrl: '/api/v1/avatars/presets/aurora.svg',
  hasUploadedAvatar: false, role: 'customer', isActive: true, piUid: null, piUsername: null, hasPassword: true,
  createdAt: '2030-01-01T00:00:00.000Z', lastLoginAt: null, ...over,
} as UserDto);

/** Routes answering a signed-in session (refresh cookie valid, /me answers `user`). */
export const signedInAs = (user: UserDto) => ({
  'POST /auth/refresh': { accessToken: 'token-1', user },
  'GET /me': user,
});
/** Routes answering a visitor (no valid refresh cookie). */
export const signedOut = () => ({ 'POST /auth/refresh': refusal(401, 'REFRESH_INVALID_TOKEN') });

function Where() {
  const location = useLocation();
  return <div data-testid="location" hidden>{location.pathname + location.search}</div>;
}

/**
 * Renders `element` at `path` (the route pattern `route`) with the app's providers: a fresh
 * query client, the session, and a router that shows where navigation went. `signedInBefore:
 * false` is a browser that never signed in (no refresh call is made at all).
 */
export function renderPage(
  element: ReactElement,
  { path = '/', route = path, signedInBefore = true }: { path?: string; route?: string; signedInBefore?: boolean } = {},
) {
  tokenStore.set(null);
  // A browser that signed in before keeps the hint, so the session is restored from the cookie.
  if (signedInBefore) window.localStorage.setItem(SESSION_HINT, '1');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={element} />
            <Route path="*" element={<p>elsewhere</p>} />
          </Routes>
          <Where />
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}
