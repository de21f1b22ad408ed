import type { FastifyPluginAsync } from 'fastify';

/** Files Pi and browsers expect at the site root. */
export const siteRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/validation-key.txt',
    { schema: { tags: ['site'], summary: 'Pi domain verification key (PI_VALIDATION_KEY)' } },
    async (_request, reply) => {
      const key = app.config.pi.validationKey;
      if (!key) return reply.status(404).type('text/plain').send('validation key not configured\n');
      return reply.type('text/plain; charset=utf-8').header('Cache-Control', 'no-cache').send(key.trim() + '\n');
    },
  );
};
