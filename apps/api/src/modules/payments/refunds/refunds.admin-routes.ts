import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { simpleRestRoutes } from '../../../lib/simple-rest-routes';
import { dtoSchema } from '../../../lib/validation';
import { actorOf, errorResponses } from '../route-helpers';
import { RefundDto } from './refunds.dto';
import { refundsSpec, type RefundsService } from './refunds.service';
import { adminRefundSchema, adminRefundWithEventsSchema, availabilitySchema } from './refunds.views';

const tags = ['admin: refunds'];
const security = [{ bearerAuth: [] }];

/** Back office: refund a payment (π back to the payer), the refunds list, and whether refunds are on. */
export const refundsAdminRoutes: FastifyPluginAsync<{ refunds: RefundsService }> = async (app, { refunds }) => {
  app.get('/refunds/availability', {
    onRequest: app.requireAdmin,
    schema: {
      tags, security,
      summary: 'Whether this server can send refunds, and if not why',
      description: 'Off without `PI_WALLET_PRIVATE_SEED` (`REFUNDS_DISABLED`) or with a seed that is not the app wallet’s key (`REFUNDS_WALLET_MISMATCH`); `reason` says it in words.',
      response: { 200: availabilitySchema, ...errorResponses },
    },
  }, async () => refunds.availability());

  simpleRestRoutes(app, {
    spec: refundsSpec,
    guard: app.requireAdmin,
    tag: tags[0],
    noun: 'refund',
    record: adminRefundWithEventsSchema,
    list: (params) => refunds.list(params),
    get: (id) => refunds.get(id),
  });

  app.post('/payments/:id/refund', {
    onRequest: app.requireAdmin,
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags, security,
      summary: 'Refund a confirmed payment in π (whole or partial, with a reason), as an App-to-User payment to the payer',
      description:
        'Header `Idempotency-Key` (required, 1-255 visible ASCII, per admin): the same key always answers the same refund (200, `Idempotent-Replayed: true`), ' +
        'so one request never makes a second A2U payment; the same key with another body is 422 `IDEMPOTENCY_KEY_REUSED`. ' +
        'Without `amountPi`, all that is not refunded yet. Completed and in-flight refunds never exceed what was paid (422 `REFUND_EXCEEDS_PAYMENT`). ' +
        'Answers 201 with the refund once completed (or failed for good), 202 while it is still `pending`/`submitted` (`lastError` says why, e.g. `PI_UNAVAILABLE`; ' +
        'the reconciler finishes it). 503 `REFUNDS_DISABLED` / `REFUNDS_WALLET_MISMATCH` when refunds are off (nothing recorded or sent), ' +
        '409 `REFUND_NOT_ALLOWED` for a payment that is not confirmed.',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', maxLength: 255 } } },
      body: dtoSchema(RefundDto),
      response: { 200: adminRefundSchema, 201: adminRefundSchema, 202: adminRefundSchema, ...errorResponses },
    },
  }, async (request: FastifyRequest<{ Body: RefundDto }>, reply) => {
    const key = request.headers['idempotency-key'];
    const outcome = await refunds.request(actorOf(request).id, (request.params as { id: number }).id, request.body, typeof key === 'string' ? key : undefined);
    reply.header('Cache-Control', 'no-store');
    if (!outcome.created) return reply.status(200).header('Idempotent-Replayed', 'true').send(outcome.refund);
    const finished = outcome.refund.status === 'completed' || outcome.refund.status === 'failed';
    return reply.status(finished ? 201 : 202).send(outcome.refund);
  });
};
