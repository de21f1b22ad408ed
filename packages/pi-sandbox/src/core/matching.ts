import { toStroops } from './amount';
import type { LedgerPayment } from './ledger';
import type { PaymentRecord } from './payment-record';

/** What Pi compares between a blockchain transaction and a payment. */
export interface ChainView {
  successful: boolean;
  memoType: string;
  memo: string | null;
  payments: LedgerPayment[];
}

/**
 * Why `tx` does not pay `payment`, or null when it does: successful, memo = the payment id,
 * exactly one native payment from the payment's sender to its recipient of exactly its amount.
 */
export function mismatchOf(tx: ChainView, payment: PaymentRecord): string | null {
  if (!tx.successful) return 'the transaction failed';
  if (tx.memoType !== 'text' || tx.memo !== payment.identifier) {
    return `memo ${JSON.stringify(tx.memo)} is not the payment identifier ${payment.identifier}`;
  }
  if (tx.payments.length !== 1) return `the transaction has ${tx.payments.length} operations, not one payment`;
  const [op] = tx.payments;
  if (op.from !== payment.fromAddress) return `the payment is sent from ${op.from}, not from ${payment.fromAddress}`;
  if (op.to !== payment.toAddress) return `the payment goes to ${op.to}, not to ${payment.toAddress}`;
  if (toStroops(op.amount) !== toStroops(payment.amount)) {
    return `the amount is ${op.amount}, not ${payment.amount}`;
  }
  return null;
}
