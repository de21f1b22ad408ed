import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ServiceFaqInput, ServiceFeatureInput, ServiceInput } from '@pishop/shared';
import { dtoSchema } from '../../lib/validation';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { IdListDto } from '../../lib/dto-helpers';
import { ServiceBulkDto, ServiceFaqInputDto, ServiceFeatureInputDto, ServiceInputDto } from './catalog.dto';
import { adminFaqSchema, adminFeatureSchema, adminServiceSchema, idListResultSchema } from './catalog.schemas';
import { servicesSpec, type ServiceAdminService } from './catalog-admin.service';
import { faqsSpec, featuresSpec, type faqAdmin, type featureAdmin } from './catalog-parts.service';

export interface CatalogAdminOptions {
  services: ServiceAdminService;
  features: ReturnType<typeof featureAdmin>;
  faqs: ReturnType<typeof faqAdmin>;
}

const security = [{ bearerAuth: [] }];

/** Back office: services, service-features, service-faqs (ra-data-simple-rest), bulk status, reorder. */
export const catalogAdminRoutes: FastifyPluginAsync<CatalogAdminOptions> = async (app, { services, features, faqs }) => {
  const guard = app.requireAdmin;
  simpleRestRoutes<unknown, ServiceInput>(app, {
    spec: servicesSpec, guard, tag: 'admin: catalog', noun: 'service', record: adminServiceSchema, input: ServiceInputDto,
    list: (p) => services.list(p), get: (id) => services.get(id), create: (i) => services.create(i),
    update: (id, i, given) => services.update(id, i, given), remove: (id) => services.remove(id),
  });
  simpleRestRoutes<unknown, ServiceFeatureInput>(app, {
    spec: featuresSpec, guard, tag: 'admin: catalog', noun: 'service feature', record: adminFeatureSchema, input: ServiceFeatureInputDto,
    list: (p) => features.list(p), get: (id) => features.get(id), create: (i) => features.create(i),
    update: (id, i) => features.update(id, i), remove: (id) => features.remove(id),
  });
  simpleRestRoutes<unknown, ServiceFaqInput>(app, {
    spec: faqsSpec, guard, tag: 'admin: catalog', noun: 'service FAQ', record: adminFaqSchema, input: ServiceFaqInputDto,
    list: (p) => faqs.list(p), get: (id) => faqs.get(id), create: (i) => faqs.create(i),
    update: (id, i) => faqs.update(id, i), remove: (id) => faqs.remove(id),
  });

  app.post('/services/bulk', {
    onRequest: guard,
    schema: {
      tags: ['admin: catalog'], security,
      summary: 'Activate or deactivate several services',
      description: 'All ids must exist (404 SERVICE_NOT_FOUND listing the missing ones, and nothing changes).',
      body: dtoSchema(ServiceBulkDto),
      response: { 200: idListResultSchema },
    },
  }, async (request) => {
    const { ids, action } = request.body as ServiceBulkDto;
    return services.bulk(ids, action);
  });

  reorderRoute(app, 'services', 'services', (ids) => services.reorder(ids));
  reorderRoute(app, 'service-features', 'features of one service', (ids) => features.reorder(ids));
  reorderRoute(app, 'service-faqs', 'FAQs of one service', (ids) => faqs.reorder(ids));
};

function reorderRoute(app: FastifyInstance, resource: string, what: string, reorder: (ids: number[]) => Promise<{ ids: number[] }>) {
  app.post(`/${resource}/reorder`, {
    onRequest: app.requireAdmin,
    schema: {
      tags: ['admin: catalog'], security,
      summary: `Reorder ${what}`,
      description: 'The listed records take positions 1..n in the listed order; records not listed keep theirs. Unknown ids: 404, nothing changes.',
      body: dtoSchema(IdListDto),
      response: { 200: idListResultSchema },
    },
  }, async (request) => reorder((request.body as IdListDto).ids));
}
