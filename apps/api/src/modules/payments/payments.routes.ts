import type { FastifyPluginAsync } from 'fastify';
import { receiptSchema } from './payments.views';
import { actorOf, errorResponses } from './route-helpers';

const tags = ['payments'];
const security = [{ bearerAuth: [] }];

/** The customer's receipts. */
export const paymentsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/payments/:id', {
    onRequest: app.requireUser,
    schema: {
      tags, security,
      summary: 'A payment receipt (own payments only)',
      description: 'IDs, π and EUR breakdown (checkout snapshot) and the txid. Another customer’s payment is 404.',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      response: { 200: receiptSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return app.payments.receipt(actorOf(request).id, (request.params as { id: number }).id);
  });
};
