import type { FastifyRequest } from 'fastify';

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
      keyGenerator: (request: Pick<FastifyRequest, 'viewer' | 'ip'>) => (request.viewer ? `user:${request.viewer.sub}` : request.ip),
    },
  };
}
