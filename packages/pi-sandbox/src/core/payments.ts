import type { JsonObject, PaymentDirection, PiNetworkName } from '@pishop/pi-protocol';
import { parseAmount } from './amount';
import type { SandboxClock } from './clock';
import { PiError, invalidArguments, notFound } from './errors';
import { isObject } from './json';
import { newPaymentId } from './ids';
import type { LedgerTransaction } from './ledger';
import { mismatchOf } from './matching';
import { type PaymentRecord, isOpen, phaseOf } from './payment-record';
import { type Action, enterPhase, transition } from './payment-rules';
import type { UserRecord } from './users';

export interface NewPayment {
  amount: unknown;
  memo: unknown;
  metadata: unknown;
}

export interface PaymentsSettings {
  network: PiNetworkName;
  approvalTimeoutMs: number;
  appWallet: string;
}

/** Both kinds of payments and their lifecycle; every state change goes through the rules table. */
export class Payments {
  private readonly byId = new Map<string, PaymentRecord>();
  /** User-to-app payments whose approval window may still run out (open, no transaction). */
  private readonly expiring = new Set<string>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly settings: PaymentsSettings,
  ) {}

  get(id: string): PaymentRecord {
    const payment = this.byId.get(id);
    if (!payment) throw notFound(id);
    return payment;
  }

  find(id: string): PaymentRecord | undefined {
    return this.byId.get(id);
  }

  /** Open payments of `direction` for one user, oldest first. */
  openFor(direction: PaymentDirection, uid?: string): PaymentRecord[] {
    return [...this.byId.values()].filter(
      (p) => p.direction === direction && (uid === undefined || p.userUid === uid) && isOpen(p),
    );
  }

  /**
   * What Pi does when a Pioneer starts a payment: refuse while one with a transaction is open,
   * cancel any open one without a transaction, then open the new one with its approval window.
   */
  createUserToApp(user: UserRecord, input: NewPayment): PaymentRecord {
    const fields = parseNewPayment(input);
    const open = this.openFor('user_to_app', user.uid);
    const withTx = open.find((p) => phaseOf(p) === 'submitted');
    if (withTx) {
      const message = 'The user has an ongoing payment with a transaction; the app must complete it first';
      throw new PiError(400, 'ongoing_payment_found', message, withTx);
    }
    for (const stale of open) this.apply(stale, 'cancel');
    const payment = this.add('user_to_app', user.uid, fields, user.walletAddress, this.settings.appWallet);
    this.expiring.add(payment.identifier);
    return payment;
  }

  /** An App-to-User payment, created approved (as Pi does): the app pays `user` from its wallet. */
  createAppToUser(user: UserRecord, input: NewPayment): PaymentRecord {
    const fields = parseNewPayment(input);
    const [ongoing] = this.openFor('app_to_user', user.uid);
    if (ongoing) {
      const message = 'The app has an ongoing payment to this user; complete or cancel it first';
      throw new PiError(400, 'ongoing_payment_found', message, ongoing);
    }
    const payment = this.add('app_to_user', user.uid, fields, this.settings.appWallet, user.walletAddress);
    this.apply(payment, 'approve');
    return payment;
  }

  approve(id: string): PaymentRecord {
    return this.apply(this.get(id), 'approve');
  }

  cancel(id: string): PaymentRecord {
    return this.apply(this.get(id), 'cancel');
  }

  userCancel(id: string): PaymentRecord {
    return this.apply(this.userToApp(id), 'userCancel');
  }

  /** Lets the approval window run out now (tests need not wait for it). */
  expire(id: string): PaymentRecord {
    return this.apply(this.userToApp(id), 'expire');
  }

  /** A user-to-app payment, or Pi's refusal for an action only the paying Pioneer takes. */
  userToApp(id: string): PaymentRecord {
    const payment = this.get(id);
    if (payment.direction !== 'user_to_app') {
      throw invalidArguments(`Payment ${id} is an App-to-User payment: the app pays it through the ledger`);
    }
    return payment;
  }

  /**
   * Links the blockchain transaction to the payment, as Pi does when it sees it on the chain.
   * `verified` is Pi's verdict: whether the transaction matches, unless a fault overrides it.
   */
  link(payment: PaymentRecord, tx: LedgerTransaction, verifiedOverride?: boolean): void {
    enterPhase(payment, transition(payment, 'submit'));
    payment.txid = tx.hash;
    payment.mismatch = mismatchOf(tx, payment);
    payment.status.transaction_verified = verifiedOverride ?? payment.mismatch === null;
    this.expiring.delete(payment.identifier);
  }

  complete(id: string, txid: unknown): PaymentRecord {
    const payment = this.get(id);
    if (typeof txid !== 'string' || txid === '') throw new PiError(400, 'missing_txid', 'Body must carry the txid');
    const next = transition(payment, 'complete');
    if (txid.toLowerCase() !== payment.txid) {
      throw new PiError(400, 'txid_mismatch', `txid ${txid} is not the transaction submitted for this payment`);
    }
    if (!payment.status.transaction_verified) {
      const why = payment.mismatch ?? 'the transaction does not match the payment';
      throw new PiError(400, 'verification_failed', `Transaction ${txid} does not match the payment`, undefined, why);
    }
    enterPhase(payment, next);
    return payment;
  }

  /**
   * The payment Pi's SDK reports to onIncompletePaymentFound: paid and never completed; with
   * `includeApproved`, else an approved one the Pioneer never signed, as Pi's SDK also reports.
   */
  incompleteFor(uid: string, includeApproved: boolean): PaymentRecord | undefined {
    const open = this.openFor('user_to_app', uid);
    return (
      open.find((p) => phaseOf(p) === 'submitted') ??
      (includeApproved ? open.find((p) => phaseOf(p) === 'approved') : undefined)
    );
  }

  /**
   * Cancels every user-to-app payment whose window ran out: unapproved ones `approvalTimeoutMs`
   * after creation, approved ones the Pioneer never signed `approvalTimeoutMs` after approval.
   */
  expireDue(): void {
    const now = this.clock.nowMs();
    const window = this.settings.approvalTimeoutMs;
    for (const id of this.expiring) {
      const payment = this.byId.get(id)!;
      const phase = phaseOf(payment);
      const since = phase === 'created' ? payment.createdAt : phase === 'approved' ? payment.approvedAt : null;
      if (!since) this.expiring.delete(id);
      else if (now >= since.getTime() + window) this.apply(payment, 'expire');
    }
  }

  private add(
    direction: PaymentDirection,
    userUid: string,
    fields: Pick<PaymentRecord, 'amount' | 'memo' | 'metadata'>,
    fromAddress: string,
    toAddress: string,
  ): PaymentRecord {
    const payment: PaymentRecord = {
      identifier: newPaymentId(),
      direction,
      userUid,
      ...fields,
      fromAddress,
      toAddress,
      createdAt: this.clock.now(),
      approvedAt: null,
      network: this.settings.network,
      status: {
        developer_approved: false,
        transaction_verified: false,
        developer_completed: false,
        cancelled: false,
        user_cancelled: false,
      },
      txid: null,
      mismatch: null,
    };
    this.byId.set(payment.identifier, payment);
    return payment;
  }

  private apply(payment: PaymentRecord, action: Action): PaymentRecord {
    const next = transition(payment, action);
    enterPhase(payment, next);
    if (next === 'approved') payment.approvedAt = this.clock.now();
    if (!isOpen(payment)) this.expiring.delete(payment.identifier);
    return payment;
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
