import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface PublicCacheOptions {
  /** Seconds browsers and proxies may reuse the answer (default 60). */
  maxAge?: number;
}

/**
 * Route-level `onSend` hook for public reads: a weak ETag (hash of the serialised body),
 * `Cache-Control: public, max-age=N`, and 304 with no body when `If-None-Match` matches.
 * Only successful GET/HEAD answers with a string or Buffer body are touched; HEAD answers
 * exactly like GET without the body (same ETag, 304 alike).
 *
 *   app.get('/things', { onSend: publicCache(), schema }, handler)
 */
export function publicCache(options: PublicCacheOptions = {}) {
  const maxAge = options.maxAge ?? 60;
  return async function publicCacheOnSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
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
}

/** RFC 9110 weak comparison: `W/"x"` and `"x"` match; `*` matches any current answer. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const want = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === want);
}
