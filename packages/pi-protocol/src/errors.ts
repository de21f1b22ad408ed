import type { PaymentDTO } from './payment';

/*
 * Pi's Platform API error codes, as Pi publishes them: the error types of its Node server SDK
 * (pi-apps/pi-nodejs `src/types/errors.ts`), the Platform API reference (401 for a bad key or
 * token) and the approval refusal every Pi client branches on (`already_approved`).
 */

/** Any payment route, for an unknown identifier. */
export const PI_NOT_FOUND_ERRORS = ['payment_not_found'] as const;
/** Malformed requests. */
export const PI_VALIDATION_ERRORS = ['invalid_amount', 'invalid_arguments', 'invalid_metadata', 'unknown_error'] as const;
/** `POST /v2/payments` (A2U) and the SDK's payment creation. */
export const PI_CREATE_ERRORS = [
  'altered_amount',
  'invalid_address',
  'missing_scope',
  'missing_wallet',
  'ongoing_payment_found',
  'too_many_cancelled_payments',
  'too_many_payments',
  'user_not_found',
] as const;
/** `POST /v2/payments/:id/approve`. */
export const PI_APPROVE_ERRORS = ['already_approved', 'already_completed', 'cancelled_payment'] as const;
/** `POST /v2/payments/:id/complete`. */
export const PI_COMPLETE_ERRORS = [
  'already_completed',
  'cancelled_payment',
  'missing_param',
  'missing_txid',
  'not_verified',
  'txid_mismatch',
  'verification_failed',
] as const;
/** `POST /v2/payments/:id/cancel`. */
export const PI_CANCEL_ERRORS = ['already_completed', 'cancelled_payment', 'forbidden', 'payment_tx_present'] as const;
/** Authorization (401): a missing or wrong server key, a bad or expired access token. */
export const PI_AUTH_ERRORS = ['unauthorized', 'invalid_token'] as const;

export type PiErrorCode =
  | (typeof PI_NOT_FOUND_ERRORS)[number]
  | (typeof PI_VALIDATION_ERRORS)[number]
  | (typeof PI_CREATE_ERRORS)[number]
  | (typeof PI_APPROVE_ERRORS)[number]
  | (typeof PI_COMPLETE_ERRORS)[number]
  | (typeof PI_CANCEL_ERRORS)[number]
  | (typeof PI_AUTH_ERRORS)[number];

/** Every code above, once. */
export const PI_ERROR_CODES: readonly PiErrorCode[] = [
  ...new Set<PiErrorCode>([
    ...PI_NOT_FOUND_ERRORS,
    ...PI_VALIDATION_ERRORS,
    ...PI_CREATE_ERRORS,
    ...PI_APPROVE_ERRORS,
    ...PI_COMPLETE_ERRORS,
    ...PI_CANCEL_ERRORS,
    ...PI_AUTH_ERRORS,
  ]),
];

export const isPiErrorCode = (value: unknown): value is PiErrorCode =>
  typeof value === 'string' && (PI_ERROR_CODES as readonly string[]).includes(value);

/**
 * Pi's error body. `payment` rides along on `ongoing_payment_found` and on the cancel refusals
 * for a closed payment (`already_completed`, `cancelled_payment`, `forbidden`);
 * `verification_error` on `verification_failed`.
 */
export interface PiErrorBody<Code extends string = PiErrorCode> {
  error: Code;
  error_message: string;
  payment?: PaymentDTO;
  verification_error?: string;
}
