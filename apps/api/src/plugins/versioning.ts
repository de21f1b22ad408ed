import fp from 'fastify-plugin';

/** The version of the /api/v1 contract this server speaks (also the OpenAPI document's `info.version`). */
export const API_VERSION = '1.0.0';

/** A route being retired: `config: { deprecation: { since, sunset, link? } }` on the route. */
export interface RouteDeprecation {
  /** When it was deprecated (ISO date). */
  since: string;
  /** When it stops answering (ISO date; at least 6 months after `since`, per the policy). */
  sunset: string;
  /** Where the replacement is described. */
  link?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    deprecation?: RouteDeprecation;
  }
}

/**
 * Every /api answer carries `API-Version`; a deprecated route also carries `Deprecation`
 * (RFC 9745: `@<unix seconds>`), `Sunset` (RFC 8594: an HTTP date) and a `Link` with
 * `rel="deprecation"` when one is given.
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      reply.header('API-Version', API_VERSION);
      const deprecation = request.routeOptions.config?.deprecation;
      if (!deprecation) return;
      reply.header('Deprecation', `@${Math.floor(Date.parse(deprecation.since) / 1000)}`);
      reply.header('Sunset', new Date(deprecation.sunset).toUTCString());
      if (deprecation.link) reply.header('Link', `<${deprecation.link}>; rel="deprecation"`);
    });
  },
  { name: 'versioning' },
);
