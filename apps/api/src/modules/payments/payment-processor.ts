import type { FastifyBaseLogger } from 'fastify';
import type { ErrorCode, PiCallbackResult } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { statusForCode } from '../../lib/error-status';
import { HorizonUnavailableError, type HorizonClient } from '../../lib/pi-platform/horizon-client';
import { PiApiError, type PiClient, type PiPayment } from '../../lib/pi-platform/pi-client';
import type { Payment } from './payment.entity';
import type { PaymentAudit } from './payment-events';
import { piPhase, type PiPhase } from './payment-checks';
import { readPiPayment } from './pi-reads';
import type { PaymentLeases } from './payment-lease';
import type { PaymentStore } from './payment-store';
import type { Trail } from './trail';

/**
 * What the caller wants. The SDK callbacks (approve, complete, cancel, incomplete); `settle`
 * re-reads Pi and settles from its record (webhook, admin sync); `reconcile` does the same and
 * also ends approvals the payer never signed (the reconciler); `withdraw` (the order is being
 * cancelled) cancels the payment with Pi unless the payer's transaction is already on its way.
 */
export type Intent = 'approve' | 'complete' | 'cancel' | 'incomplete' | 'settle' | 'reconcile' | 'withdraw';

export interface ProcessInput {
  intent: Intent;
  piPaymentId: string;
  /** The txid the client reported (complete, incomplete): must be Pi's own. */
  txid?: string;
}

/** The SDK callbacks answer a failed payment with a 4xx the storefront shows; jobs and tools get the record. */
const CUSTOMER_INTENTS: Intent[] = ['approve', 'complete', 'cancel', 'incomplete'];

/** Refusals of a Pi payment that nobody should approve: it is cancelled with Pi at once, so the payer is not left waiting. */
const CANCEL_ON_REFUSAL: ErrorCode[] = [
  'PAYMENT_ORDER_NOT_FOUND',
  'PAYMENT_ORDER_MISMATCH',
  'PAYMENT_DIRECTION_MISMATCH',
  'PAYMENT_NETWORK_MISMATCH',
  'PAYMENT_AMOUNT_MISMATCH',
  'PAYMENT_PAYER_MISMATCH',
  'PAYMENT_WALLET_MISMATCH',
];

export interface ProcessorDeps {
  pi: PiClient;
  horizon: HorizonClient;
  store: PaymentStore;
  leases: PaymentLeases;
  appWallet: string;
  /** An approved payment never signed for this long is cancelled with Pi by `reconcile`. */
  expirySeconds: number;
  audit: PaymentAudit;
  log: FastifyBaseLogger;
}

/**
 * One Pi call per step. Every path that talks to Pi about a payment takes the payment's lease
 * first, then decides from our record and Pi's: a duplicate that finds the step done is
 * answered from our record; otherwise Pi is re-read inside the lease, checked, and only then
 * asked to approve, complete or cancel. Pi's `already_*` answers are followed by a re-read.
 * Every call leaves one audit event: with the state change it caused, or saying why nothing changed.
 */
export class PaymentProcessor {
  constructor(private readonly deps: ProcessorDeps) {}

  async process(input: ProcessInput, trail: Trail): Promise<PiCallbackResult> {
    let result: PiCallbackResult;
    try {
      result = await this.deps.leases.run(input.piPaymentId, async () => {
        const note = await this.decide(input, trail);
        const current = await this.current(trail.paymentId, input.piPaymentId);
        if (!trail.recorded) await this.deps.audit.unchanged(trail, note, current.status);
        return current;
      });
    } catch (err) {
      await this.recordFailure(err, trail);
      throw err;
    }
    if (result.status === 'failed' && CUSTOMER_INTENTS.includes(input.intent)) throw await this.cancelledAnswer(result);
    return result;
  }

  /** Our payment as it stands, in the shape every /pi callback answers. */
  async current(paymentId: number | null, piPaymentId: string): Promise<PiCallbackResult> {
    const p = paymentId ? await this.deps.store.findById(paymentId) : null;
    const order = p ? await this.deps.store.order(p.orderId) : null;
    return {
      paymentId: p?.id ?? null,
      piPaymentId,
      orderNumber: order?.number ?? null,
      status: p?.status ?? 'pending',
      orderStatus: order?.status ?? null,
      txid: p?.txid ?? null,
    };
  }

  /** Returns a note for the "unchanged" audit event when nothing moved. */
  private async decide(input: ProcessInput, trail: Trail): Promise<string> {
    const local = await this.deps.store.findByPiId(input.piPaymentId);
    if (local) {
      trail.paymentId = local.id;
      trail.orderId = local.orderId;
      trail.statusBefore = local.status;
      await this.checkCaller(local, trail);
      const answered = this.fromRecord(input, local);
      if (answered) return answered;
    }
    const pi = await this.readPi(input.piPaymentId);
    trail.rawPayload = { request: trail.rawPayload, pi };
    const { payment } = await this.linkOrRefuse(input, pi, trail);
    return this.advance(input, pi, payment, trail);
  }

  /** A repeat whose step is already done here needs no Pi call (and succeeds while Pi is down). */
  private fromRecord(input: ProcessInput, local: Payment): string | null {
    if (input.txid && local.status === 'confirmed' && input.txid !== local.txid) {
      throw new AppError('PAYMENT_TXID_MISMATCH', `txid ${input.txid} is not the transaction that paid this payment`);
    }
    switch (input.intent) {
      case 'approve':
        return local.status === 'pending' ? null : `Already ${local.status}; answered from our record`;
      case 'complete':
      case 'incomplete':
        return local.status === 'confirmed' ? 'Already confirmed' : null;
      case 'cancel':
      case 'withdraw':
        return local.status === 'confirmed' || local.status === 'failed' ? `Already ${local.status}; nothing to cancel` : null;
      default:
        return null;
    }
  }

  private async checkCaller(local: Payment, trail: Trail): Promise<void> {
    if (!trail.actor || trail.actor.role === 'admin') return;
    const order = await this.deps.store.order(local.orderId);
    if (order && order.customerId !== trail.actor.id) {
      throw new AppError('PAYMENT_FORBIDDEN', `Order ${order.number} belongs to another customer`);
    }
  }

  /** Links Pi's record to our payment; a Pi payment nobody should approve is cancelled with Pi first. */
  private async linkOrRefuse(input: ProcessInput, pi: PiPayment, trail: Trail) {
    try {
      return await this.deps.store.link(pi, trail);
    } catch (err) {
      const phase = piPhase(pi);
      // Only a payer's payment: an app-to-user one (a refund) is never ours to cancel from these paths.
      const payersPayment = pi.direction === 'user_to_app';
      if (err instanceof AppError && CANCEL_ON_REFUSAL.includes(err.code) && payersPayment && (phase === 'created' || phase === 'approved') && input.intent !== 'settle') {
        await this.cancelQuietly(pi.identifier, err.code);
      }
      throw err;
    }
  }

  private async advance(input: ProcessInput, pi: PiPayment, payment: Payment, trail: Trail): Promise<string> {
    const { store } = this.deps;
    const phase = piPhase(pi);
    const piTxid = pi.transaction?.txid ?? null;
    if (input.txid && piTxid && input.txid !== piTxid) {
      throw new AppError('PAYMENT_TXID_MISMATCH', `txid ${input.txid} is not the transaction Pi recorded for payment ${pi.identifier}`);
    }
    switch (phase) {
      case 'cancelled':
        await store.markFailed(payment.id, pi.status.user_cancelled ? 'Cancelled by the payer on Pi' : 'Cancelled on Pi (by the app or expired)', trail);
        return 'Pi reports the payment cancelled';
      case 'completed':
        await this.verifyLedger(pi);
        await store.confirm(payment.id, piTxid ?? '', trail);
        return 'Already completed on Pi';
      case 'submitted':
        if (input.intent === 'approve') {
          await store.markInitiated(payment.id, trail, 'Approved with Pi (seen with its transaction)');
          return 'Already approved; the transaction is submitted';
        }
        if (input.intent === 'cancel') return 'Not cancelled: the payer already submitted the transaction';
        if (input.intent === 'withdraw') {
          // Money is on its way: the order stays (the cancel is refused while the payment is in progress).
          await store.markInitiated(payment.id, trail, 'Approved with Pi (seen with its transaction)');
          return 'Not withdrawn: the payer already submitted the transaction';
        }
        return this.completeWithPi(pi, payment.id, trail);
      case 'approved':
        return this.whileApproved(input, pi, payment, trail);
      case 'created':
        if (input.intent === 'complete') throw notReady(pi);
        if (input.intent === 'cancel') return this.cancelWithPi(pi, payment.id, 'Cancelled by the customer', trail);
        if (input.intent === 'withdraw') return this.cancelWithPi(pi, payment.id, 'Withdrawn by the shop: cancelled with Pi', trail);
        if (input.intent === 'approve') return this.approveWithPi(pi, payment.id, trail);
        return 'Not approved yet; nothing to settle';
    }
  }

  /** Approved with Pi, no transaction yet: the payer has not signed. */
  private async whileApproved(input: ProcessInput, pi: PiPayment, payment: Payment, trail: Trail): Promise<string> {
    const { store } = this.deps;
    if (input.intent === 'complete') throw notReady(pi);
    if (input.intent === 'cancel') return this.cancelWithPi(pi, payment.id, 'Cancelled by the customer', trail);
    if (input.intent === 'withdraw') return this.cancelWithPi(pi, payment.id, 'Withdrawn by the shop: cancelled with Pi', trail);
    if (input.intent === 'incomplete') {
      // The SDK found an approval the payer never signed: end it, so a new payment can start.
      return this.cancelWithPi(pi, payment.id, 'Approved but never signed; cancelled so the customer can pay again', trail);
    }
    const marked = await store.markInitiated(payment.id, trail, 'Pi shows the payment approved');
    if (input.intent === 'reconcile' && this.expired(marked)) {
      return this.cancelWithPi(pi, payment.id, `Approved but not signed within ${this.deps.expirySeconds} s; cancelled with Pi`, trail);
    }
    return 'Approved; waiting for the payer to sign';
  }

  private expired(p: Payment): boolean {
    const since = p.approvedAt ?? p.createdAt;
    return Date.now() - since.getTime() >= this.deps.expirySeconds * 1000;
  }

  private async approveWithPi(pi: PiPayment, paymentId: number, trail: Trail): Promise<string> {
    const { order, payment } = await this.deps.store.payable(paymentId);
    if (order.status !== 'pending' || payment.status !== 'pending') {
      // Never take money for an order that cannot be paid (again): Pi drops the payment now.
      await this.cancelQuietly(pi.identifier, 'order not payable');
      const code: ErrorCode = order.status === 'paid' ? 'ORDER_ALREADY_PAID' : order.status === 'cancelled' ? 'ORDER_CANCELLED' : 'PAYMENT_CLOSED';
      await this.deps.store.markFailed(paymentId, `Not approved: ${code}`, trail);
      throw new AppError(code, order.status === 'paid' ? `Order ${order.number} is already paid` : `This payment can no longer be approved (order ${order.status}, payment ${payment.status})`);
    }
    try {
      await this.deps.pi.approve(pi.identifier);
    } catch (err) {
      return this.settleAfterPiRefusal(err, pi, paymentId, trail);
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

  private async cancelWithPi(pi: PiPayment, paymentId: number, reason: string, trail: Trail): Promise<string> {
    try {
      await this.deps.pi.cancel(pi.identifier);
    } catch (err) {
      return this.settleAfterPiRefusal(err, pi, paymentId, trail);
    }
    await this.deps.store.markFailed(paymentId, reason, trail);
    return 'Cancelled';
  }

  private async cancelQuietly(piPaymentId: string, why: string): Promise<void> {
    await this.deps.pi.cancel(piPaymentId).catch((err) => this.deps.log.warn({ err, piPaymentId, why }, 'pi: cancel of a refused payment failed'));
  }

  /**
   * Pi refused or failed an approve/complete/cancel. Down or slow: a clear 503, nothing changed
   * here (a repeat or the reconciler re-reads and finishes). Any refusal, `already_*` included:
   * re-read the payment and settle from what Pi now says, never from the error's word.
   */
  private async settleAfterPiRefusal(err: unknown, before: PiPayment, paymentId: number, trail: Trail): Promise<string> {
    if (!(err instanceof PiApiError)) throw err;
    if (err.isUnavailable) throw piUnavailable(err);
    const pi = await this.readPi(before.identifier);
    const phase = piPhase(pi);
    const said = `Pi answered ${err.code}`;
    if (phase === 'completed') {
      await this.verifyLedger(pi);
      await this.deps.store.confirm(paymentId, pi.transaction?.txid ?? '', trail);
      return `${said}; settled from Pi's record`;
    }
    if (phase === 'cancelled') {
      await this.deps.store.markFailed(paymentId, `Cancelled on Pi (${said})`, trail);
      return `${said}; the payment is cancelled`;
    }
    if (reachedBy(err.code, phase)) {
      await this.deps.store.markInitiated(paymentId, trail, `Approved with Pi (${said}, confirmed by a re-read)`);
      return `${said}; Pi's record confirms it`;
    }
    throw new AppError('PI_REFUSED_UPSTREAM', `Pi refused: ${err.message} (${err.code})`, { piError: err.code, piStatus: err.status, piPhase: phase });
  }

  private readPi(id: string): Promise<PiPayment> {
    return readPiPayment(this.deps.pi, id, piUnavailable);
  }


  private async verifyLedger(pi: PiPayment): Promise<void> {
    const txid = pi.transaction?.txid;
    if (!txid) throw notReady(pi);
    let verdict;
    try {
      verdict = await this.deps.horizon.verify({ txid, paymentId: pi.identifier, toAddress: this.deps.appWallet, fromAddress: pi.from_address, amount: String(pi.amount) });
    } catch (err) {
      if (err instanceof HorizonUnavailableError) {
        throw new AppError('PI_LEDGER_UNAVAILABLE', `The Pi ledger cannot be checked right now (${err.message}); your payment will be completed automatically`);
      }
      throw err;
    }
    if (!verdict.ok) throw new AppError('PAYMENT_LEDGER_MISMATCH', `Transaction ${txid} does not pay this payment: ${verdict.reason}`);
  }

  private async cancelledAnswer(result: PiCallbackResult): Promise<AppError> {
    const p = result.paymentId ? await this.deps.store.findById(result.paymentId) : null;
    return new AppError('PAYMENT_CANCELLED', p?.failureReason ? `This payment did not go through: ${p.failureReason}` : 'This payment did not go through', {
      paymentId: result.paymentId,
      orderNumber: result.orderNumber,
      orderStatus: result.orderStatus,
    });
  }

  private async recordFailure(err: unknown, trail: Trail): Promise<void> {
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    const status = err instanceof AppError ? statusForCode(err.code) : 500;
    const message = err instanceof Error ? err.message : String(err);
    await this.deps.audit.failure(trail, code, status >= 500 ? 'error' : 'refused', message);
  }
}

/** The Pi phase that an `already_*`/`payment_tx_present` refusal claims, confirmed by a re-read. */
function reachedBy(code: string, phase: PiPhase): boolean {
  if (code === 'already_approved') return phase === 'approved' || phase === 'submitted';
  if (code === 'payment_tx_present') return phase === 'submitted';
  return false;
}

const notReady = (pi: PiPayment) =>
  new AppError('PAYMENT_NOT_READY', `Pi has no transaction for payment ${pi.identifier} yet; complete it after the payer submits it`);

const piUnavailable = (err: PiApiError) =>
  new AppError('PI_UNAVAILABLE', `Pi is not answering right now (${err.code}); nothing was charged twice and the payment will be settled automatically once Pi is back`, {
    piError: err.code,
    piStatus: err.status,
  });

