/**
 * Every error code the API can answer with in `{error: {code, message, details?}}`, and its
 * HTTP status: one table, read by the API's error handler and switched on by the SPAs.
 * A code that is not here does not type-check on the server.
 */
export const ERROR_STATUS = {
  // Generic
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  /** The body is not a JSON object where one is expected, or nests too deep. */
  INVALID_BODY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** The body did not arrive within BODY_TIMEOUT_SECONDS. */
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** A path segment longer than any identifier the API has (the router refuses it). */
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_FAILED: 502,
  SERVICE_UNAVAILABLE: 503,

  // Accounts
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_LOGIN_DISABLED: 403,
  EMAIL_TAKEN: 409,
  USERNAME_TAKEN: 409,
  REFRESH_INVALID_TOKEN: 401,
  /** A session cookie route called from another site (CSRF). */
  CROSS_SITE_REQUEST: 403,
  RESET_INVALID_TOKEN: 400,
  RECAPTCHA_FAILED: 400,
  RECAPTCHA_UNAVAILABLE: 503,
  PI_INVALID_TOKEN: 401,
  PI_UPSTREAM: 502,
  INVALID_IMAGE: 422,
  INVALID_PDF: 422,
  FILE_MISSING: 400,
  CV_NOT_FOUND: 404,
  LOCKOUT_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,

  // Catalog and content
  SERVICE_NOT_FOUND: 404,
  SERVICE_FEATURE_NOT_FOUND: 404,
  SERVICE_FAQ_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  POST_NOT_FOUND: 404,
  PROJECT_NOT_FOUND: 404,
  PAGE_NOT_FOUND: 404,

  // Media
  MEDIA_FILE_MISSING: 400,
  MEDIA_EMPTY: 400,
  MEDIA_BAD_FILENAME: 400,
  MEDIA_TOO_LARGE: 413,
  MEDIA_UNSUPPORTED_TYPE: 415,
  MEDIA_UNREADABLE: 422,
  MEDIA_NOT_FOUND: 404,
  MEDIA_INVALID_TRANSITION: 409,
  MEDIA_JOB_INVALID_TRANSITION: 409,
  /** A record names a media id that does not exist, failed processing, or is of the wrong kind (details.fields). */
  MEDIA_REFERENCE_INVALID: 422,

  // Orders
  ORDER_NOT_FOUND: 404,
  ORDER_INVALID_TRANSITION: 409,
  ORDER_PAYMENT_IN_PROGRESS: 409,
  ORDER_ALREADY_PAID: 409,
  ORDER_CANCELLED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_REQUEST_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_INVALID: 400,

  // Payments
  PAYMENT_NOT_FOUND: 404,
  PAYMENT_EVENT_NOT_FOUND: 404,
  PAYMENT_FORBIDDEN: 403,
  PAYMENT_INVALID_TRANSITION: 409,
  PAYMENT_NOT_READY: 409,
  PAYMENT_NOT_LINKED: 409,
  PAYMENT_NOT_FLAGGED: 409,
  PAYMENT_CLOSED: 409,
  PAYMENT_ORDER_NOT_FOUND: 404,
  PAYMENT_ORDER_MISMATCH: 422,
  PAYMENT_DIRECTION_MISMATCH: 422,
  PAYMENT_NETWORK_MISMATCH: 422,
  PAYMENT_AMOUNT_MISMATCH: 422,
  PAYMENT_PAYER_MISMATCH: 422,
  PAYMENT_WALLET_MISMATCH: 422,
  PAYMENT_TXID_MISMATCH: 422,
  PAYMENT_LEDGER_MISMATCH: 422,
  PAYMENT_TXID_CONFLICT: 409,
  /** The payment ended failed or cancelled (by the payer, the app, Pi's expiry): pay again. */
  PAYMENT_CANCELLED: 409,
  /** Another request is settling this payment with Pi right now: try again shortly. */
  PAYMENT_BUSY: 503,
  PI_PAYMENT_NOT_FOUND: 404,
  PI_REFUSED_UPSTREAM: 502,
  PI_UNAVAILABLE: 503,
  PI_LEDGER_UNAVAILABLE: 503,
  PI_WEBHOOK_SIGNATURE_INVALID: 401,
  PI_WEBHOOK_DISABLED: 503,

  // Refunds
  /** No PI_WALLET_PRIVATE_SEED: this server cannot sign refunds (details.reason says why). */
  REFUNDS_DISABLED: 503,
  /** The wallet seed is not the app wallet's key (or Pi pays A2U from another wallet): nothing is sent. */
  REFUNDS_WALLET_MISMATCH: 503,
  REFUND_NOT_FOUND: 404,
  /** Only a confirmed payment whose payer Pi named can be refunded. */
  REFUND_NOT_ALLOWED: 409,
  /** Completed and in-flight refunds would exceed what was paid (details: paidPi, refundedPi, availablePi). */
  REFUND_EXCEEDS_PAYMENT: 422,
  REFUND_INVALID_TRANSITION: 409,
  /** Pi holds another open App-to-User payment to this Pioneer that is not this refund's. */
  REFUND_RECIPIENT_BUSY: 409,
  /** The app wallet cannot cover the refund and its fee: the refund is kept and retried once π is added. */
  REFUND_WALLET_UNDERFUNDED: 409,
  /** The ledger refused the refund transaction for good; the refund failed and nothing was paid. */
  REFUND_LEDGER_REFUSED: 502,
  /** Refunds move money: the request must carry an Idempotency-Key header. */
  IDEMPOTENCY_KEY_REQUIRED: 400,

  // Inbox
  THREAD_NOT_FOUND: 404,
  MESSAGE_NOT_FOUND: 404,

  // Partners: API keys and outgoing webhooks
  /** The API key is unknown, revoked or expired. */
  API_KEY_INVALID: 401,
  /** The API key's scopes do not cover this route (details.required names the scope). */
  API_KEY_SCOPE_DENIED: 403,
  /** A customer route called with an API key needs the customer: header `X-Customer-Id`. */
  API_KEY_CUSTOMER_REQUIRED: 400,
  API_KEY_NOT_FOUND: 404,
  WEBHOOK_ENDPOINT_NOT_FOUND: 404,
  WEBHOOK_DELIVERY_NOT_FOUND: 404,
  /** Webhook URLs must be public http(s) targets (loopback/private only with WEBHOOKS_ALLOW_PRIVATE_TARGETS). */
  WEBHOOK_TARGET_NOT_ALLOWED: 422,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** `ErrorCodes.X === 'X'` for every code, so callers never spell a code as a bare string. */
export const ErrorCodes = Object.fromEntries(Object.keys(ERROR_STATUS).map((code) => [code, code])) as { readonly [K in ErrorCode]: K };

/** The HTTP status of a code (500 for a code this table does not know). */
export function statusOfErrorCode(code: string): number {
  return (ERROR_STATUS as Record<string, number>)[code] ?? 500;
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
  /** Field → message map, in the shape react-admin forms read (`error.body.errors`). */
  errors?: Record<string, string>;
}

export interface FieldError {
  field: string;
  message: string;
}
