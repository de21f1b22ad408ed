import { ErrorCodes } from '@pishop/shared';
import { errorCode, errorMessage } from '../api-client';
import { PiSdkUnavailableError } from '../pi-sdk';

/**
 * What a customer reads when a payment step is refused. Switches on the API's error codes
 * (`@pishop/shared`), never on message text; other failures keep the server's message.
 */
export function payErrorMessage(error: unknown): string {
  if (error instanceof PiSdkUnavailableError) return error.message;
  switch (errorCode(error)) {
    case ErrorCodes.PAYMENT_CANCELLED:
      return 'This payment was cancelled (by you, by Pi, or because it expired); nothing was charged. You can pay again.';
    case ErrorCodes.ORDER_ALREADY_PAID:
      return 'This order is already paid; nothing more was charged.';
    case ErrorCodes.ORDER_CANCELLED:
    case ErrorCodes.ORDER_INVALID_TRANSITION:
      return 'This order was cancelled and can no longer be paid. Order the service again to buy it.';
    case ErrorCodes.ORDER_PAYMENT_IN_PROGRESS:
      return 'A payment for this order is already in progress with Pi. Finish it in your wallet, or wait a minute and try again.';
    case ErrorCodes.PAYMENT_BUSY:
      return 'Pi is still settling this payment. Please wait a moment; the order updates by itself.';
    case ErrorCodes.PAYMENT_AMOUNT_MISMATCH:
      return 'The amount in your wallet does not match the order; the payment was refused and nothing was charged.';
    case ErrorCodes.PAYMENT_PAYER_MISMATCH:
    case ErrorCodes.PAYMENT_FORBIDDEN:
      return 'This payment belongs to another Pi account. Sign in to Pi with the account that started it.';
    case ErrorCodes.PAYMENT_NETWORK_MISMATCH:
      return 'Your Pi wallet is on another network than this shop; nothing was charged.';
    case ErrorCodes.PAYMENT_TXID_MISMATCH:
    case ErrorCodes.PAYMENT_LEDGER_MISMATCH:
      return 'The blockchain transaction does not match this payment; the studio has been notified and will check it.';
    case ErrorCodes.PI_UNAVAILABLE:
    case ErrorCodes.PI_LEDGER_UNAVAILABLE:
    case ErrorCodes.PI_REFUSED_UPSTREAM:
      return 'Pi cannot be reached right now. If you already confirmed in your wallet, the order is settled automatically shortly.';
    case ErrorCodes.PI_PAYMENT_NOT_FOUND:
      return 'Pi does not know this payment any more; nothing was charged. You can pay again.';
    case ErrorCodes.UNAUTHENTICATED:
      return 'Your session ended; sign in again to pay.';
    default:
      return errorMessage(error);
  }
}
