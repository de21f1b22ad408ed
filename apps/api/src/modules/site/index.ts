import fp from 'fastify-plugin';
import { pageHeadFor, SITE_NAME } from './page-heads';
import { renderHead } from './page-head';
import { siteRoutes } from './site.routes';

/** A storefront URL's status and head tags, ready for the SPA's index.html. */
export interface StorefrontHead {
  status: 200 | 404;
  tags: string;
  /** Storefront source modules this URL renders (the SPA server preloads their chunks). */
  modules: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** What each storefront URL says about itself (title, description, OpenGraph, JSON-LD) and whether it exists. */
    storefrontHead: (pathname: string) => Promise<StorefrontHead>;
  }
}

export type { PageHead } from './page-head';
export { SITE_NAME };

/** Site files (validation key, sitemap, robots) and the storefront's per-URL head tags. */
export default fp(
  async (app) => {
    const deps = { catalog: app.catalog, content: app.content };
    const publicUrl = app.config.publicUrl;
    app.decorate('storefrontHead', async (pathname: string) => {
      const head = await pageHeadFor(pathname, deps, publicUrl);
      return { status: head.status, tags: renderHead(head, publicUrl, SITE_NAME), modules: head.module ? [head.module] : [] };
    });
    await app.register(siteRoutes, deps);
  },
  { name: 'site', dependencies: ['config', 'catalog', 'content'] },
);
