import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { API_KEY_SCOPES } from '@pishop/shared';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { dtoSchema } from '../../lib/validation';
import { CreateApiKeyDto } from './api-keys.dto';
import { apiKeysSpec, type ApiKeysService } from './api-keys.service';

const tags = ['admin: api keys'];
const security = [{ bearerAuth: [] }];

const nullableDate = { type: ['string', 'null'], format: 'date-time' } as const;
export const apiKeySchema = {
  type: 'object',
  required: ['id', 'name', 'scopes', 'prefix', 'status', 'expiresAt', 'lastUsedAt', 'revokedAt', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string', enum: [...API_KEY_SCOPES] } },
    prefix: { type: 'string', description: 'The first characters of the secret, e.g. `pishop_AbCd1234`' },
    status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
    expiresAt: nullableDate,
    lastUsedAt: nullableDate,
    revokedAt: nullableDate,
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;
const apiKeyCreatedSchema = {
  ...apiKeySchema,
  required: [...apiKeySchema.required, 'secret'],
  properties: { ...apiKeySchema.properties, secret: { type: 'string', description: 'The key, shown only in this answer: `Authorization: Bearer <secret>`' } },
} as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

/** Back office: API keys for partners' servers (create, list, rotate, revoke). Never open to API keys. */
export const apiKeysAdminRoutes: FastifyPluginAsync<{ keys: ApiKeysService }> = async (app, { keys }) => {
  app.post('/api-keys', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security,
      summary: 'Create an API key; the answer is the only time its secret is shown',
      description: `Scopes: ${API_KEY_SCOPES.join(', ')}. Partners send the key as \`Authorization: Bearer <secret>\`.`,
      body: dtoSchema(CreateApiKeyDto),
      response: { 201: apiKeyCreatedSchema },
    },
  }, async (request: FastifyRequest<{ Body: CreateApiKeyDto }>, reply) => {
    const created = await keys.create(Number(request.viewer?.sub), request.body);
    return reply.status(201).header('Cache-Control', 'no-store').send(created);
  });

  app.post('/api-keys/:id/rotate', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security,
      summary: 'Give a key a new secret (shown only in this answer); the old secret stops working at once',
      params: idParams,
      response: { 200: apiKeyCreatedSchema },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return keys.rotate((request.params as { id: number }).id);
  });

  simpleRestRoutes(app, {
    spec: apiKeysSpec,
    guard: app.requireAdmin,
    tag: tags[0],
    noun: 'API key (DELETE revokes it; the record stays)',
    record: apiKeySchema,
    list: (params) => keys.list(params),
    get: (id) => keys.get(id),
    remove: (id) => keys.revoke(id),
  });
};
