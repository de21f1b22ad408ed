import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { ErrorCodes } from '@pishop/shared';
import { AppError } from '../lib/app-error';
import type { DatabaseConfig } from '../config';

const tooMany = (after: string) => new AppError(ErrorCodes.RATE_LIMITED, `Too many requests; try again in ${after}`);
const seconds = (n: number) => (n === 1 ? '1 second' : `${n} seconds`);

/** Counters of one shop: its instances share a database, other shops on the same Redis do not. */
function redisNamespace(db: DatabaseConfig): string {
  return `pishop-rl:${createHash('sha256').update(JSON.stringify(db)).digest('hex').slice(0, 12)}:`;
}

/** The path the router matched (it decodes `%61pi`), or the decoded path of an unmatched request. */
function routedPath(request: FastifyRequest): string {
  if (request.routeOptions.url) return request.routeOptions.url;
  const path = request.url.split('?')[0];
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

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
    // Redis unreachable: requests go on without counting (skipOnError below) rather than the
    // whole API answering 500; the outage is logged, at most once a minute.
    let lastWarned = 0;
    redis?.on('error', (err) => {
      if (Date.now() - lastWarned < 60_000) return;
      lastWarned = Date.now();
      app.log.warn({ err }, 'rate limit: Redis unreachable; requests are not counted until it is back');
    });
    await app.register(rateLimit, {
      global: false,
      // Requests made with a valid API key count per key (API_KEY_RATE_LIMIT_MAX); others, made-up
      // or revoked keys included, per client address. The api-keys module checks the key, once per request.
      keyGenerator: async (request) =>
        (app.hasDecorator('apiKeyRateBucket') ? await app.apiKeyRateBucket(request) : undefined) ?? normalizeIP(request.ip),
      max: (_request, key) => (key.startsWith('key:') ? app.config.apiKeyRateLimitMax : app.config.rateLimitMax),
      timeWindow: '1 minute',
      ...(redis && { redis, nameSpace: redisNamespace(app.config.database) }),
      skipOnError: true,
      errorResponseBuilder: (_request, context) => tooMany(context.after),
    });
    const globalLimit = app.createRateLimit();
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!routedPath(request).startsWith('/api/') || request.routeOptions.config?.rateLimit === false) return;
      const limit = await globalLimit(request);
      if (limit.isAllowed) return;
      reply.header('x-ratelimit-limit', limit.max).header('x-ratelimit-remaining', limit.remaining).header('x-ratelimit-reset', limit.ttlInSeconds);
      if (!limit.isExceeded) return;
      reply.header('retry-after', limit.ttlInSeconds);
      throw tooMany(seconds(limit.ttlInSeconds));
    });
    if (redis) app.addHook('onClose', async () => void redis.quit());
  },
  { name: 'rate-limit', dependencies: ['config'] },
);
