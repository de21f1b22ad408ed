import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { pageSchema } from '../../lib/pagination';
import { dtoSchema } from '../../lib/validation';
import { CheckoutDto, CustomerCancelOrderDto, OrderListQueryDto } from './orders.dto';
import { checkoutSchema, orderSchema } from './orders.views';
import { perUserPerMinute } from '../../lib/rate-limits';

const tags = ['orders'];
const security = [{ bearerAuth: [] }];
const errors = {
  '4xx': {
    description: '`{error: {code, message}}`',
    type: 'object',
    properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } }, errors: { type: 'object', additionalProperties: { type: 'string' } } },
  },
} as const;

const customerId = (request: FastifyRequest) => Number(request.viewer?.sub);

export const ordersRoutes: FastifyPluginAsync = async (app) => {
  app.post('/orders/checkout', {
    onRequest: app.requireUser,
    config: perUserPerMinute(app.config.customerWriteRateLimitMax),
    schema: {
      tags, security,
      summary: 'Order one service and get the Pi SDK payment payload',
      description:
        'Creates the order, its inbox thread and a payment holding the pricing snapshot (priceEurCents, eurPerPi, amountPi) in one transaction. ' +
        'Honours `Idempotency-Key` (1-255 visible ASCII): the first answer is replayed for 24 h (header `Idempotent-Replayed: true`), ' +
        '409 IDEMPOTENCY_REQUEST_IN_PROGRESS while the first is running, 422 IDEMPOTENCY_KEY_REUSED for the same key with another body. ' +
        '404 SERVICE_NOT_FOUND for an unknown or inactive service.',
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', maxLength: 255 } } },
      body: dtoSchema(CheckoutDto),
      response: { 201: checkoutSchema, ...errors },
    },
  }, async (request: FastifyRequest<{ Body: CheckoutDto }>, reply) => {
    const key = request.headers['idempotency-key'];
    const outcome = await app.orders.checkout(customerId(request), { serviceSlug: request.body.serviceSlug }, typeof key === 'string' ? key : undefined);
    if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(outcome.status).header('Cache-Control', 'no-store').send(outcome.body);
  });

  app.get('/orders', {
    onRequest: app.requireUser,
    schema: {
      tags, security,
      summary: "The signed-in customer's orders, newest first",
      querystring: dtoSchema(OrderListQueryDto),
      response: { 200: pageSchema(orderSchema, 'OrderPage'), ...errors },
    },
  }, async (request: FastifyRequest<{ Querystring: OrderListQueryDto }>, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return app.orders.listForCustomer(customerId(request), request.query);
  });

  app.get('/orders/:number', {
    onRequest: app.requireUser,
    schema: {
      tags, security,
      summary: 'One of your orders, with its π figures and payments (others are 404)',
      params: { type: 'object', required: ['number'], properties: { number: { type: 'string', maxLength: 32 } } },
      response: { 200: orderSchema, ...errors },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return app.orders.getForCustomer(customerId(request), (request.params as { number: string }).number);
  });

  const numberParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', maxLength: 32 } } } as const;

  app.post('/orders/:number/pay', {
    onRequest: app.requireUser,
    config: perUserPerMinute(app.config.customerWriteRateLimitMax),
    schema: {
      tags, security,
      summary: 'Pay a pending order again: a new Pi SDK payment payload on the same price snapshot',
      description:
        'For your own pending order (others are 404) whose earlier payment was cancelled or never started: answers the payload for `Pi.createPayment` ' +
        '(the same shape as checkout). 409 ORDER_ALREADY_PAID, ORDER_CANCELLED, or ORDER_PAYMENT_IN_PROGRESS while a payment is approved with Pi.',
      params: numberParams,
      response: { 200: checkoutSchema, ...errors },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return app.orders.pay(customerId(request), (request.params as { number: string }).number);
  });

  app.post<{ Body: CustomerCancelOrderDto }>('/orders/:number/cancel', {
    onRequest: app.requireUser,
    config: perUserPerMinute(app.config.customerWriteRateLimitMax),
    schema: {
      tags, security,
      summary: 'Cancel your own unpaid order',
      description:
        'The order becomes cancelled, its open payments fail and a system message is posted in its thread. ' +
        '409 ORDER_PAYMENT_IN_PROGRESS while a payment is approved with Pi (money may be on its way), 409 ORDER_INVALID_TRANSITION once paid or cancelled; others\' orders are 404.',
      params: numberParams,
      body: dtoSchema(CustomerCancelOrderDto),
      response: { 200: orderSchema, ...errors },
    },
  }, async (request) => {
    const number = (request.params as { number: string }).number;
    const reason = request.body?.reason?.trim() || 'No reason given';
    await app.orders.cancel({ number, customerId: customerId(request) }, reason, { id: customerId(request), role: 'customer' });
    return app.orders.getForCustomer(customerId(request), number);
  });
};
