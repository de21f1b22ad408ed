import { PiError } from './errors';
import { type Ledger, LedgerRefusal, type LedgerTransaction } from './ledger';
import { mismatchOf } from './matching';
import { type PaymentRecord, phaseOf } from './payment-record';
import type { Payments } from './payments';
import { type DecodedTransaction, resultXdr } from './stellar';

/**
 * `POST /ledger/transactions` for the app wallet: the transaction must pay an open App-to-User
 * payment exactly (memo = its id, one native payment of its amount to the Pioneer's wallet).
 * The real chain would take any valid transaction and Pi would refuse `/complete` later; the
 * sandbox refuses at once, so a wrong refund fails where it is made. A successful transaction
 * is linked to its payment at once (Pi's `transaction` and `transaction_verified`).
 */
export function submitAppPayment(ledger: Ledger, payments: Payments, appWallet: string, envelopeXdr: string): LedgerTransaction {
  let paid: PaymentRecord | undefined;
  const tx = ledger.submit(envelopeXdr, {
    verify: (decoded) => {
      paid = paymentPaidBy(decoded, payments, appWallet);
    },
  });
  if (tx.successful && paid && paid.txid === null) payments.link(paid, tx);
  return tx;
}

function paymentPaidBy(tx: DecodedTransaction, payments: Payments, appWallet: string): PaymentRecord {
  const refuse = (reason: string) => {
    const operations = tx.operations.map(() => 'op_malformed' as const);
    return new LedgerRefusal('refused', tx.envelopeXdr, { transaction: 'tx_failed', operations }, resultXdr(0n, 'tx_failed', operations), reason);
  };
  if (tx.source !== appWallet) throw refuse(`Only the app wallet ${appWallet} submits transactions here`);
  const payment = tx.memoType === 'text' && tx.memo ? payments.find(tx.memo) : undefined;
  if (!payment || payment.direction !== 'app_to_user') {
    throw refuse(`The memo must be the identifier of an App-to-User payment; ${JSON.stringify(tx.memo)} is not`);
  }
  const phase = phaseOf(payment);
  if (phase === 'submitted') throw refuse(`Payment ${payment.identifier} already has transaction ${payment.txid}`);
  if (phase !== 'approved') throw refuse(`Payment ${payment.identifier} is ${phase.replace('_', ' ')}`);
  const view = {
    successful: true,
    memoType: tx.memoType,
    memo: tx.memo,
    payments: tx.operations.map((op) => ({ from: op.source ?? tx.source, to: op.destination!, amount: op.amount! })),
  };
  const why = mismatchOf(view, payment);
  if (why) throw refuse(why);
  return payment;
}

/** Pi's refusal when the app asks for an A2U payment to an unknown Pioneer. */
export const userNotFound = (uid: unknown): PiError =>
  new PiError(404, 'user_not_found', `No Pioneer with uid ${JSON.stringify(uid)} uses this app`);
