import type { EntityManager } from 'typeorm';
import type { PaymentEventOutcome, RefundEventSource, RefundStatus } from '@pishop/shared';
import { RefundEvent } from './refund.entity';

export interface RefundEventInput {
  refundId: number;
  paymentId: number;
  piPaymentId?: string | null;
  outcome: PaymentEventOutcome;
  message: string;
  code?: string | null;
  statusBefore?: RefundStatus | null;
  statusAfter?: RefundStatus | null;
  rawPayload?: unknown;
}

/**
 * Who is working on a refund (an admin's request, the reconciler, the resume at start), so each
 * step leaves one audit event: with the change it made, or at the end saying why nothing moved.
 */
export class RefundTrail {
  recorded = false;

  constructor(
    readonly source: RefundEventSource,
    readonly actorId: number | null,
  ) {}

  async record(em: EntityManager, input: RefundEventInput): Promise<void> {
    const repo = em.getRepository(RefundEvent);
    await repo.save(
      repo.create({
        refundId: input.refundId,
        paymentId: input.paymentId,
        piPaymentId: input.piPaymentId ?? null,
        source: this.source,
        outcome: input.outcome,
        message: input.message.length > 1000 ? `${input.message.slice(0, 999)}…` : input.message,
        code: input.code ?? null,
        statusBefore: input.statusBefore ?? null,
        statusAfter: input.statusAfter ?? null,
        actorId: this.actorId,
        rawPayload: input.rawPayload === undefined ? null : bounded(input.rawPayload),
      }),
    );
    if (input.outcome === 'applied') this.recorded = true;
  }
}

function bounded(payload: unknown): unknown {
  const text = JSON.stringify(payload) ?? 'null';
  return text.length <= 16_000 ? payload : { truncated: true, text: text.slice(0, 16_000) };
}
