import fp from 'fastify-plugin';
import cors from '@fastify/cors';

/** Cross-origin callers (third parties, Vite dev servers) listed in CORS_ORIGINS. */
export default fp(
  async (app) => {
    const origins = app.config.corsOrigins;
    await app.register(cors, {
      origin: origins.includes('*') ? true : origins.length ? origins : false,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      // ra-data-simple-rest reads the total from Content-Range.
      exposedHeaders: ['Content-Range', 'X-Total-Count', 'X-Request-Id', 'ETag', 'API-Version', 'Deprecation', 'Sunset'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'Range', 'X-Pi-Signature'],
    });
  },
  { name: 'cors', dependencies: ['config'] },
);
