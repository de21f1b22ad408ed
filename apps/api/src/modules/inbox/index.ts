import fp from 'fastify-plugin';
import { API_PREFIX } from '@pishop/shared';
import { InboxService } from './inbox.service';
import { InboxAdminService } from './inbox-admin.service';
import { InboxNotifier, type InboxRecipients } from './inbox-notifier';
// The module's own plugin registers its routes (the lint rule targets imports from other modules).
import { inboxRoutes } from './inbox.routes';
import { inboxAdminRoutes } from './inbox.admin-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Order threads: created at checkout, system messages from payments, customer/admin messages. */
    inbox: InboxService;
  }
}

/** Inbox: one thread per order, messages with read state per side, emails after commit. */
export default fp(
  async (app) => {
    const recipients: InboxRecipients = {
      customerEmail: async (customerId) => (await app.accounts.users.findById(customerId))?.email ?? null,
      adminEmails: () => app.accounts.users.activeAdminEmails(),
    };
    const notifier = new InboxNotifier({
      ds: app.db,
      recipients,
      mailer: () => (app.hasDecorator('mailer') ? app.mailer : undefined),
      publicUrl: app.config.publicUrl,
      log: app.log,
    });
    const inbox = new InboxService(app.db, notifier, app.events);
    app.decorate('inbox', inbox);
    await app.register(inboxRoutes, { prefix: API_PREFIX });
    await app.register(inboxAdminRoutes, { prefix: `${API_PREFIX}/admin`, admin: new InboxAdminService(app.db, inbox) });
  },
  { name: 'inbox', dependencies: ['config', 'db', 'auth', 'events', 'accounts'] },
);

export { Thread, Message } from './thread.entity';
export type { InboxService } from './inbox.service';
