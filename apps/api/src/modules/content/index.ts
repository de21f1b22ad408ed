import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { mediaKindLookup, resolveMediaUrls } from '../../lib/media-urls';
import { ContentService } from './content.service';
import { PageAdmin, PostAdmin, ProjectAdmin } from './content-admin.service';
import { HomeCounterRegistry } from './home-counters';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { contentRoutes } from './content.routes';
import { contentAdminRoutes } from './content.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Public content reads (blog, portfolio, pages, home). */
    content: ContentService;
    /** Stats-strip counters other modules provide: `app.homeCounters.register('completedOrders', fn)`. */
    homeCounters: HomeCounterRegistry;
  }
}

export type { ContentService } from './content.service';
export type { HomeCounterRegistry, CounterProvider } from './home-counters';

/** Content: posts, projects, site pages and the home page; storefront reads and admin resources. */
export default fp(
  async (app) => {
    const media = (ids: (number | null)[]) => resolveMediaUrls(app, ids);
    const counters = new HomeCounterRegistry(app.log);
    app.decorate('homeCounters', counters);
    const content = new ContentService({ db: app.db, media, catalog: app.catalog, counters });
    app.decorate('content', content);
    if (app.readCache.enabled) app.addHook('onReady', async () => app.readCache.addBoundary(() => content.nextPublishTime()));
    await app.register(contentRoutes, { prefix: API_PREFIX });
    await app.register(contentAdminRoutes, {
      prefix: `${API_PREFIX}/admin`,
      posts: new PostAdmin(app.db, media, mediaKindLookup(app)),
      projects: new ProjectAdmin(app.db, media, mediaKindLookup(app)),
      pages: new PageAdmin(app.db),
    });
  },
  { name: 'content', dependencies: ['config', 'db', 'auth', 'catalog', 'read-cache'] },
);
