import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { simpleRestRoutes } from '../../lib/simple-rest-routes';
import { dtoSchema } from '../../lib/validation';
import { adminOrderSchema, ordersSpec, type OrdersAdminService } from './orders-admin.service';
import { CancelOrderDto } from './orders.dto';

/** Back office: orders (read) and the cancel action. Orders are never deleted. */
export const ordersAdminRoutes: FastifyPluginAsync<{ admin: OrdersAdminService }> = async (app, { admin }) => {
  simpleRestRoutes(app, {
    spec: ordersSpec,
    guard: app.requireAdmin,
    tag: 'admin: orders',
    noun: 'order',
    record: adminOrderSchema,
    list: (params) => admin.list(params),
    get: (id) => admin.get(id),
  });

  app.post('/orders/:id/cancel', {
    onRequest: app.requireAdmin,
    schema: {
      tags: ['admin: orders'],
      security: [{ bearerAuth: [] }],
      summary: 'Cancel a pending order, with a reason the customer reads in the order thread',
      description: '409 ORDER_INVALID_TRANSITION for a paid or cancelled order, 409 ORDER_PAYMENT_IN_PROGRESS while a payment is approved with Pi.',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
      body: dtoSchema(CancelOrderDto),
      response: { 200: adminOrderSchema },
    },
  }, async (request: FastifyRequest<{ Body: CancelOrderDto }>) =>
    admin.cancel((request.params as { id: number }).id, request.body.reason, Number(request.viewer?.sub)),
  );
};
