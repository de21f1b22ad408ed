import { AppError } from '../../lib/app-error';
import { sameAmount } from '../../lib/pi-platform/horizon-client';
import type { PiPayment } from '../../lib/pi-platform/pi-client';

/** What a Pi payment must match: the checkout snapshot and the order's customer. */
export interface PaymentExpectation {
  orderNumber: string;
  amountPi: string;
  network: string;
  /** The app's wallet (`PI_APP_WALLET_ADDRESS`): Pi's `to_address` must name it. */
  appWallet: string;
  /** The customer's Pi uid when their account is linked to Pi; the payer must be them. */
  customerPiUid: string | null;
}

/**
 * Never trust the client: every field of Pi's own record that decides where money goes is
 * checked against what we sold. Throws a 4xx AppError naming the first mismatch.
 */
export function checkPiPayment(pi: PiPayment, expected: PaymentExpectation): void {
  const orderNumber = orderNumberOf(pi);
  if (orderNumber !== expected.orderNumber) {
    throw new AppError('PAYMENT_ORDER_MISMATCH', `Pi payment ${pi.identifier} is for order ${orderNumber ?? '(none)'}, not ${expected.orderNumber}`);
  }
  if (pi.direction !== 'user_to_app') {
    throw new AppError('PAYMENT_DIRECTION_MISMATCH', `Pi payment ${pi.identifier} is not a user-to-app payment`);
  }
  if (pi.network !== expected.network) {
    throw new AppError('PAYMENT_NETWORK_MISMATCH', `Pi payment ${pi.identifier} is on "${pi.network}", not "${expected.network}"`);
  }
  if (pi.to_address !== expected.appWallet) {
    throw new AppError('PAYMENT_WALLET_MISMATCH', `Pi payment ${pi.identifier} pays ${String(pi.to_address)}, not this app's wallet`);
  }
  if (!sameAmount(pi.amount, expected.amountPi)) {
    throw new AppError(
      'PAYMENT_AMOUNT_MISMATCH',
      `Pi payment ${pi.identifier} is for ${String(pi.amount)} π but order ${expected.orderNumber} costs ${expected.amountPi} π`,
    );
  }
  if (expected.customerPiUid && pi.user_uid !== expected.customerPiUid) {
    throw new AppError('PAYMENT_PAYER_MISMATCH', `Pi payment ${pi.identifier} was not made by the customer of order ${expected.orderNumber}`);
  }
}

export function orderNumberOf(pi: PiPayment): string | null {
  const value = pi.metadata && typeof pi.metadata === 'object' ? pi.metadata.order_number : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Where Pi says the payment stands, reduced to what decides our next step. */
export type PiPhase = 'cancelled' | 'completed' | 'submitted' | 'approved' | 'created';

export function piPhase(pi: PiPayment): PiPhase {
  if (pi.status.cancelled || pi.status.user_cancelled) return 'cancelled';
  if (pi.status.developer_completed) return 'completed';
  if (pi.transaction?.txid) return 'submitted';
  if (pi.status.developer_approved) return 'approved';
  return 'created';
}
