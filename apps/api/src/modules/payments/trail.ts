import type { PaymentEventOutcome, PaymentEventSource, PaymentStatus } from '@pishop/shared';
import type { EventInput } from './payment-events';

export interface Actor {
  id: number;
  role: 'customer' | 'admin';
}

/**
 * What one callback, webhook, sync or admin action learnt on its way, so that exactly one
 * audit event describes it: written with the state change it caused, or at the end
 * (unchanged, refused, error) when it caused none.
 */
export class Trail {
  paymentId: number | null = null;
  orderId: number | null = null;
  statusBefore: PaymentStatus | null = null;
  recorded = false;

  constructor(
    readonly source: PaymentEventSource,
    readonly piPaymentId: string | null,
    readonly actor: Actor | null,
    public rawPayload: unknown,
  ) {}

  event(outcome: PaymentEventOutcome, message: string, extra: Partial<EventInput> = {}): EventInput {
    return {
      source: this.source,
      outcome,
      message,
      paymentId: this.paymentId,
      piPaymentId: this.piPaymentId,
      actorId: this.actor?.id ?? null,
      rawPayload: this.rawPayload,
      ...extra,
    };
  }
}
