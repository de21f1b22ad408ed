import fp from 'fastify-plugin';
import Redis from 'ioredis';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { API_PREFIX } from '@pishop/shared';
import { ReadCache } from '../lib/read-cache';
import { ifNoneMatchHits, isPublicCacheHook } from '../lib/http-cache';

declare module 'fastify' {
  interface FastifyInstance {
    /** Public reads kept in memory between changes (see lib/read-cache.ts). */
    readCache: ReadCache;
    /** Something public changed: drop cached reads here and, with Redis, on every instance. */
    invalidateReads(): Promise<void>;
  }
  interface FastifyRequest {
    /** Set on cacheable reads: the version this answer belongs to, and whether it came from memory. */
    readCacheState?: { version: string; hit: boolean };
  }
}

const VERSION_KEY = 'pishop:read-cache:version';
const CHANNEL = 'pishop:read-cache';
const ADMIN_PREFIX = `${API_PREFIX}/admin/`;

/**
 * The read cache for routes that declare `onSend: publicCache()`: a GET is answered from
 * memory (or 304 when its ETag matches) before any hook or handler touches the database. Every
 * successful admin write (POST/PUT/PATCH/DELETE under /admin/) invalidates all cached reads;
 * with REDIS_URL the version lives in Redis and a pub/sub message tells the other instances.
 */
export default fp(
  async (app) => {
    const cache = new ReadCache(app.config.readCacheSeconds * 1000);
    app.decorate('readCache', cache);
    app.decorateRequest('readCacheState', undefined);

    let redis: Redis | undefined;
    let sub: Redis | undefined;
    if (app.config.redisUrl && cache.enabled) {
      const opts = { connectTimeout: 2000, maxRetriesPerRequest: 1 };
      redis = new Redis(app.config.redisUrl, opts);
      sub = new Redis(app.config.redisUrl, opts);
      // A counter started from the clock, so a Redis that lost its data never repeats an old ETag.
      await redis.set(VERSION_KEY, String(Date.now()), 'NX');
      cache.adoptShared(Number(await redis.get(VERSION_KEY)).toString(36));
      sub.on('message', (_channel, version: string) => cache.adoptShared(version));
      await sub.subscribe(CHANNEL);
      app.addHook('onClose', async () => {
        await sub?.quit();
        await redis?.quit();
      });
    }

    app.decorate('invalidateReads', async () => {
      cache.bumpLocal();
      if (!redis) return;
      try {
        const version = (await redis.incr(VERSION_KEY)).toString(36);
        cache.adoptShared(version);
        await redis.publish(CHANNEL, version);
      } catch (err) {
        app.log.warn({ err }, 'read cache: could not tell other instances about a change');
      }
    });

    if (!cache.enabled) return;

    // Before the answer leaves (the write has committed by then), so the admin's next read is fresh.
    app.addHook('onSend', async (request, reply, payload) => {
      const m = request.method;
      if (m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS' && reply.statusCode < 400 && request.url.startsWith(ADMIN_PREFIX)) await app.invalidateReads();
      return payload;
    });

    // HEAD is answered like GET (same version, same ETag and 304); Node sends no body for it.
    const serveFromCache = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const version = cache.current();
      const etag = cache.etagFor(version);
      request.readCacheState = { version, hit: false };
      if (ifNoneMatchHits(request.headers['if-none-match'], etag, false)) {
        request.readCacheState.hit = true;
        reply.code(304);
        return reply.send('');
      }
      const hit = cache.get(request.url, version);
      if (hit) {
        request.readCacheState.hit = true;
        reply.header('content-type', hit.contentType);
        return reply.send(hit.body);
      }
    };

    app.addHook('onRoute', (route: RouteOptions) => {
      const onSend = ([] as unknown[]).concat(route.onSend ?? []);
      if (!onSend.some(isPublicCacheHook)) return;
      route.onRequest = [serveFromCache, ...([] as NonNullable<RouteOptions['onRequest']>[]).concat(route.onRequest ?? [])] as RouteOptions['onRequest'];
    });
  },
  { name: 'read-cache', dependencies: ['config'] },
);
