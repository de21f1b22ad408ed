import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { dtoSchema } from '../../lib/validation';
import type { PaymentsAdminService } from './payments-admin.service';
import { paymentEventsSpec, paymentsSpec } from './payments-admin.service';
import { BulkStatusDto, ReasonDto } from './payments.dto';
import { adminPaymentWithEventsSchema, eventSchema } from './payments.views';
import { actorOf, errorResponses } from './route-helpers';

const tags = ['admin: payments'];
const security = [{ bearerAuth: [] }];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

/** Back office: payments (with their events), the event log, "Sync from Pi", status fixes. */
export const paymentsAdminRoutes: FastifyPluginAsync<{ admin: PaymentsAdminService }> = async (app, { admin }) => {
  simpleRestRoutes(app, {
    spec: paymentsSpec,
    guard: app.requireAdmin,
    tag: tags[0],
    noun: 'payment',
    record: adminPaymentWithEventsSchema,
    list: (params) => admin.list(params),
    get: (id) => admin.get(id),
  });
  simpleRestRoutes(app, {
    spec: paymentEventsSpec,
    guard: app.requireAdmin,
    tag: tags[0],
    noun: 'payment event',
    record: eventSchema,
    list: (params) => admin.listEvents(params),
    get: (id) => admin.getEvent(id),
  });

  app.post('/payments/:id/sync', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security, params: idParams,
      summary: 'Sync from Pi: re-read one payment from Pi and settle it',
      description: 'Completes it with Pi when Pi has its verified transaction, fails it when Pi cancelled it. Audited as a `sync` event.',
      response: { 200: adminPaymentWithEventsSchema, ...errorResponses },
    },
  }, async (request) => admin.sync((request.params as { id: number }).id, actorOf(request)));

  app.post('/payments/bulk-status', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security, body: dtoSchema(BulkStatusDto),
      summary: 'Bulk status fix (mark stale payments failed) with a required reason',
      description: 'Only what the state machine allows (pending/initiated → failed); each change is an `admin` event with the reason.',
      response: {
        200: {
          type: 'object',
          properties: {
            updated: { type: 'array', items: { type: 'integer' } },
            skipped: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, reason: { type: 'string' } } } },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request: FastifyRequest<{ Body: BulkStatusDto }>) =>
    admin.bulkSetStatus(request.body.ids, request.body.status, request.body.reason, actorOf(request)),
  );

  app.post('/payments/:id/resolve-flag', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security, params: idParams, body: dtoSchema(ReasonDto),
      summary: 'Clear the admin flag of a payment, with the reason (audited)',
      response: { 200: adminPaymentWithEventsSchema, ...errorResponses },
    },
  }, async (request: FastifyRequest<{ Body: ReasonDto }>) =>
    admin.resolveFlag((request.params as { id: number }).id, request.body.reason, actorOf(request)),
  );
};
