import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { ErrorCodes } from '@pishop/shared';
import { AppError } from '../lib/app-error';

const tooMany = (after: string) => new AppError(ErrorCodes.RATE_LIMITED, `Too many requests; try again in ${after}`);

/**
 * A generous global limit per client on every /api request; routes tighten it with
 * `config.rateLimit` (counted on their own as well) or leave it with `config.rateLimit: false`.
 * Counters live in Redis when REDIS_URL is set (shared by instances), in memory otherwise.
 *
 * The global limit is an application hook that runs before any other request hook, so
 * every request counts (also those an API-key check or a route guard then refuses).
 * @fastify/rate-limit's own global mode would add it after each route's guard.
 */
export default fp(
  async (app) => {
    const redis = app.config.redisUrl
      ? new Redis(app.config.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false })
      : undefined;
    await app.register(rateLimit, {
      global: false,
      // Requests made with a valid API key count per key (API_KEY_RATE_LIMIT_MAX); others, made-up
      // or revoked keys included, per client address. The api-keys module checks the key, once per request.
      keyGenerator: async (request) =>
        (app.hasDecorator('apiKeyRateBucket') ? await app.apiKeyRateBucket(request) : undefined) ?? request.ip,
      max: (_request, key) => (key.startsWith('key:') ? app.config.apiKeyRateLimitMax : app.config.rateLimitMax),
      timeWindow: '1 minute',
      ...(redis && { redis, nameSpace: 'pishop-rl:' }),
      errorResponseBuilder: (_request, context) => tooMany(context.after),
    });
    const globalLimit = app.createRateLimit();
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.url.startsWith('/api/') || request.routeOptions.config?.rateLimit === false) return;
      const limit = await globalLimit(request);
      if (limit.isAllowed) return;
      reply.header('x-ratelimit-limit', limit.max).header('x-ratelimit-remaining', limit.remaining).header('x-ratelimit-reset', limit.ttlInSeconds);
      if (!limit.isExceeded) return;
      reply.header('retry-after', limit.ttlInSeconds);
      throw tooMany(`${limit.ttlInSeconds} seconds`);
    });
    if (redis) app.addHook('onClose', async () => void redis.quit());
  },
  { name: 'rate-limit', dependencies: ['config'] },
);
