import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../../lib/app-error';
import { statusForCode } from '../../../lib/error-status';
import { sameAmount } from '../../../lib/pi-platform/horizon-client';
import { PiApiError, type PiClient, type PiPayment } from '../../../lib/pi-platform/pi-client';
import type { ErrorCode } from '@pishop/shared';
import { piPhase } from '../payment-checks';
import { readPiPayment } from '../pi-reads';
import type { PaymentLeases } from '../payment-lease';
import type { Refund } from './refund.entity';
import type { RefundLedger } from './refund-ledger';
import { isTerminal, type RefundStore } from './refund-store';
import type { RefundTrail } from './refund-trail';
import type { RefundWallet } from './refund-wallet';

export interface RefundProcessorDeps {
  pi: PiClient;
  ledger: RefundLedger;
  wallet: RefundWallet;
  store: RefundStore;
  leases: PaymentLeases;
  network: string;
  log: FastifyBaseLogger;
}

/** Pi allows one open A2U payment per Pioneer: refunds to one Pioneer are worked on one at a time, anywhere. */
export const recipientLease = (uid: string) => `a2u:${uid}`.slice(0, 100);
/** The app wallet's sequence number is shared by every refund: signing and submitting take turns. */
export const WALLET_LEASE = 'a2u-wallet';

/** Pi's refusals of a new A2U payment that no retry can fix. */
const PERMANENT_CREATE_REFUSALS = ['user_not_found', 'invalid_amount', 'invalid_metadata', 'invalid_arguments', 'missing_wallet', 'invalid_address', 'altered_amount'];
/** The ledger's answers for an envelope that can never land any more (its sequence is used, its time bounds passed). */
const STALE_ENVELOPE = ['tx_bad_seq', 'tx_too_late'];

/** The refund reference we write into the A2U payment's metadata. */
export function referenceOf(pi: PiPayment): string | null {
  const value = pi.metadata && typeof pi.metadata === 'object' ? pi.metadata.refund_reference : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Takes a refund as far as it can go, one Pi call per step, under the lease on its recipient:
 * create the A2U payment with Pi (or find it again), check Pi's record against ours, sign the
 * transaction with the app wallet's seed and record its hash before sending it, make sure it is
 * on the ledger (resubmitting the same envelope after a crash), then complete it with Pi. Every
 * step starts from our record and a fresh read of Pi, so a repeat, the reconciler and a restart
 * all continue where the last one stopped. A step that stops short is noted on the refund.
 */
export class RefundProcessor {
  constructor(private readonly deps: RefundProcessorDeps) {}

  /** `hint`: the refund's A2U payment as Pi listed it (incomplete_server_payments), so it need not be created again. */
  async drive(id: number, trail: RefundTrail, hint?: PiPayment): Promise<Refund> {
    const { store } = this.deps;
    const first = await store.findById(id);
    if (!first) throw new AppError('REFUND_NOT_FOUND', 'Refund not found');
    if (isTerminal(first.status)) {
      await store.noteUnchanged(first, `Already ${first.status}; nothing to do`, trail);
      return first;
    }
    try {
      const note = await this.deps.leases.run(recipientLease(first.recipientUid), () => this.settle(id, trail, hint, 0));
      const now = (await store.findById(id)) as Refund;
      if (note) await store.noteUnchanged(now, note, trail);
      return now;
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL';
      const message = err instanceof Error ? err.message : String(err);
      await store.noteError(id, code, message, statusForCode(code) >= 500 ? 'error' : 'refused', trail);
      if (!(err instanceof AppError)) throw err;
      return (await store.findById(id)) as Refund;
    }
  }

  /** Returns a note when nothing moved; throws when a step stopped short. */
  private async settle(id: number, trail: RefundTrail, hint: PiPayment | undefined, depth: number): Promise<string | null> {
    const { store } = this.deps;
    let r = await store.findById(id);
    if (!r) throw new AppError('REFUND_NOT_FOUND', 'Refund not found');
    if (isTerminal(r.status)) return `Already ${r.status}; nothing to do`;
    this.deps.wallet.assertReady();
    let pi: PiPayment;
    if (r.piPaymentId) {
      pi = await this.readPi(r.piPaymentId);
    } else if (hint && referenceOf(hint) === r.reference) {
      pi = hint;
      r = await store.linkPiPayment(r.id, pi, trail, `Found its A2U payment ${pi.identifier} among Pi's incomplete server payments`);
    } else {
      const created = await this.createWithPi(r, trail, depth);
      if (!created) return null;
      pi = created.pi;
      r = await store.linkPiPayment(r.id, pi, trail, created.how);
    }
    const mismatch = this.mismatch(r, pi);
    if (mismatch) return this.failBeforePaying(r, pi, mismatch.reason, mismatch.code, trail);
    const phase = piPhase(pi);
    if (phase === 'cancelled') {
      await store.markFailed(r.id, `The A2U payment ${pi.identifier} was cancelled on Pi; nothing was paid`, null, trail);
      return null;
    }
    if (phase === 'completed') {
      await store.markCompleted(r.id, pi.transaction?.txid ?? r.txid ?? '', trail);
      return null;
    }
    const txid = await this.deps.leases.run(WALLET_LEASE, () => this.onLedger(r as Refund, pi, trail));
    if (txid) await this.completeWithPi(r, pi, txid, trail);
    return null;
  }

  private async createWithPi(r: Refund, trail: RefundTrail, depth: number): Promise<{ pi: PiPayment; how: string } | null> {
    const amount = Number(r.amountPi);
    if (!sameAmount(amount, r.amountPi)) throw new AppError('REFUND_NOT_ALLOWED', `${r.amountPi} π cannot be sent to Pi exactly`);
    try {
      const pi = await this.deps.pi.createAppToUser({
        amount,
        memo: `Refund for order ${r.orderNumber}`,
        metadata: { refund_reference: r.reference, refund_id: r.id, order: r.orderNumber },
        uid: r.recipientUid,
      });
      return { pi, how: `A2U payment ${pi.identifier} created with Pi` };
    } catch (err) {
      if (!(err instanceof PiApiError)) throw err;
      // Pi may have created it before the answer was lost: the next attempt meets it as ongoing.
      if (err.isUnavailable) throw piUnavailable(err);
      if (err.code === 'ongoing_payment_found' && err.payment) return this.ongoing(r, err.payment, trail, depth);
      if (PERMANENT_CREATE_REFUSALS.includes(err.code)) {
        await this.deps.store.markFailed(r.id, `Pi refused the A2U payment: ${err.message} (${err.code})`, 'PI_REFUSED_UPSTREAM', trail);
        return null;
      }
      throw new AppError('PI_REFUSED_UPSTREAM', `Pi refused the A2U payment: ${err.message} (${err.code})`, { piError: err.code, piStatus: err.status });
    }
  }

  /** Pi already holds an open A2U payment to this Pioneer: ours (its answer was lost), an older refund's, or not ours. */
  private async ongoing(r: Refund, open: PiPayment, trail: RefundTrail, depth: number): Promise<{ pi: PiPayment; how: string } | null> {
    const reference = referenceOf(open);
    if (reference === r.reference) return { pi: open, how: `Found its A2U payment ${open.identifier} (Pi reported it ongoing)` };
    const older = reference ? await this.deps.store.findByReference(reference) : null;
    if (older && older.id !== r.id && !isTerminal(older.status) && depth === 0) {
      // An older refund to the same Pioneer stopped half-way (we hold this Pioneer's lease): finish it first.
      await this.settle(older.id, trail, open, depth + 1);
      return this.createWithPi(r, trail, depth + 1);
    }
    throw new AppError('REFUND_RECIPIENT_BUSY', `Pi holds another open payment to this Pioneer (${open.identifier}); it must be completed or cancelled first`, {
      piPaymentId: open.identifier,
    });
  }

  /** Every field of Pi's record that decides where the money goes, against our refund and wallet. */
  private mismatch(r: Refund, pi: PiPayment): { code: ErrorCode; reason: string } | null {
    if (pi.direction !== 'app_to_user') return { code: 'PAYMENT_DIRECTION_MISMATCH', reason: `Pi payment ${pi.identifier} is not an app-to-user payment` };
    if (referenceOf(pi) !== r.reference) return { code: 'PAYMENT_ORDER_MISMATCH', reason: `Pi payment ${pi.identifier} belongs to another refund` };
    if (pi.user_uid !== r.recipientUid) return { code: 'PAYMENT_PAYER_MISMATCH', reason: `Pi payment ${pi.identifier} pays another Pioneer than the payer` };
    if (pi.network !== this.deps.network) return { code: 'PAYMENT_NETWORK_MISMATCH', reason: `Pi payment ${pi.identifier} is on "${pi.network}", not "${this.deps.network}"` };
    if (!sameAmount(pi.amount, r.amountPi)) return { code: 'PAYMENT_AMOUNT_MISMATCH', reason: `Pi payment ${pi.identifier} is for ${String(pi.amount)} π, not ${r.amountPi} π` };
    if (pi.from_address !== this.deps.wallet.publicKey) {
      return { code: 'REFUNDS_WALLET_MISMATCH', reason: `Pi pays this refund from wallet ${pi.from_address}, but the seed signs for ${this.deps.wallet.publicKey}: nothing was signed or sent` };
    }
    return null;
  }

  /**
   * The transaction that pays the refund, landed on the ledger: the recorded one if the ledger has
   * it, else the same envelope sent again, else (pending) a new one signed and recorded first.
   * Null when the refund failed with nothing paid.
   */
  private async onLedger(r: Refund, pi: PiPayment, trail: RefundTrail): Promise<string | null> {
    const { ledger, store } = this.deps;
    if (r.status === 'pending') {
      const tx = pi.transaction?.txid
        ? { txid: pi.transaction.txid, envelopeXdr: null, validUntil: null }
        : await ledger.sign(pi, r.amountPi);
      r = await store.markSubmitted(r.id, tx, trail, tx.envelopeXdr ? `Transaction ${tx.txid} signed and sent to the ledger` : `Pi links transaction ${tx.txid}; adopted`);
    }
    const txid = r.txid as string;
    const landed = await ledger.lookup(txid);
    if (landed) return landed.successful ? txid : this.failBeforePaying(r, pi, `Transaction ${txid} failed on the ledger; nothing was paid`, 'REFUND_LEDGER_REFUSED', trail);
    if (!r.envelopeXdr) throw new AppError('PI_LEDGER_UNAVAILABLE', `Pi links transaction ${txid}, which the ledger does not show yet`);
    let outcome = await ledger.submit(r.envelopeXdr);
    if (!outcome.ok && outcome.transactionCode && STALE_ENVELOPE.includes(outcome.transactionCode)) {
      // The envelope can never land now; if it ever had, the ledger would show it, but only once
      // its history has caught up (asked first: a landing indexed meanwhile is then found below).
      // Signing again while it lags could pay the customer twice.
      if (!(await ledger.historyCaughtUp())) {
        throw new AppError('PI_LEDGER_UNAVAILABLE', `The Pi ledger's history is behind the network; transaction ${txid} is looked up again before anything is signed anew`);
      }
      if (await ledger.lookup(txid)) return txid;
      const signed = await ledger.sign(pi, r.amountPi);
      r = await store.markSubmitted(r.id, signed, trail, `Transaction ${txid} can never land (${outcome.transactionCode}); signed ${signed.txid} instead`);
      outcome = await ledger.submit(signed.envelopeXdr);
    }
    if (outcome.ok) {
      return outcome.successful ? (r.txid as string) : this.failBeforePaying(r, pi, `Transaction ${r.txid} failed on the ledger; nothing was paid`, 'REFUND_LEDGER_REFUSED', trail);
    }
    const codes = [outcome.transactionCode, ...outcome.operationCodes].filter(Boolean).join(', ');
    return this.failBeforePaying(r, pi, `The ledger refused the refund transaction (${codes || outcome.status}): ${outcome.detail}`, 'REFUND_LEDGER_REFUSED', trail);
  }

  /** Only a 2xx from Pi (or Pi's own completed record after a refusal) completes the refund. */
  private async completeWithPi(r: Refund, pi: PiPayment, txid: string, trail: RefundTrail): Promise<void> {
    if (pi.transaction?.txid && pi.transaction.txid !== txid) {
      throw new AppError('PAYMENT_TXID_MISMATCH', `Pi links transaction ${pi.transaction.txid} to refund payment ${pi.identifier}, not ${txid}`);
    }
    try {
      await this.deps.pi.complete(pi.identifier, txid);
    } catch (err) {
      if (!(err instanceof PiApiError)) throw err;
      if (err.isUnavailable) throw piUnavailable(err);
      const now = await this.readPi(pi.identifier);
      if (!now.status.developer_completed) {
        if (err.code === 'not_verified') throw new AppError('PAYMENT_NOT_READY', `Pi has not seen refund transaction ${txid} yet; the refund is completed automatically once it does`);
        throw new AppError('PI_REFUSED_UPSTREAM', `Pi refused to complete the refund: ${err.message} (${err.code})`, { piError: err.code, piStatus: err.status });
      }
    }
    await this.deps.store.markCompleted(r.id, txid, trail);
  }

  /**
   * Nothing was paid and nothing will be: the A2U payment is cancelled with Pi (so the Pioneer
   * is not left with an open payment), then the refund fails. If Pi will not cancel because it
   * holds a transaction, the refund stays as it is for a person to look at.
   */
  private async failBeforePaying(r: Refund, pi: PiPayment, reason: string, code: ErrorCode, trail: RefundTrail): Promise<null> {
    const phase = piPhase(pi);
    if (phase === 'completed' || phase === 'submitted') throw new AppError(code, `${reason}; but Pi holds a transaction for ${pi.identifier}, so the refund is left for a person to check`);
    if (phase !== 'cancelled') {
      try {
        await this.deps.pi.cancel(pi.identifier);
      } catch (err) {
        if (!(err instanceof PiApiError)) throw err;
        if (err.isUnavailable) throw piUnavailable(err);
        const now = await this.readPi(pi.identifier);
        if (piPhase(now) !== 'cancelled') throw new AppError('PI_REFUSED_UPSTREAM', `${reason}; Pi refused to cancel ${pi.identifier}: ${err.message} (${err.code})`);
      }
    }
    await this.deps.store.markFailed(r.id, reason, code, trail);
    return null;
  }

  private readPi(id: string): Promise<PiPayment> {
    return readPiPayment(this.deps.pi, id, piUnavailable);
  }

}

const piUnavailable = (err: PiApiError) =>
  new AppError('PI_UNAVAILABLE', `Pi is not answering right now (${err.code}); the refund is kept and finished automatically once Pi is back`, {
    piError: err.code,
    piStatus: err.status,
  });
