import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DOMAIN_EVENT_TYPES, WEBHOOK_DELIVERY_STATUSES } from '@pishop/shared';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { dtoSchema } from '../../lib/validation';
import { CreateWebhookEndpointDto, UpdateWebhookEndpointDto } from './webhooks.dto';
import { deliveriesSpec, endpointsSpec, type WebhooksService } from './webhooks.service';

const tags = ['admin: webhooks'];
const security = [{ bearerAuth: [] }];
const nullableDate = { type: ['string', 'null'], format: 'date-time' } as const;

const endpointSchema = {
  type: 'object',
  required: ['id', 'url', 'events', 'enabled', 'description', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string', enum: [...DOMAIN_EVENT_TYPES] } },
    enabled: { type: 'boolean' },
    description: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;
const endpointCreatedSchema = {
  ...endpointSchema,
  required: [...endpointSchema.required, 'secret'],
  properties: { ...endpointSchema.properties, secret: { type: 'string', description: 'The signing secret, shown only in this answer' } },
} as const;
const deliverySchema = {
  type: 'object',
  required: ['id', 'endpointId', 'eventId', 'type', 'status', 'attempts', 'nextAttemptAt', 'lastStatusCode', 'lastError', 'deliveredAt', 'createdAt', 'payload'],
  properties: {
    id: { type: 'integer' },
    endpointId: { type: 'integer' },
    eventId: { type: 'string', description: 'The event id (also `id` in the body): the same on retries and resends' },
    type: { type: 'string', enum: [...DOMAIN_EVENT_TYPES] },
    status: { type: 'string', enum: [...WEBHOOK_DELIVERY_STATUSES] },
    attempts: { type: 'integer' },
    nextAttemptAt: nullableDate,
    lastStatusCode: { type: ['integer', 'null'] },
    lastError: { type: ['string', 'null'] },
    deliveredAt: nullableDate,
    createdAt: { type: 'string', format: 'date-time' },
    payload: { type: 'string', description: 'The JSON body as sent' },
  },
} as const;

/** Back office: webhook endpoints and their deliveries (resend). Never open to API keys. */
export const webhooksAdminRoutes: FastifyPluginAsync<{ webhooks: WebhooksService }> = async (app, { webhooks }) => {
  app.post('/webhook-endpoints', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security,
      summary: 'Register a webhook endpoint; the answer is the only time its secret is shown',
      description:
        'Deliveries are `POST`s with the JSON body `{id, type, createdAt, data}` and the header ' +
        '`X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>`; refuse a `t` more than 5 minutes away ' +
        'and de-duplicate on `id`. Answer 2xx within 10 s; anything else is retried with exponential backoff (30 s doubling, at most 2 h) for a day. ' +
        'Only public http(s) targets (422 `WEBHOOK_TARGET_NOT_ALLOWED`).',
      body: dtoSchema(CreateWebhookEndpointDto),
      response: { 201: endpointCreatedSchema },
    },
  }, async (request: FastifyRequest<{ Body: CreateWebhookEndpointDto }>, reply) =>
    reply.status(201).header('Cache-Control', 'no-store').send(await webhooks.createEndpoint(request.body)));

  simpleRestRoutes(app, {
    spec: endpointsSpec,
    guard: app.requireAdmin,
    tag: tags[0],
    noun: 'webhook endpoint',
    record: endpointSchema,
    input: UpdateWebhookEndpointDto,
    list: (params) => webhooks.listEndpoints(params),
    get: (id) => webhooks.getEndpoint(id),
    update: (id, input: UpdateWebhookEndpointDto) => webhooks.updateEndpoint(id, input),
    remove: (id) => webhooks.removeEndpoint(id),
  });

  simpleRestRoutes(app, {
    spec: deliveriesSpec,
    guard: app.requireAdmin,
    tag: tags[0],
    noun: 'webhook delivery',
    record: deliverySchema,
    list: (params) => webhooks.listDeliveries(params),
    get: (id) => webhooks.getDelivery(id),
  });

  app.post('/webhook-deliveries/:id/resend', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security,
      summary: 'Send a delivery’s event again (same event id and body) as a new delivery',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      response: { 201: deliverySchema },
    },
  }, async (request, reply) => reply.status(201).send(await webhooks.resend((request.params as { id: number }).id)));
};
