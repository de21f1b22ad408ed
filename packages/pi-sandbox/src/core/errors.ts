import type { PiErrorCode } from '@pishop/pi-protocol';
import type { SandboxErrorCode } from '../types';
import type { PaymentRecord } from './payment-record';

/**
 * A refusal with Pi's code. The payment travels as a record, not a DTO, because its `_link`
 * depends on the request that receives the error.
 */
export class PiError extends Error {
  constructor(
    readonly status: number,
    readonly code: PiErrorCode | SandboxErrorCode,
    message: string,
    readonly payment?: PaymentRecord,
    /** Why the transaction does not match the payment (`verification_failed` only). */
    readonly verificationError?: string,
  ) {
    super(message);
    this.name = 'PiError';
  }
}

export const notFound = (id: string): PiError =>
  new PiError(404, 'payment_not_found', `Payment with identifier ${id} was not found`);

export const invalidArguments = (message: string): PiError =>
  new PiError(400, 'invalid_arguments', message);
