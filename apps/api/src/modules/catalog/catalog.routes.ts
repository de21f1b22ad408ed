import type { FastifyPluginAsync } from 'fastify';
import type { ServiceListQuery } from '@pishop/shared';
import { dtoSchema } from '../../lib/validation';
import { pageSchema } from '../../lib/pagination';
import { publicCache } from '../../lib/http-cache';
import { ServiceListQueryDto } from './catalog.dto';
import { serviceDetailSchema, serviceSummarySchema } from './catalog.schemas';

const slugParams = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/** Storefront reads: active services only; cacheable (weak ETag, 60 s). */
export const catalogRoutes: FastifyPluginAsync = async (app) => {
  app.get('/services', {
    onSend: publicCache(),
    schema: {
      tags: ['catalog'],
      summary: 'List active services (paged, searchable, sortable)',
      querystring: dtoSchema(ServiceListQueryDto),
      response: { 200: pageSchema(serviceSummarySchema, 'ServicePage') },
    },
  }, async (request) => app.catalog.listServices(request.query as ServiceListQuery));

  app.get('/services/:slug', {
    onSend: publicCache(),
    schema: {
      tags: ['catalog'],
      summary: 'One active service by slug, with its features, FAQs and π price',
      params: slugParams,
      response: { 200: serviceDetailSchema },
    },
  }, async (request) => app.catalog.getServiceBySlug((request.params as { slug: string }).slug));
};
