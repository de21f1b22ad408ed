import type { BadTransactionFault } from '../types';
import { fromStroops, toLedgerAmount, toStroops } from './amount';
import { PiError } from './errors';
import { newPaymentId } from './ids';
import { BASE_FEE_STROOPS, type Ledger, type LedgerTransaction } from './ledger';
import type { Payments } from './payments';
import { randomKeypair, signedPayment } from './stellar';
import { transition } from './payment-rules';
import type { Users } from './users';

/**
 * What the Pioneer's wallet does on "Confirm": sign the payment with their key and submit it to
 * the chain; Pi then links the transaction to the payment. A bad-transaction fault makes the
 * wallet put a transaction on the chain that does not pay the payment as it should.
 */
export function walletSubmit(
  deps: { payments: Payments; users: Users; ledger: Ledger },
  paymentId: string,
  takeFault: () => BadTransactionFault | undefined,
): LedgerTransaction {
  const { payments, users, ledger } = deps;
  const payment = payments.userToApp(paymentId);
  transition(payment, 'submit');
  const fault = takeFault();
  const payer = users.find(payment.userUid)!;
  const account = ledger.account(payer.walletAddress)!;

  let { toAddress: destination, amount } = payment;
  let memo = payment.identifier;
  if (fault?.kind === 'wrong_memo') memo = newPaymentId();
  if (fault?.kind === 'wrong_amount') {
    const stroops = toStroops(amount);
    amount = fromStroops(stroops > 1n ? stroops - 1n : stroops + 1n);
  }
  if (fault?.kind === 'wrong_destination') {
    destination = randomKeypair().publicKey();
    ledger.openAccount(destination, 0n);
  }
  if (account.balance < toStroops(amount) + BASE_FEE_STROOPS) {
    throw new PiError(400, 'insufficient_balance', `The Pioneer's wallet cannot pay ${amount} π and the fee`);
  }
  const envelope = signedPayment({
    keypair: payer.keypair,
    sequence: account.sequence + 1n,
    passphrase: ledger.passphrase,
    fee: BASE_FEE_STROOPS,
    destination,
    amount: toLedgerAmount(amount),
    memo,
  });
  const tx = ledger.submit(envelope, { failWith: fault?.kind === 'failed' ? 'op_underfunded' : undefined });
  payments.link(payment, tx, fault?.verified);
  return tx;
}
