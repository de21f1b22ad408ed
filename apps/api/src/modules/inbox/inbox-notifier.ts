import { In, type DataSource } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import { Thread, type Message } from './thread.entity';

export interface InboxRecipients {
  /** The customer's address, or null (Pi-only accounts have none). */
  customerEmail(customerId: number): Promise<string | null>;
  /** Where customer messages go: the admins' addresses. */
  adminEmails(): Promise<string[]>;
}

export interface InboxMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Emails the other side about new messages, after commit and once per message: customers
 * hear about admin and system messages (never internal notes), admins about customer messages.
 * `send` is called before this returns (the transport finishes in the background).
 */
export class InboxNotifier {
  constructor(
    private readonly deps: {
      ds: DataSource;
      recipients: InboxRecipients;
      mailer: () => InboxMailer | undefined;
      publicUrl: string;
      log: FastifyBaseLogger;
    },
  ) {}

  async notify(messages: Message[]): Promise<void> {
    const relevant = messages.filter((m) => !m.internal);
    if (relevant.length === 0) return;
    const mailer = this.deps.mailer();
    if (!mailer) return;
    try {
      const threads = await this.deps.ds.getRepository(Thread).find({ where: { id: In(relevant.map((m) => m.threadId)) } });
      for (const m of relevant) {
        const thread = threads.find((t) => t.id === m.threadId);
        if (!thread) continue;
        const mails = m.kind === 'customer' ? await this.toAdmins(m, thread) : await this.toCustomer(m, thread);
        for (const mail of mails) {
          mailer.send(mail).catch((err) => this.deps.log.error({ err, messageId: m.id }, 'inbox: notification mail failed'));
        }
      }
    } catch (err) {
      this.deps.log.error({ err }, 'inbox: could not prepare notification mails');
    }
  }

  private async toCustomer(m: Message, thread: Thread) {
    const to = await this.deps.recipients.customerEmail(thread.customerId);
    if (!to) return [];
    const number = thread.orderNumber;
    const subject = m.kind === 'system' ? `Update on your order ${number}` : `New message about your order ${number}`;
    // Storefront pages (apps/web/src/app/router.tsx): the conversation, and the order itself.
    const text =
      `${m.body}\n\n—\nRead and reply: ${this.deps.publicUrl}/inbox/${thread.id}\n` +
      `Your order: ${this.deps.publicUrl}/orders/${encodeURIComponent(number)}\n`;
    return [{ to, subject, text }];
  }

  private async toAdmins(m: Message, thread: Thread) {
    const admins = await this.deps.recipients.adminEmails();
    const subject = `Customer message on order ${thread.orderNumber}`;
    const text = `${m.body}\n\n—\nAnswer in the back office: ${this.deps.publicUrl}/admin/#/threads/${thread.id}/show\n`;
    return admins.map((to) => ({ to, subject, text }));
  }
}
