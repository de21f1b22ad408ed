import type { MailTransport, OutgoingMail } from '../../src/plugins/mailer';

export interface CapturedMail extends OutgoingMail {
  sentAt: Date;
}

/** The test harness's mail transport: keeps every mail the app sends, in order. */
export class CapturingMailTransport implements MailTransport {
  readonly name = 'capture';
  readonly sent: CapturedMail[] = [];

  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push({ ...mail, sentAt: new Date() });
  }

  to(address: string): CapturedMail[] {
    return this.sent.filter((m) => m.to === address);
  }
}
