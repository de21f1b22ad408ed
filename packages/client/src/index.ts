import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, paths } from './schema.js';
export { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS } from './webhooks.js';

/** The typed client: every path, parameter, body and answer of /api/v1 as the OpenAPI document describes it. */
export type PishopClient = Client<paths>;

export interface PishopClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the shop is (`https://shop.example.com`); paths start with `/api/v1`. Default: the current origin. */
  baseUrl?: string;
  /** A partner's API key (`pishop_...`) or a signed-in user's access token, sent as `Authorization: Bearer`. */
  token?: string | (() => string | null | undefined);
}

/** `createPishopClient({baseUrl, token})`, then `client.GET('/api/v1/services', {params: {query: {page: 1}}})`. */
export function createPishopClient(opts: PishopClientOptions = {}): PishopClient {
  const { token, ...rest } = opts;
  const client = createFetchClient<paths>({ ...rest, baseUrl: opts.baseUrl ?? '' });
  if (token) {
    client.use({
      onRequest({ request }) {
        const value = typeof token === 'function' ? token() : token;
        if (value) request.headers.set('Authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}

/** The JSON answer of a GET path (status 200), e.g. `Answer<'/api/v1/services'>`. */
export type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;
