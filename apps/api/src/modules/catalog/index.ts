import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { mediaKindLookup, resolveMediaUrls } from '../../lib/media-urls';
import { CatalogService, type CatalogDeps } from './catalog.service';
import { ServiceAdminService } from './catalog-admin.service';
import { faqAdmin, featureAdmin } from './catalog-parts.service';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { catalogRoutes } from './catalog.routes';
import { catalogAdminRoutes } from './catalog.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Public catalog reads and the checkout lookup (`getPurchasable`). */
    catalog: CatalogService;
  }
}

export { Service } from './catalog.entity';
export { eurCentsToPi } from './pricing';
export { serviceSummarySchema } from './catalog.schemas';
export type { CatalogService, PurchasableService } from './catalog.service';

/** Catalog: services with features and FAQs; storefront reads and admin resources. */
export default fp(
  async (app) => {
    const deps: CatalogDeps = {
      db: app.db,
      eurPerPi: () => app.config.pi.eurPerPi,
      media: (ids) => resolveMediaUrls(app, ids),
      mediaKinds: mediaKindLookup(app),
    };
    const catalog = new CatalogService(deps);
    app.decorate('catalog', catalog);
    await app.register(catalogRoutes, { prefix: API_PREFIX });
    await app.register(catalogAdminRoutes, {
      prefix: `${API_PREFIX}/admin`,
      services: new ServiceAdminService(deps, catalog),
      features: featureAdmin(app.db),
      faqs: faqAdmin(app.db),
    });
  },
  { name: 'catalog', dependencies: ['config', 'db', 'auth'] },
);
