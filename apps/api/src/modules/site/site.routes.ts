import type { FastifyPluginAsync } from 'fastify';
import type { PageHeadDeps } from './page-heads';
import { robotsTxt, sitemapEntries, sitemapXml } from './sitemap';

/** Files Pi, browsers and search engines expect at the site root. */
export const siteRoutes: FastifyPluginAsync<PageHeadDeps> = async (app, deps) => {
  app.get(
    '/validation-key.txt',
    { schema: { tags: ['site'], summary: 'Pi domain verification key (PI_VALIDATION_KEY)' } },
    async (_request, reply) => {
      const key = app.config.pi.validationKey;
      if (!key) return reply.status(404).type('text/plain').send('validation key not configured\n');
      return reply.type('text/plain; charset=utf-8').header('Cache-Control', 'no-cache').send(key.trim() + '\n');
    },
  );

  app.get(
    '/sitemap.xml',
    { schema: { tags: ['site'], summary: 'Sitemap of the public storefront pages (services, posts, lists, legal pages)' } },
    async (_request, reply) => {
      const xml = sitemapXml(await sitemapEntries(deps), app.config.publicUrl);
      return reply.type('application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(xml);
    },
  );

  app.get(
    '/robots.txt',
    { schema: { tags: ['site'], summary: 'Crawler rules; points at the sitemap' } },
    async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(robotsTxt(app.config.publicUrl)),
  );
};
