// Wire shapes, as Pi's Platform API v2 and the Horizon API publish them.

export type JsonObject = { [key: string]: unknown };

/** Pi's PaymentDTO. */
export interface PiPayment {
  identifier: string;
  user_uid: string;
  /** A JSON number, as Pi sends it (at most 7 decimals). */
  amount: number;
  memo: string;
  metadata: JsonObject;
  from_address: string;
  to_address: string;
  direction: 'user_to_app' | 'app_to_user';
  created_at: string;
  network: string;
  status: {
    developer_approved: boolean;
    transaction_verified: boolean;
    developer_completed: boolean;
    cancelled: boolean;
    user_cancelled: boolean;
  };
  transaction: null | { txid: string; verified: boolean; _link: string };
}

/** Pi's UserDTO, as `GET /v2/me` answers it. */
export interface PiUser {
  uid: string;
  username: string;
  credentials: {
    scopes: string[];
    valid_until: { timestamp: number; iso8601: string };
  };
}

/** A sandbox user as the wallet control API hands it out. */
export interface SandboxUser {
  uid: string;
  username: string;
  accessToken: string;
}

/** Pi's error body; `payment` rides along on `ongoing_payment_found` and some cancel refusals. */
export interface PiErrorBody {
  error: string;
  error_message: string;
  payment?: PiPayment;
}

export interface HorizonLink {
  href: string;
  templated?: boolean;
}

export interface HorizonTransaction {
  _links: { self: HorizonLink; transaction: HorizonLink; operations: HorizonLink };
  id: string;
  paging_token: string;
  hash: string;
  ledger: number;
  created_at: string;
  source_account: string;
  fee_account: string;
  fee_charged: string;
  max_fee: string;
  operation_count: number;
  memo_type: 'text';
  memo: string;
  successful: boolean;
}

export interface HorizonOperation {
  _links: { self: HorizonLink; transaction: HorizonLink };
  id: string;
  paging_token: string;
  transaction_successful: boolean;
  source_account: string;
  type: 'payment';
  type_i: 1;
  created_at: string;
  transaction_hash: string;
  asset_type: 'native';
  from: string;
  to: string;
  /** A 7-decimal string, e.g. '1.2345670'. */
  amount: string;
}

export interface HorizonOperationsPage {
  _links: { self: HorizonLink; next: HorizonLink; prev: HorizonLink };
  _embedded: { records: HorizonOperation[] };
}

/** Horizon's problem+json body (404 for an unknown txid, 400 for a malformed one). */
export interface HorizonProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  extras?: JsonObject;
}

/** One injected Platform API failure. */
export interface PlatformErrorFault {
  /** A Platform API route as Pi documents it (`/v2/payments/:id/approve`) or a concrete path. */
  path: string;
  /** HTTP method; any method when unset. */
  method?: string;
  status: number;
  /** Pi error code put in the body, e.g. 'internal_server_error'. */
  error: string;
  error_message?: string;
  /** How many matching requests fail before the route answers normally again. Default 1. */
  times?: number;
}

export interface SandboxFaults {
  /** The SDK calls each server-side callback this many extra times. */
  duplicateCallbacks?: number;
  /** The SDK waits this long before each server-side callback. */
  callbackDelayMs?: number;
  /** The SDK never calls onReadyForServerCompletion: the payment is left incomplete. */
  dropCompletionCallback?: boolean;
  /** Platform API answers forced to fail, consumed as they fire. */
  platformErrors?: PlatformErrorFault[];
  /** Every Platform API answer is delayed by this long. */
  latencyMs?: number;
}

/** What the SDK reads before a payment: timing and the faults it must act out. */
export interface SandboxConfig {
  network: string;
  approvalTimeoutMs: number;
  callbackRetryMs: number;
  faults: SandboxFaults;
}
