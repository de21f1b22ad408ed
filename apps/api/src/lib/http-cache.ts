import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface PublicCacheOptions {
  /** Seconds browsers and proxies may reuse the answer (default 60). */
  maxAge?: number;
}

const PUBLIC_CACHE = Symbol('publicCache');

/** Whether a route hook is one made by `publicCache()` (the read-cache plugin serves those routes from memory). */
export function isPublicCacheHook(hook: unknown): boolean {
  return typeof hook === 'function' && PUBLIC_CACHE in hook;
}

/**
 * Route-level `onSend` hook for public reads: a weak ETag, `Cache-Control: public,
 * max-age=N`, and 304 with no body when `If-None-Match` matches. With the read cache on (the
 * read-cache plugin), the ETag is the cache version and the answer is kept for the next
 * caller; without it, the ETag is a hash of the serialised body. Only successful GET/HEAD
 * answers with a string or Buffer body are touched; HEAD answers exactly like GET without the
 * body (same ETag, 304 alike).
 *
 *   app.get('/things', { onSend: publicCache(), schema }, handler)
 */
export function publicCache(options: PublicCacheOptions = {}) {
  const maxAge = options.maxAge ?? 60;
  const hook = async function publicCacheOnSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    const state = request.readCacheState;
    if (state && reply.statusCode === 304) {
      reply.header('ETag', request.server.readCache.etagFor(state.version));
      reply.header('Cache-Control', `public, max-age=${maxAge}`);
      reply.removeHeader('content-type');
      return '';
    }
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    let etag: string;
    if (state) {
      const cache = request.server.readCache;
      etag = cache.etagFor(state.version);
      if (!state.hit && request.method === 'GET') {
        cache.set(request.url, state.version, { body: payload.toString(), contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), etag });
      }
    } else {
      etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
    }
    reply.header('ETag', etag);
    reply.header('Cache-Control', `public, max-age=${maxAge}`);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-type');
      // An empty string, not null: Fastify's HEAD handler (which runs after this hook on the
      // HEAD twin of every GET route) measures the payload, and a 304 sends no body anyway.
      return '';
    }
    return payload;
  };
  return Object.assign(hook, { [PUBLIC_CACHE]: true });
}

/** RFC 9110 weak comparison: `W/"x"` and `"x"` match; `*` matches any current answer (unless `star` is false). */
export function ifNoneMatchHits(header: string | undefined, etag: string, star = true): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const want = opaque(etag);
  return header.split(',').some((tag) => (star && tag.trim() === '*') || opaque(tag) === want);
}
