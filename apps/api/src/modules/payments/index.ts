import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { PaymentStore } from './payment-store';
import { PaymentProcessor } from './payment-processor';
import { PaymentLeases } from './payment-lease';
import { PaymentAudit } from './payment-events';
import { PaymentsService } from './payments.service';
import { PaymentsAdminService } from './payments-admin.service';
import { Reconciler } from './reconciler';
import { createRefunds } from './refunds/create-refunds';
import type { RefundsService } from './refunds/refunds.service';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { piRoutes } from './pi.routes';
import { paymentsRoutes } from './payments.routes';
import { piWebhookRoutes } from './pi-webhook.routes';
import { paymentsAdminRoutes } from './payments.admin-routes';
import { PaymentsStats } from './payments-stats';
import { refundsAdminRoutes } from './refunds/refunds.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Receipts and the Pi callbacks. */
    payments: PaymentsService;
    /** The reconciler: `app.paymentsReconciler.run({olderThanSeconds})` settles stale payments from Pi (and unfinished refunds). */
    paymentsReconciler: Reconciler;
    /** Refunds (App-to-User payments back to the payer); `app.refunds.idle()` waits for the resume at start. */
    refunds: RefundsService;
    /** The dashboard's "payments needing attention" counts. */
    paymentStats: PaymentsStats;
  }
}

/**
 * Payments: the SDK callbacks, the signed webhook, receipts, the reconciler (in-process interval,
 * `PI_RECONCILE_INTERVAL_SECONDS`, 0 = off) and the admin resources. Depends on orders (it attaches
 * the port orders use for payment attempts), inbox and accounts; reaches Pi through `app.piPlatform`.
 */
export default fp(
  async (app) => {
    const { config, piPlatform } = app;
    const audit = new PaymentAudit(app.db, app.log);
    // A lease outlives one Pi call with its retries; a waiter gives up after two of them.
    const piCallBudgetMs = config.pi.apiTimeoutMs * 3 + 1000;
    const leases = new PaymentLeases(app.db, { ttlMs: 15_000, waitMs: piCallBudgetMs * 2 });
    const store = new PaymentStore({
      ds: app.db,
      events: app.events,
      network: piPlatform.network,
      appWallet: piPlatform.appWallet,
      orders: {
        findByNumber: (em, number) => app.orders.findByNumber(em, number),
        findById: (em, id) => app.orders.findById(em, id),
        lockById: (em, id) => app.orders.lockById(em, id),
        markPaid: (em, order) => app.orders.markPaid(em, order),
      },
      customerPiUid: async (customerId) => (await app.accounts.users.findById(customerId))?.piUid ?? null,
      postSystem: (em, orderId, body, opts) => app.inbox.postSystem(em, orderId, body, opts),
      notify: (messages) => app.inbox.notifyAfterCommit(messages),
    });
    const processor = new PaymentProcessor({
      pi: piPlatform.client,
      horizon: piPlatform.horizon,
      store,
      leases,
      audit,
      appWallet: piPlatform.appWallet,
      expirySeconds: config.pi.paymentExpirySeconds,
      log: app.log,
    });
    const refunds = createRefunds({
      ds: app.db,
      piPlatform,
      walletSeed: config.pi.walletSeed,
      store,
      leases,
      events: app.events,
      postSystem: (em, orderId, body) => app.inbox.postSystem(em, orderId, body),
      notify: (messages) => app.inbox.notifyAfterCommit(messages),
      log: app.log,
    });
    const payments = new PaymentsService(app.db, processor, store, leases, audit, refunds);
    app.orders.attachPayments(payments.ordersPort());
    const reconciler = new Reconciler({ ds: app.db, pi: piPlatform.client, processor, refunds, log: app.log, afterRun: () => app.ordersIdempotency.purgeExpired() });
    app.decorate('payments', payments);
    app.decorate('paymentsReconciler', reconciler);
    app.decorate('refunds', refunds);
    app.decorate('paymentStats', new PaymentsStats(app.db, config.pi.paymentExpirySeconds));

    await app.register(piRoutes, { prefix: API_PREFIX });
    await app.register(paymentsRoutes, { prefix: API_PREFIX });
    await app.register(piWebhookRoutes, { prefix: API_PREFIX });
    await app.register(paymentsAdminRoutes, { prefix: `${API_PREFIX}/admin`, admin: new PaymentsAdminService(app.db, store, processor, refunds) });
    await app.register(refundsAdminRoutes, { prefix: `${API_PREFIX}/admin`, refunds });

    // Refunds a crash left half-way are finished once the server listens (Pi may be this very
    // server's mounted sandbox); a Pi outage only delays them to the reconciler.
    app.addHook('onListen', async () => {
      refunds.resumeAtStart().catch((err) => app.log.error({ err }, 'refunds: resume at start failed'));
    });
    app.addHook('onClose', async () => {
      await refunds.idle();
    });

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
  { name: 'payments', dependencies: ['config', 'db', 'events', 'pi-platform', 'auth', 'accounts', 'orders', 'inbox'] },
);
