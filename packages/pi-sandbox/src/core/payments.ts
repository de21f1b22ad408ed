import type { ResolvedOptions } from '../options';
import type { JsonObject } from '../types';
import { parseAmount } from './amount';
import { PiError, invalidArguments, notFound } from './errors';
import { isObject } from './json';
import { newPaymentId } from './ids';
import type { Ledger, LedgerTransaction } from './ledger';
import { type PaymentRecord, isOpen, phaseOf } from './payment-record';
import { type Action, enterPhase, transition } from './payment-rules';
import type { UserRecord } from './users';

export interface NewPayment {
  amount: unknown;
  memo: unknown;
  metadata: unknown;
}

/** User-to-app payments and their lifecycle; every state change goes through the rules table. */
export class Payments {
  private readonly byId = new Map<string, PaymentRecord>();
  private readonly approvalTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly ledger: Ledger,
    private readonly options: ResolvedOptions,
    private readonly appWallet: string,
  ) {}

  get(id: string): PaymentRecord {
    const payment = this.byId.get(id);
    if (!payment) throw notFound(id);
    return payment;
  }

  /**
   * What Pi does when a Pioneer starts a payment: refuse while one with a transaction is open,
   * cancel any open one without a transaction, then open the new one with its approval clock.
   */
  create(user: UserRecord, input: NewPayment): PaymentRecord {
    const fields = parseNewPayment(input);
    const open = [...this.byId.values()].filter((p) => p.userUid === user.uid && isOpen(p));
    const withTx = open.find((p) => phaseOf(p) === 'submitted');
    if (withTx) {
      const message = 'The user has an ongoing payment with a transaction; the app must complete it first';
      throw new PiError(400, 'ongoing_payment_found', message, withTx);
    }
    for (const stale of open) this.apply(stale, 'cancel');
    const payment: PaymentRecord = {
      identifier: newPaymentId(),
      userUid: user.uid,
      ...fields,
      fromAddress: user.walletAddress,
      toAddress: this.appWallet,
      createdAt: new Date(),
      network: this.options.network,
      status: {
        developer_approved: false,
        transaction_verified: false,
        developer_completed: false,
        cancelled: false,
        user_cancelled: false,
      },
      txid: null,
    };
    this.byId.set(payment.identifier, payment);
    this.startApprovalClock(payment.identifier);
    return payment;
  }

  approve(id: string): PaymentRecord {
    return this.apply(this.get(id), 'approve');
  }

  cancel(id: string): PaymentRecord {
    return this.apply(this.get(id), 'cancel');
  }

  userCancel(id: string): PaymentRecord {
    return this.apply(this.get(id), 'userCancel');
  }

  /** Ages an unapproved payment past its approval window now (tests need not wait 60 s). */
  expire(id: string): PaymentRecord {
    return this.apply(this.get(id), 'expire');
  }

  /** The Pioneer signs and submits the transaction; the sandbox chain verifies it at once. */
  submit(id: string): LedgerTransaction {
    const payment = this.get(id);
    transition(payment, 'submit');
    const tx = this.ledger.record({
      from: payment.fromAddress,
      to: payment.toAddress,
      amount: payment.amount,
      memo: payment.identifier,
    });
    payment.txid = tx.hash;
    payment.status.transaction_verified = true;
    return tx;
  }

  complete(id: string, txid: unknown): PaymentRecord {
    const payment = this.get(id);
    if (typeof txid !== 'string' || txid === '') throw new PiError(400, 'missing_txid', 'Body must carry the txid');
    const next = transition(payment, 'complete');
    if (txid !== payment.txid) {
      throw new PiError(400, 'txid_mismatch', `txid ${txid} is not the transaction submitted for this payment`);
    }
    enterPhase(payment, next);
    return payment;
  }

  /** The payment Pi's SDK reports to onIncompletePaymentFound: paid, never completed. */
  incompleteFor(uid: string): PaymentRecord | undefined {
    return [...this.byId.values()].find((p) => p.userUid === uid && phaseOf(p) === 'submitted');
  }

  close(): void {
    for (const timer of this.approvalTimers.values()) clearTimeout(timer);
    this.approvalTimers.clear();
  }

  private apply(payment: PaymentRecord, action: Action): PaymentRecord {
    enterPhase(payment, transition(payment, action));
    if (phaseOf(payment) !== 'created') this.stopApprovalClock(payment.identifier);
    return payment;
  }

  private startApprovalClock(id: string): void {
    const timer = setTimeout(() => {
      this.approvalTimers.delete(id);
      const payment = this.byId.get(id);
      if (payment && phaseOf(payment) === 'created') this.apply(payment, 'expire');
    }, this.options.approvalTimeoutMs);
    timer.unref();
    this.approvalTimers.set(id, timer);
  }

  private stopApprovalClock(id: string): void {
    clearTimeout(this.approvalTimers.get(id));
    this.approvalTimers.delete(id);
  }
}

function parseNewPayment(input: NewPayment): Pick<PaymentRecord, 'amount' | 'memo' | 'metadata'> {
  const amount = parseAmount(input.amount);
  if (typeof input.memo !== 'string') throw invalidArguments('memo must be a string');
  if (input.metadata !== undefined && !isObject(input.metadata)) {
    throw new PiError(400, 'invalid_metadata', 'metadata must be a JSON object');
  }
  return { amount, memo: input.memo, metadata: (input.metadata ?? {}) as JsonObject };
}
