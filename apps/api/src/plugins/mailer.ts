import fp from 'fastify-plugin';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SentMail extends MailMessage {
  from: string;
  sentAt: Date;
  /** 'sent' once the transport accepted it; 'failed' with the reason otherwise. */
  status: 'sending' | 'sent' | 'failed';
  error?: string;
}

export interface Mailer {
  /** Sends through SMTP (SMTP_URL) or, by default, logs the message as JSON. */
  send(message: MailMessage): Promise<void>;
  /** The last messages handed to `send` (newest last, bounded), for tests and diagnostics. */
  readonly outbox: readonly SentMail[];
  readonly transport: 'smtp' | 'log';
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

const OUTBOX_SIZE = 50;

/** Outgoing mail (password resets, inbox notifications) through nodemailer. */
export default fp(
  async (app) => {
    const smtp = app.config.smtpUrl;
    const transporter: Transporter = smtp
      ? nodemailer.createTransport(smtp)
      : nodemailer.createTransport({ jsonTransport: true });
    const outbox: SentMail[] = [];
    if (!smtp) app.log.info('mailer: SMTP_URL not set, mails are written to the log');

    const mailer: Mailer = {
      transport: smtp ? 'smtp' : 'log',
      outbox,
      async send(message) {
        // Recorded before the transport is awaited, so a caller that does not wait still sees it.
        const entry: SentMail = { ...message, from: app.config.emailFrom, sentAt: new Date(), status: 'sending' };
        outbox.push(entry);
        if (outbox.length > OUTBOX_SIZE) outbox.splice(0, outbox.length - OUTBOX_SIZE);
        try {
          const info = await transporter.sendMail({ from: entry.from, to: message.to, subject: message.subject, text: message.text });
          entry.status = 'sent';
          if (!smtp) app.log.info({ mail: JSON.parse(String((info as { message?: unknown }).message ?? '{}')) }, 'mail (not sent: no SMTP_URL)');
        } catch (err) {
          entry.status = 'failed';
          entry.error = (err as Error).message;
          app.log.error({ err, to: message.to, subject: message.subject }, 'mail could not be sent');
          throw err;
        }
      },
    };
    app.decorate('mailer', mailer);
    app.addHook('onClose', async () => transporter.close());
  },
  { name: 'mailer', dependencies: ['config'] },
);
