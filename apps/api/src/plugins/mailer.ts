import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** A message as handed to a transport: the message plus its sender. */
export interface OutgoingMail extends MailMessage {
  from: string;
}

/** Where mail goes: SMTP (SMTP_URL) or the log; tests plug in their own. Keeps nothing. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
  close?(): void | Promise<void>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** The transport's name: 'smtp', 'log', or a test's. */
  readonly transport: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    send: async (mail) => void (await transporter.sendMail(mail)),
    close: () => transporter.close(),
  };
}

/** No SMTP server: the message is written to the log (development, or ALLOW_LOG_ONLY_MAIL). */
function logTransport(log: FastifyBaseLogger): MailTransport {
  return {
    name: 'log',
    send: async (mail) => log.info({ mail }, 'mail (not sent: no SMTP_URL)'),
  };
}

/** Outgoing mail (password resets, inbox notifications). */
export default fp<{ transport?: MailTransport }>(
  async (app, opts) => {
    const smtp = app.config.smtpUrl;
    const transport = opts.transport ?? (smtp ? smtpTransport(smtp) : logTransport(app.log));
    if (transport.name === 'log') app.log.warn('mailer: SMTP_URL not set, mails are only written to the log');

    const mailer: Mailer = {
      transport: transport.name,
      async send(message) {
        const mail: OutgoingMail = { ...message, from: app.config.emailFrom };
        try {
          await transport.send(mail);
        } catch (err) {
          app.log.error({ err, to: message.to, subject: message.subject }, 'mail could not be sent');
          throw err;
        }
      },
    };
    app.decorate('mailer', mailer);
    app.addHook('onClose', async () => transport.close?.());
  },
  { name: 'mailer', dependencies: ['config'] },
);
