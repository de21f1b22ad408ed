import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import Redis from 'ioredis';
import { ErrorCodes } from '@pishop/shared';
import { AppError } from '../lib/app-error';
import { apiKeyRateBucket } from '../lib/api-key-secret';

/**
 * A generous global limit per client; routes tighten it with `config.rateLimit`.
 * Counters live in Redis when REDIS_URL is set (shared by instances), in memory otherwise.
 */
export default fp(
  async (app) => {
    const redis = app.config.redisUrl
      ? new Redis(app.config.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false })
      : undefined;
    await app.register(rateLimit, {
      global: true,
      // Requests made with an API key count per key (API_KEY_RATE_LIMIT_MAX), others per client address.
      keyGenerator: (request) => apiKeyRateBucket(request.headers.authorization) ?? request.ip,
      max: (_request, key) => (key.startsWith('key:') ? app.config.apiKeyRateLimitMax : app.config.rateLimitMax),
      timeWindow: '1 minute',
      ...(redis && { redis, nameSpace: 'pishop-rl:' }),
      allowList: (request) => !request.url.startsWith('/api/'),
      errorResponseBuilder: (_request, context) =>
        new AppError(ErrorCodes.RATE_LIMITED, `Too many requests; try again in ${context.after}`),
    });
    if (redis) app.addHook('onClose', async () => void redis.quit());
  },
  { name: 'rate-limit', dependencies: ['config'] },
);
