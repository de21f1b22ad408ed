import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { eurCentsToPi } from '../catalog';
import { IdempotencyService } from './idempotency.service';
import { OrdersService, type OrdersDeps } from './orders.service';
import { OrdersAdminService } from './orders-admin.service';
import { OrdersStats } from './orders-stats';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { ordersRoutes } from './orders.routes';
import { ordersAdminRoutes } from './orders.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Checkout, the customer's orders, and the order steps payments drive (paid, cancelled). */
    orders: OrdersService;
    ordersIdempotency: IdempotencyService;
    /** The dashboard's order figures (revenue by day, counts by status, latest orders). */
    orderStats: OrdersStats;
  }
}

/**
 * Orders: checkout (order + item snapshot + thread + payment snapshot in one transaction,
 * with Idempotency-Key), the customer's orders (pay again, cancel), and the admin resource.
 * Depends on catalog and inbox; payments depends on orders and attaches its port here.
 */
export default fp(
  async (app) => {
    const idempotency = new IdempotencyService(app.db);
    const deps: OrdersDeps = {
      ds: app.db,
      idempotency,
      events: app.events,
      eurPerPi: () => app.config.pi.eurPerPi,
      purchasable: (slug) => app.catalog.getPurchasable(slug),
      toPi: eurCentsToPi,
      inbox: {
        createThread: (em, order) => app.inbox.createThread(em, order),
        threadsFor: (em, ids) => app.inbox.threadIdsFor(em, ids),
        postSystem: (em, orderId, body) => app.inbox.postSystem(em, orderId, body),
        setOrderStatus: (em, orderId, status) => app.inbox.setOrderStatus(em, orderId, status),
        notify: (messages) => app.inbox.notifyAfterCommit(messages),
      },
    };
    const orders = new OrdersService(deps);
    app.decorate('orders', orders);
    app.decorate('ordersIdempotency', idempotency);
    app.decorate('orderStats', new OrdersStats(app.db, (ids) => app.accounts.users.summaries(ids)));
    // The home page's stats strip (content module).
    app.homeCounters.register('completedOrders', () => orders.countCompleted());
    await app.register(ordersRoutes, { prefix: API_PREFIX });
    await app.register(ordersAdminRoutes, { prefix: `${API_PREFIX}/admin`, admin: new OrdersAdminService(deps, orders) });
  },
  { name: 'orders', dependencies: ['config', 'db', 'events', 'auth', 'accounts', 'catalog', 'content', 'inbox'] },
);

export { Order, OrderItem } from './order.entity';
export type { OrdersService } from './orders.service';
export type { OrdersStats } from './orders-stats';
export type { OrderPaymentsPort, OrderActor, PaymentSnapshot } from './order-payments.port';
export type { PaymentFacts } from './orders.views';
