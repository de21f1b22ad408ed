import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { eurCentsToPi } from '../catalog';
import { IdempotencyService } from './idempotency.service';
import { OrdersService, type OrdersDeps } from './orders.service';
import { OrdersAdminService } from './orders-admin.service';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { ordersRoutes } from './orders.routes';
import { ordersAdminRoutes } from './orders.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Checkout, the customer's orders, and the order steps payments drive (paid, cancelled). */
    orders: OrdersService;
    ordersIdempotency: IdempotencyService;
  }
}

/**
 * Orders: checkout (order + item snapshot + thread + payment snapshot in one transaction,
 * with Idempotency-Key), the customer's orders, and the admin resource. Neighbours are
 * reached through their services at call time (payments registers after this module).
 */
export default fp(
  async (app) => {
    const idempotency = new IdempotencyService(app.db);
    const deps: OrdersDeps = {
      ds: app.db,
      idempotency,
      eurPerPi: () => app.config.pi.eurPerPi,
      purchasable: (slug) => app.catalog.getPurchasable(slug),
      toPi: eurCentsToPi,
      createThread: (em, order) => app.inbox.createThread(em, order),
      threadsFor: (em, ids) => app.inbox.threadIdsFor(em, ids),
      createPayment: (em, snapshot) => app.payments.createForCheckout(em, snapshot),
      paymentsFor: (em, ids) => app.payments.forOrders(em, ids),
    };
    const orders = new OrdersService(deps);
    app.decorate('orders', orders);
    app.decorate('ordersIdempotency', idempotency);
    // The home page's stats strip (content module), when it is loaded.
    if (app.hasDecorator('homeCounters')) app.homeCounters.register('completedOrders', () => orders.countCompleted());
    const admin = new OrdersAdminService(deps, orders, {
      failOpenPayments: (orderId, reason, adminId) => app.payments.failOpenPayments(orderId, reason, adminId),
      hasPaymentInFlight: (orderId) => app.payments.hasPaymentInFlight(orderId),
      postSystem: (em, orderId, body) => app.inbox.postSystem(em, orderId, body),
      notify: (messages) => app.inbox.notifyAfterCommit(messages),
    });
    await app.register(ordersRoutes, { prefix: API_PREFIX });
    await app.register(ordersAdminRoutes, { prefix: `${API_PREFIX}/admin`, admin });
  },
  { name: 'orders', dependencies: ['config', 'db', 'auth', 'catalog', 'inbox'] },
);
