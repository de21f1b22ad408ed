import { createPishopClient } from '@pishop/client';
import { env } from '../config/env';

/** Where the API is, absolute (a relative VITE_API_BASE_URL means this page's origin). */
const apiOrigin = new URL(env.VITE_API_BASE_URL.replace(/\/api\/v1\/?$/, '/'), window.location.origin).href.replace(/\/$/, '');

/**
 * The typed client (@pishop/client, generated from the API's OpenAPI document); its paths start
 * with /api/v1. `fetch` is looked up at each call, so tests can answer it.
 */
export const typedApi = createPishopClient({ baseUrl: apiOrigin, credentials: 'include', fetch: (request) => globalThis.fetch(request) });
