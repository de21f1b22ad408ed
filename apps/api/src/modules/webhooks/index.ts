import fp from 'fastify-plugin';
import type { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { API_PREFIX } from '@pishop/shared';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhooksService } from './webhooks.service';
import { webhooksAdminRoutes } from './webhooks.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    webhooks: { service: WebhooksService; dispatcher: WebhookDispatcher };
  }
}

/**
 * Outgoing webhooks: every domain event becomes outbox rows in the publisher's transaction;
 * after that transaction commits, the worker sends them (and again at start and on the poll
 * interval, for retries and for rows a crash left unsent).
 */
export default fp(
  async (app) => {
    const { webhooks: settings } = app.config;
    const dispatcher = new WebhookDispatcher(app.db, { allowPrivateTargets: settings.allowPrivateTargets, timeoutMs: settings.timeoutMs, log: app.log });
    const kick = () => {
      if (settings.worker) dispatcher.kick();
    };
    const service = new WebhooksService(app.db, { allowPrivateTargets: settings.allowPrivateTargets, now: () => dispatcher.now(), queuedOutsideTransaction: kick });
    app.decorate('webhooks', { service, dispatcher });
    app.events.onAny((em, event) => service.enqueue(em, event));

    // After the outermost commit of a transaction that queued deliveries, send them.
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit(e: TransactionCommitEvent) {
        if (e.queryRunner.isTransactionActive || !e.queryRunner.data?.webhooksQueued) return;
        e.queryRunner.data = { ...e.queryRunner.data, webhooksQueued: false };
        kick();
      },
      afterTransactionRollback(e: TransactionRollbackEvent) {
        if (!e.queryRunner.isTransactionActive && e.queryRunner.data?.webhooksQueued) e.queryRunner.data = { ...e.queryRunner.data, webhooksQueued: false };
      },
    };
    app.db.subscribers.push(subscriber);

    let timer: NodeJS.Timeout | undefined;
    if (settings.worker) {
      app.addHook('onReady', async () => {
        kick();
        if (settings.pollIntervalSeconds > 0) {
          timer = setInterval(kick, settings.pollIntervalSeconds * 1000);
          timer.unref();
        }
      });
    }
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      const i = app.db.subscribers.indexOf(subscriber);
      if (i >= 0) app.db.subscribers.splice(i, 1);
      await dispatcher.stop();
    });

    await app.register(webhooksAdminRoutes, { prefix: `${API_PREFIX}/admin`, webhooks: service });
  },
  { name: 'webhooks', dependencies: ['config', 'db', 'auth', 'events'] },
);

export { WebhookDelivery, WebhookEndpoint } from './webhook.entity';
export { signWebhook, verifyWebhook } from './webhook-signature';
