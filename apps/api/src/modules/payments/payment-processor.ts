import type { DataSource } from 'typeorm';
import type { FastifyBaseLogger } from 'fastify';
import type { PiCallbackResult } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { statusForCode } from '../../lib/error-status';
import { Order } from '../orders/order.entity';
import { Payment } from './payment.entity';
import { recordEvent } from './payment-events';
import { piPhase } from './payment-checks';
import { HorizonUnavailableError, type HorizonClient } from './horizon-client';
import { PiApiError, type PiClient, type PiPayment } from './pi-client';
import type { PaymentStore } from './payment-store';
import type { Trail } from './trail';

/** What the caller wants: the SDK callbacks, or "settle from Pi's record" (webhook, sync, jobs). */
export type Intent = 'approve' | 'complete' | 'cancel' | 'settle';

export interface ProcessInput {
  intent: Intent;
  piPaymentId: string;
  /** The txid the client reported (complete, incomplete): must be Pi's own. */
  txid?: string;
}

/**
 * Reads the payment from Pi, links and checks it, talks to Pi (approve, complete, cancel)
 * and the ledger, and moves our payment accordingly. Every call leaves an audit event: with
 * each state change it caused, or one saying why nothing changed (repeat, refusal, outage).
 */
export class PaymentProcessor {
  constructor(
    private readonly deps: { ds: DataSource; pi: PiClient; horizon: HorizonClient; store: PaymentStore; log: FastifyBaseLogger },
  ) {}

  async process(input: ProcessInput, trail: Trail): Promise<PiCallbackResult> {
    try {
      const settled = input.intent === 'settle' ? null : await this.alreadyConfirmed(input, trail);
      if (settled) return settled;
      const pi = await this.readPi(input.piPaymentId);
      trail.rawPayload = { request: trail.rawPayload, pi };
      const { payment } = await this.deps.store.link(pi, trail);
      const message = await this.advance(input, pi, payment.id, trail);
      const result = await this.current(payment.id, input.piPaymentId);
      if (!trail.recorded) {
        await this.deps.ds.transaction((em) =>
          recordEvent(em, trail.event('unchanged', message, { statusBefore: trail.statusBefore ?? result.status, statusAfter: result.status })),
        );
      }
      return result;
    } catch (err) {
      await this.recordFailure(err, trail);
      throw err;
    }
  }

  /**
   * A repeated callback for a payment we already confirmed: answered from our record (no Pi
   * round trip, so repeats succeed even while Pi is down), after the same caller checks.
   */
  private async alreadyConfirmed(input: ProcessInput, trail: Trail): Promise<PiCallbackResult | null> {
    const local = await this.deps.ds.getRepository(Payment).findOne({ where: { piPaymentId: input.piPaymentId } });
    if (!local || local.status !== 'confirmed') return null;
    const order = await this.deps.ds.getRepository(Order).findOneOrFail({ where: { id: local.orderId } });
    trail.paymentId = local.id;
    trail.orderId = order.id;
    trail.statusBefore = local.status;
    if (trail.actor && trail.actor.role !== 'admin' && order.customerId !== trail.actor.id) {
      throw new AppError('PAYMENT_FORBIDDEN', `Order ${order.number} belongs to another customer`);
    }
    if (input.txid && input.txid !== local.txid) {
      throw new AppError('PAYMENT_TXID_MISMATCH', `txid ${input.txid} is not the transaction that paid this payment`);
    }
    await this.deps.ds.transaction((em) =>
      recordEvent(em, trail.event('unchanged', 'Already confirmed', { statusBefore: local.status, statusAfter: local.status })),
    );
    return this.current(local.id, input.piPaymentId);
  }

  /** Our payment as it stands, in the shape every /pi callback answers. */
  async current(paymentId: number | null, piPaymentId: string): Promise<PiCallbackResult> {
    const p = paymentId ? await this.deps.ds.getRepository(Payment).findOne({ where: { id: paymentId } }) : null;
    const order = p ? await this.deps.ds.getRepository(Order).findOne({ where: { id: p.orderId } }) : null;
    return {
      paymentId: p?.id ?? null,
      piPaymentId,
      orderNumber: order?.number ?? null,
      status: p?.status ?? 'pending',
      orderStatus: order?.status ?? null,
      txid: p?.txid ?? null,
    };
  }

  /** Returns a note for the "unchanged" event when nothing moved. */
  private async advance(input: ProcessInput, pi: PiPayment, paymentId: number, trail: Trail): Promise<string> {
    const { store } = this.deps;
    const phase = piPhase(pi);
    const piTxid = pi.transaction?.txid ?? null;
    if (input.txid && piTxid && input.txid !== piTxid) {
      throw new AppError('PAYMENT_TXID_MISMATCH', `txid ${input.txid} is not the transaction Pi recorded for payment ${pi.identifier}`);
    }
    switch (phase) {
      case 'cancelled':
        await store.markFailed(paymentId, pi.status.user_cancelled ? 'Cancelled by the payer on Pi' : 'Cancelled on Pi (by the app or expired)', trail);
        return 'Pi reports the payment cancelled';
      case 'completed':
        await this.verifyLedger(pi);
        await store.confirm(paymentId, piTxid ?? '', trail);
        return 'Already confirmed';
      case 'submitted':
        if (input.intent === 'approve') {
          await store.markInitiated(paymentId, trail);
          return 'Already approved; the transaction is submitted';
        }
        if (input.intent === 'cancel') return 'Not cancelled: the payer already submitted the transaction';
        return this.completeWithPi(pi, paymentId, trail);
      case 'approved':
        if (input.intent === 'complete') throw notReady(pi);
        if (input.intent === 'cancel') return this.cancelWithPi(pi, paymentId, trail);
        await store.markInitiated(paymentId, trail);
        return 'Approved; waiting for the payer to submit the transaction';
      case 'created':
        if (input.intent === 'complete') throw notReady(pi);
        if (input.intent === 'cancel') return this.cancelWithPi(pi, paymentId, trail);
        if (input.intent === 'approve') return this.approveWithPi(pi, paymentId, trail);
        return 'Not approved yet; nothing to settle';
    }
  }

  private async approveWithPi(pi: PiPayment, paymentId: number, trail: Trail): Promise<string> {
    const local = await this.deps.ds.getRepository(Payment).findOneOrFail({ where: { id: paymentId } });
    const order = await this.deps.ds.getRepository(Order).findOneOrFail({ where: { id: local.orderId } });
    if (order.status !== 'pending' || local.status !== 'pending') {
      // Never take money for an order that cannot be paid (again): let Pi drop the payment.
      await this.deps.pi.cancel(pi.identifier).catch((err) => this.deps.log.warn({ err }, 'pi: cancel of a refused payment failed'));
      const why = order.status === 'paid' ? 'ORDER_ALREADY_PAID' : order.status === 'cancelled' ? 'ORDER_CANCELLED' : 'PAYMENT_CLOSED';
      await this.deps.store.markFailed(paymentId, `Not approved: ${why}`, trail);
      throw new AppError(why, order.status === 'paid' ? `Order ${order.number} is already paid` : `This payment can no longer be approved (order ${order.status}, payment ${local.status})`);
    }
    try {
      await this.deps.pi.approve(pi.identifier);
    } catch (err) {
      if (!(err instanceof PiApiError && err.code === 'already_approved')) return this.settleAfterPiRefusal(err, pi, paymentId, trail);
    }
    await this.deps.store.markInitiated(paymentId, trail);
    return 'Approved';
  }

  /** Verifies the ledger, then asks Pi to complete; only a 2xx (or Pi's own completed record) confirms. */
  private async completeWithPi(pi: PiPayment, paymentId: number, trail: Trail): Promise<string> {
    const txid = pi.transaction?.txid as string;
    await this.verifyLedger(pi);
    await this.deps.store.markInitiated(paymentId, trail, 'Approved with Pi (seen with its transaction)');
    try {
      await this.deps.pi.complete(pi.identifier, txid);
    } catch (err) {
      return this.settleAfterPiRefusal(err, pi, paymentId, trail);
    }
    await this.deps.store.confirm(paymentId, txid, trail);
    return 'Completed';
  }

  private async cancelWithPi(pi: PiPayment, paymentId: number, trail: Trail): Promise<string> {
    try {
      await this.deps.pi.cancel(pi.identifier);
    } catch (err) {
      return this.settleAfterPiRefusal(err, pi, paymentId, trail);
    }
    await this.deps.store.markFailed(paymentId, 'Cancelled by the customer', trail);
    return 'Cancelled';
  }

  /**
   * Pi refused or failed an approve/complete/cancel. Down or slow: a clear 503, nothing changed
   * here (the reconciler finishes later). A refusal such as `already_completed`: re-read the
   * payment and settle from what Pi now says.
   */
  private async settleAfterPiRefusal(err: unknown, before: PiPayment, paymentId: number, trail: Trail): Promise<string> {
    if (!(err instanceof PiApiError)) throw err;
    if (err.isUnavailable) throw piUnavailable(err);
    const pi = await this.readPi(before.identifier);
    const phase = piPhase(pi);
    if (phase === 'completed') {
      await this.verifyLedger(pi);
      await this.deps.store.confirm(paymentId, pi.transaction?.txid ?? '', trail);
      return `Pi answered ${err.code}; settled from Pi's record`;
    }
    if (phase === 'cancelled') {
      await this.deps.store.markFailed(paymentId, `Cancelled on Pi (Pi answered ${err.code})`, trail);
      return `Pi answered ${err.code}; the payment is cancelled`;
    }
    if (phase === 'approved' || phase === 'submitted') await this.deps.store.markInitiated(paymentId, trail);
    if (err.code === 'already_approved' || err.code === 'payment_tx_present') return `Pi answered ${err.code}`;
    throw new AppError('PI_REFUSED_UPSTREAM', `Pi refused: ${err.message} (${err.code})`, { piError: err.code, piStatus: err.status });
  }

  private async readPi(id: string): Promise<PiPayment> {
    try {
      return await this.deps.pi.getPayment(id);
    } catch (err) {
      if (!(err instanceof PiApiError)) throw err;
      if (err.code === 'payment_not_found' || err.status === 404) throw new AppError('PI_PAYMENT_NOT_FOUND', `Pi knows no payment ${id}`);
      if (err.isUnavailable) throw piUnavailable(err);
      throw new AppError('PI_UPSTREAM', `The Pi Platform API refused our request: ${err.message}`, { piError: err.code, piStatus: err.status });
    }
  }

  private async verifyLedger(pi: PiPayment): Promise<void> {
    const txid = pi.transaction?.txid;
    if (!txid) throw notReady(pi);
    let verdict;
    try {
      verdict = await this.deps.horizon.verify({ txid, paymentId: pi.identifier, toAddress: pi.to_address, amount: String(pi.amount) });
    } catch (err) {
      if (err instanceof HorizonUnavailableError) {
        throw new AppError('PI_LEDGER_UNAVAILABLE', `The Pi ledger cannot be checked right now (${err.message}); your payment will be completed automatically`);
      }
      throw err;
    }
    if (!verdict.ok) throw new AppError('PAYMENT_LEDGER_MISMATCH', `Transaction ${txid} does not pay this payment: ${verdict.reason}`);
  }

  private async recordFailure(err: unknown, trail: Trail): Promise<void> {
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    const status = err instanceof AppError ? statusForCode(err.code) : 500;
    const message = err instanceof Error ? err.message : String(err);
    try {
      await this.deps.ds.transaction((em) =>
        recordEvent(em, trail.event(status >= 500 ? 'error' : 'refused', message, { code, statusBefore: trail.statusBefore, statusAfter: trail.statusBefore })),
      );
    } catch (recordErr) {
      this.deps.log.error({ err: recordErr }, 'payments: could not record the payment event');
    }
  }
}

const notReady = (pi: PiPayment) =>
  new AppError('PAYMENT_NOT_READY', `Pi has no transaction for payment ${pi.identifier} yet; complete it after the payer submits it`);

const piUnavailable = (err: PiApiError) =>
  new AppError('PI_UNAVAILABLE', `Pi is not answering right now (${err.code}); nothing was charged twice and the payment will be settled automatically once Pi is back`, {
    piError: err.code,
    piStatus: err.status,
  });
