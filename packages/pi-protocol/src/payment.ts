import type { JsonObject } from './json';
import type { PiNetworkName } from './network';

/** `user_to_app`: a Pioneer pays the app (U2A); `app_to_user`: the app pays a Pioneer (A2U). */
export type PaymentDirection = 'user_to_app' | 'app_to_user';

/** Pi's status flags; they are not exclusive (a payment cancelled after approval keeps `developer_approved`). */
export interface PaymentStatus {
  /** Server-side approval (A2U payments are created approved). */
  developer_approved: boolean;
  /** Pi found the blockchain transaction and it matches the payment. */
  transaction_verified: boolean;
  /** Server-side completion. */
  developer_completed: boolean;
  /** Cancelled by the developer or by Pi Network (e.g. the approval window ran out). */
  cancelled: boolean;
  /** Cancelled by the Pioneer. */
  user_cancelled: boolean;
}

export interface PaymentTransaction {
  txid: string;
  /** True if the transaction matches the payment, false otherwise. */
  verified: boolean;
  /** The transaction on the Blockchain (Horizon) API. */
  _link: string;
}

/** Pi's PaymentDTO, as the Platform API v2 and the browser SDK hand it out. */
export interface PaymentDTO {
  identifier: string;
  /** The Pioneer's app-specific uid (the payer for U2A, the payee for A2U). */
  user_uid: string;
  /** A JSON number with at most 7 decimals. */
  amount: number;
  memo: string;
  metadata: JsonObject;
  /** The sender of the blockchain transaction (the Pioneer for U2A, the app wallet for A2U). */
  from_address: string;
  /** The recipient of the blockchain transaction (the app wallet for U2A, the Pioneer for A2U). */
  to_address: string;
  direction: PaymentDirection;
  /** ISO 8601. */
  created_at: string;
  network: PiNetworkName;
  status: PaymentStatus;
  /** null until a blockchain transaction is linked to the payment. */
  transaction: PaymentTransaction | null;
}

/** What `Pi.createPayment` takes (U2A; the payer is the signed-in Pioneer). */
export interface PaymentData {
  amount: number;
  memo: string;
  metadata: JsonObject;
}

/** `POST /v2/payments` (A2U) body: the app pays `uid`. */
export interface A2UPaymentArgs extends PaymentData {
  uid: string;
}

export interface CreateA2UPaymentBody {
  payment: A2UPaymentArgs;
}

/** `POST /v2/payments/:id/complete` body. */
export interface CompletePaymentBody {
  txid: string;
}

/** `GET /v2/payments/incomplete_server_payments`: A2U payments not yet completed or cancelled. */
export interface IncompleteServerPaymentsResponse {
  incomplete_server_payments: PaymentDTO[];
}
