import { ErrorCodes, type AdminRefund, type ApiErrorBody } from '@pishop/shared';

/** What the seller reads when a refund request is refused, switched on the API's error code. */
export function refundErrorText(error: unknown): string {
  const body = (error as { body?: Partial<ApiErrorBody> } | null)?.body;
  const code = body?.error?.code;
  const message = body?.error?.message ?? (error as Error | null)?.message ?? 'The refund could not be sent';
  switch (code) {
    case ErrorCodes.REFUNDS_DISABLED:
    case ErrorCodes.REFUNDS_WALLET_MISMATCH:
      return `Refunds are off on this server. ${message}`;
    case ErrorCodes.REFUND_EXCEEDS_PAYMENT: {
      const details = body?.error?.details as { availablePi?: string } | undefined;
      return details?.availablePi === '0' ? 'This payment is already refunded in full.' : `At most ${details?.availablePi ?? '?'} π can still be refunded for this payment.`;
    }
    case ErrorCodes.IDEMPOTENCY_KEY_REUSED:
      return 'This request was already sent with other figures. Close the dialog and start again.';
    case ErrorCodes.VALIDATION_FAILED:
      return body?.errors ? Object.entries(body.errors).map(([field, why]) => `${field} ${why}`).join('; ') : message;
    default:
      return message;
  }
}

/** What the seller reads once the server answered with the refund. */
export function refundOutcomeText(refund: AdminRefund): { text: string; type: 'success' | 'info' | 'error' } {
  if (refund.status === 'completed') return { text: `Refund sent: ${refund.amountPi} π (transaction ${refund.txid})`, type: 'success' };
  if (refund.status === 'failed') return { text: `Refund failed, nothing was paid: ${refund.failureReason ?? 'see its audit trail'}`, type: 'error' };
  const why = refund.lastError ? ` (${refund.lastError.code}: ${refund.lastError.message})` : '';
  return { text: `Refund #${refund.id} recorded and ${refund.status}; it is finished automatically${why}`, type: 'info' };
}

/**
 * Idempotency-Keys for one refund dialog: the same figures always get the same key (a retry after
 * a lost answer is answered with the refund already made), other figures get a new one.
 */
export function refundKeys(newKey: () => string = () => crypto.randomUUID()) {
  const keys = new Map<string, string>();
  return {
    for(amountPi: string, reason: string): string {
      const figures = JSON.stringify([amountPi, reason]);
      let key = keys.get(figures);
      if (!key) {
        key = newKey();
        keys.set(figures, key);
      }
      return key;
    },
  };
}
