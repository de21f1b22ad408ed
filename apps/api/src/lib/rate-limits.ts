import type { FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';

type Caller = Pick<FastifyRequest, 'viewer' | 'ip' | 'apiKey'>;

/** A partner's key acting for a customer gets its own budget, apart from the customer's own use. */
function callerBucket(request: Caller): string {
  if (!request.viewer) return normalizeIP(request.ip);
  return request.apiKey ? `key:${request.apiKey.id}:user:${request.viewer.sub}` : `user:${request.viewer.sub}`;
}

/**
 * A route's own limit per signed-in user (per address before sign-in), on top of the global
 * one per address: customers on a phone network often share one public address, so a
 * per-address limit on buying or writing would stop strangers for each other.
 * Route-level limits run after the route's guard, so the viewer is known here.
 */
export function perUserPerMinute(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: '1 minute',
      keyGenerator: callerBucket,
    },
  };
}
