import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { DOCS_PREFIX } from '@pishop/shared';

/** OpenAPI 3.1 from the route schemas (DTO-derived), Swagger UI at /api/docs. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Pi Services Studio API',
          version: '1.0.0',
          description:
            'Storefront, orders, Pi Network payments, inbox and back office. Errors answer ' +
            '`{error: {code, message, details?}}`. Public lists page with `?page=&pageSize=` (max 100).',
        },
        servers: [{ url: app.config.publicUrl }],
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
    });
    await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: false });
  },
  { name: 'docs', dependencies: ['config'] },
);
