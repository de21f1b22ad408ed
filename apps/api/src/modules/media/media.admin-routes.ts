import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { MEDIA_KINDS, MEDIA_STATUSES, type MediaObject } from '@pishop/shared';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import type { SimpleRestSpec } from '../../lib/simple-rest';
import { dtoSchema } from '../../lib/validation';
import { MediaIdParamsDto, RecompressMediaDto } from './media.dto';
import { mediaObjectSchema } from './media.schemas';
import { ACCEPTED_LABEL } from './sniff';

const tags = ['media'];
const security = [{ bearerAuth: [] }];

/** The admin media list (react-admin resource `media`). */
export const mediaListSpec: SimpleRestSpec = {
  resource: 'media',
  sortable: { id: 'm.id', createdAt: 'm.createdAt', size: 'm.size', kind: 'm.kind', status: 'm.status' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: { type: 'int', column: 'm.id' },
    q: { type: 'search', columns: ['m.originalName', 'm.mime'] },
    kind: { type: 'string', column: 'm.kind', values: MEDIA_KINDS },
    status: { type: 'string', column: 'm.status', values: MEDIA_STATUSES },
    createdAt_gte: { type: 'date', column: 'm.createdAt', op: 'gte' },
    createdAt_lte: { type: 'date', column: 'm.createdAt', op: 'lte' },
  },
};

/** Admin routes under `/api/v1/admin`: uploads, the media resource, recompress. */
export const mediaAdminRoutes: FastifyPluginAsync = async (app) => {
  // Multipart parsing only in this context. Per-file limits are applied per request (upload.ts).
  if (!app.hasRequestDecorator('isMultipart')) await app.register(multipart);
  const media = app.media;
  const { maxImageBytes, maxVideoBytes } = app.config.media;
  const mb = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(2)} MB`;

  app.post('/uploads', {
    onRequest: app.requireAdmin,
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    // The body schema documents the form for OpenAPI only: the file is streamed and checked by the service.
    validatorCompiler: () => (data) => ({ value: data }),
    schema: {
      tags, security,
      summary: 'Upload an image or a video (multipart/form-data, field `file`)',
      description:
        `Accepts ${ACCEPTED_LABEL}, one file per request; images up to ${mb(maxImageBytes)}, videos up to ${mb(maxVideoBytes)}. ` +
        'The type is read from the bytes (a name whose extension says otherwise is refused). Images answer `ready` ' +
        'with thumbnails; videos answer `processing` at once and get their preview in the background ' +
        '(poll `GET /admin/media/:id`). Refusals: 400 MEDIA_FILE_MISSING / MEDIA_EMPTY / MEDIA_BAD_FILENAME, ' +
        '413 MEDIA_TOO_LARGE, 415 MEDIA_UNSUPPORTED_TYPE, 422 MEDIA_UNREADABLE; nothing is stored then.',
      body: {
        content: {
          'multipart/form-data': {
            schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'The image or video' } } },
          },
        },
      },
      response: { 201: mediaObjectSchema },
    },
  }, async (request, reply) => {
    const created: MediaObject = await media.upload(request, { uploadedBy: request.viewer!.sub });
    return reply.status(201).send(created);
  });

  simpleRestRoutes<MediaObject, never>(app, {
    spec: mediaListSpec,
    guard: app.requireAdmin,
    tag: 'media',
    noun: 'media',
    record: mediaObjectSchema,
    list: (params) => media.list(params),
    get: (id) => media.get(id),
  });

  app.post('/media/:id/recompress', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security,
      summary: 'Process one media item again in the background (video preview, image thumbnails)',
      description: 'Answers 202 with the item in `processing`. Harmless to repeat: an item already being processed is left as it is.',
      params: dtoSchema(MediaIdParamsDto),
      response: { 202: mediaObjectSchema },
    },
  }, async (request, reply) => {
    const { id } = request.params as MediaIdParamsDto;
    const [item] = await media.recompress([id]);
    return reply.status(202).send(item);
  });

  app.post('/media/recompress', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security,
      summary: 'Process several media items again (bulk action)',
      description: 'All ids must exist (404 MEDIA_NOT_FOUND lists the unknown ones; nothing is queued then).',
      body: dtoSchema(RecompressMediaDto),
      response: { 202: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: mediaObjectSchema } } } },
    },
  }, async (request, reply) => {
    const { ids } = request.body as RecompressMediaDto;
    return reply.status(202).send({ items: await media.recompress(ids) });
  });
};
