import type { EntityManager } from 'typeorm';
import type { PaymentEventOutcome, PaymentEventSource, PaymentStatus } from '@pishop/shared';
import { PaymentEvent } from './payment.entity';

export interface EventInput {
  source: PaymentEventSource;
  outcome: PaymentEventOutcome;
  message: string;
  paymentId?: number | null;
  piPaymentId?: string | null;
  code?: string | null;
  statusBefore?: PaymentStatus | null;
  statusAfter?: PaymentStatus | null;
  actorId?: number | null;
  rawPayload?: unknown;
}

const MAX_MESSAGE = 1000;

/** Appends one audit event; with `em`, inside the caller's transaction. */
export async function recordEvent(em: EntityManager, input: EventInput): Promise<PaymentEvent> {
  const repo = em.getRepository(PaymentEvent);
  return repo.save(
    repo.create({
      source: input.source,
      outcome: input.outcome,
      message: input.message.length > MAX_MESSAGE ? `${input.message.slice(0, MAX_MESSAGE - 1)}…` : input.message,
      paymentId: input.paymentId ?? null,
      piPaymentId: input.piPaymentId ? input.piPaymentId.slice(0, 100) : null,
      code: input.code ?? null,
      statusBefore: input.statusBefore ?? null,
      statusAfter: input.statusAfter ?? null,
      actorId: input.actorId ?? null,
      rawPayload: input.rawPayload === undefined ? null : boundedPayload(input.rawPayload),
    }),
  );
}

/** Keeps the audit row bounded: an oversized payload is stored as a truncated string. */
function boundedPayload(payload: unknown): unknown {
  const text = JSON.stringify(payload) ?? 'null';
  return text.length <= 16_000 ? payload : { truncated: true, text: text.slice(0, 16_000) };
}
