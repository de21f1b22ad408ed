import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { API_PREFIX } from '@pishop/shared';
import { ApiKeysService } from './api-keys.service';
import { registerApiKeyAuth } from './api-key-auth';
import { apiKeysAdminRoutes } from './api-keys.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    apiKeys: ApiKeysService;
    /** `key:<hash>` for a request made with a valid API key (its own rate limit), else undefined. */
    apiKeyRateBucket(request: FastifyRequest): Promise<string | undefined>;
  }
}

/**
 * API keys for partners' servers. Registered before the other modules: its onRequest hook
 * (key, scope, who the call acts as) must apply to every route.
 */
export default fp(
  async (app) => {
    const keys = new ApiKeysService(app.db);
    app.decorate('apiKeys', keys);
    app.decorateRequest('apiKey', undefined);
    registerApiKeyAuth(app, keys);
    await app.register(apiKeysAdminRoutes, { prefix: `${API_PREFIX}/admin`, keys });
  },
  { name: 'api-keys', dependencies: ['config', 'db', 'auth'] },
);

export { ApiKey } from './api-key.entity';
export type { ApiKeysService } from './api-keys.service';
