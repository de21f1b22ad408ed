import type { DataSource, EntityManager } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import type { PaymentEventOutcome, PaymentEventSource, PaymentStatus } from '@pishop/shared';
import { PaymentEvent } from './payment.entity';
import type { Trail } from './trail';

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

/** The audit events a Pi call writes when it changed nothing: a repeat, a refusal, an outage. */
export class PaymentAudit {
  constructor(
    private readonly ds: DataSource,
    private readonly log: FastifyBaseLogger,
  ) {}

  async unchanged(trail: Trail, message: string, status: PaymentStatus): Promise<void> {
    await this.ds.transaction((em) => recordEvent(em, trail.event('unchanged', message, { statusBefore: trail.statusBefore ?? status, statusAfter: status })));
  }

  /** Never throws: the caller is already answering with the error this records. */
  async failure(trail: Trail, code: string, outcome: 'refused' | 'error', message: string): Promise<void> {
    try {
      await this.ds.transaction((em) => recordEvent(em, trail.event(outcome, message, { code, statusBefore: trail.statusBefore, statusAfter: trail.statusBefore })));
    } catch (err) {
      this.log.error({ err }, 'payments: could not record the payment event');
    }
  }

  /** A request refused before it reached the processor (a bad webhook signature, a malformed callback). */
  async refusal(trail: Trail, code: string, message: string): Promise<void> {
    await this.ds.transaction((em) => recordEvent(em, trail.event('refused', message, { code })));
  }
}
