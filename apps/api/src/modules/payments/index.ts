import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { HorizonClient } from './horizon-client';
import { PiClient } from './pi-client';
import { PaymentStore } from './payment-store';
import { PaymentProcessor } from './payment-processor';
import { PaymentsService } from './payments.service';
import { PaymentsAdminService } from './payments-admin.service';
import { Reconciler } from './reconciler';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { piRoutes } from './pi.routes';
import { paymentsRoutes } from './payments.routes';
import { piWebhookRoutes } from './pi-webhook.routes';
import { paymentsAdminRoutes } from './payments.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Checkout's payment snapshot, receipts, and the Pi callbacks. */
    payments: PaymentsService;
    /** The reconciler: `app.paymentsReconciler.run({olderThanSeconds})` settles stale payments from Pi. */
    paymentsReconciler: Reconciler;
    /** The one Pi Platform API client. */
    piClient: PiClient;
  }
}

/**
 * Payments: the Pi Platform client, the SDK callbacks, the signed webhook, receipts, the
 * reconciler (in-process interval, `PI_RECONCILE_INTERVAL_SECONDS`, 0 = off) and the admin resources.
 */
export default fp(
  async (app) => {
    const { config } = app;
    const pi = new PiClient({ baseUrl: config.pi.apiBaseUrl, apiKey: config.pi.apiKey, timeoutMs: config.pi.apiTimeoutMs });
    const horizon = new HorizonClient({ baseUrl: config.pi.horizonUrl, timeoutMs: config.pi.apiTimeoutMs });
    const store = new PaymentStore({
      ds: app.db,
      network: () => config.pi.network,
      findOrderByNumber: (em, number) => app.orders.findByNumber(em, number),
      lockOrder: (em, id) => app.orders.lockById(em, id),
      markOrderPaid: (em, order) => app.orders.markPaid(em, order),
      customerPiUid: async (customerId) => (await app.accounts.users.findById(customerId))?.piUid ?? null,
      postSystem: (em, orderId, body, opts) => app.inbox.postSystem(em, orderId, body, opts),
      notify: (messages) => app.inbox.notifyAfterCommit(messages),
    });
    const processor = new PaymentProcessor({ ds: app.db, pi, horizon, store, log: app.log });
    const payments = new PaymentsService(app.db, processor, store);
    const reconciler = new Reconciler({ ds: app.db, pi, processor, log: app.log, afterRun: () => app.ordersIdempotency.purgeExpired() });
    app.decorate('payments', payments);
    app.decorate('paymentsReconciler', reconciler);
    app.decorate('piClient', pi);

    await app.register(piRoutes, { prefix: API_PREFIX });
    await app.register(paymentsRoutes, { prefix: API_PREFIX });
    await app.register(piWebhookRoutes, { prefix: API_PREFIX });
    await app.register(paymentsAdminRoutes, { prefix: `${API_PREFIX}/admin`, admin: new PaymentsAdminService(app.db, store, processor) });

    const everySeconds = config.pi.reconcileIntervalSeconds;
    if (everySeconds > 0) {
      let timer: NodeJS.Timeout | undefined;
      app.addHook('onReady', async () => {
        timer = setInterval(() => {
          reconciler.run({ olderThanSeconds: Math.max(60, everySeconds) }).catch((err) => app.log.error({ err }, 'reconciler: run failed'));
        }, everySeconds * 1000);
        timer.unref();
      });
      app.addHook('onClose', async () => {
        clearInterval(timer);
        await reconciler.idle();
      });
    }
  },
  { name: 'payments', dependencies: ['config', 'db', 'auth', 'accounts', 'orders', 'inbox'] },
);
