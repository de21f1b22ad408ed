// The parts of Horizon's REST API a Pi app reads and writes (Pi's blockchain runs Stellar's Horizon).

export interface HorizonLink {
  href: string;
  templated?: boolean;
}

/** `GET /`: the server's state; `network_passphrase` names the network it serves. */
export interface HorizonRoot {
  _links: Record<string, HorizonLink>;
  horizon_version: string;
  core_version: string;
  ingest_latest_ledger: number;
  history_latest_ledger: number;
  history_latest_ledger_closed_at: string;
  history_elder_ledger: number;
  core_latest_ledger: number;
  network_passphrase: string;
  current_protocol_version: number;
  supported_protocol_version: number;
  core_supported_protocol_version: number;
}

/** A balance line; Pi apps deal in the native asset (π) only. */
export interface HorizonNativeBalance {
  /** 7-decimal string, e.g. '100.0000000'. */
  balance: string;
  buying_liabilities: string;
  selling_liabilities: string;
  asset_type: 'native';
}

/** `GET /accounts/:id`. */
export interface HorizonAccount {
  _links: Record<string, HorizonLink>;
  id: string;
  account_id: string;
  /** int64 as a decimal string: the next transaction must use sequence + 1. */
  sequence: string;
  subentry_count: number;
  last_modified_ledger: number;
  last_modified_time: string;
  thresholds: { low_threshold: number; med_threshold: number; high_threshold: number };
  flags: { auth_required: boolean; auth_revocable: boolean; auth_immutable: boolean; auth_clawback_enabled: boolean };
  balances: HorizonNativeBalance[];
  signers: { weight: number; key: string; type: 'ed25519_public_key' }[];
  data: Record<string, string>;
  num_sponsoring: number;
  num_sponsored: number;
  paging_token: string;
}

/** Fee percentiles in stroops, as decimal strings. */
export interface HorizonFeeDistribution {
  max: string;
  min: string;
  mode: string;
  p10: string;
  p20: string;
  p30: string;
  p40: string;
  p50: string;
  p60: string;
  p70: string;
  p80: string;
  p90: string;
  p95: string;
  p99: string;
}

/** `GET /fee_stats`; Stellar SDKs read `last_ledger_base_fee` as the base fee. */
export interface HorizonFeeStats {
  last_ledger: string;
  /** Stroops per operation. */
  last_ledger_base_fee: string;
  ledger_capacity_usage: string;
  fee_charged: HorizonFeeDistribution;
  max_fee: HorizonFeeDistribution;
}

/** `GET /transactions/:hash`, and the answer of a successful `POST /transactions`. */
export interface HorizonTransaction {
  _links: { self: HorizonLink; [relation: string]: HorizonLink };
  id: string;
  paging_token: string;
  successful: boolean;
  hash: string;
  ledger: number;
  created_at: string;
  source_account: string;
  source_account_sequence: string;
  fee_account: string;
  /** Stroops, as a decimal string. */
  fee_charged: string;
  max_fee: string;
  operation_count: number;
  envelope_xdr: string;
  result_xdr: string;
  memo_type: 'none' | 'text' | 'id' | 'hash' | 'return';
  /** Absent when memo_type is 'none'. */
  memo?: string;
  signatures: string[];
  valid_after?: string;
  valid_before?: string;
  preconditions?: { timebounds?: { min_time: string; max_time?: string } };
}

export type HorizonSubmitResponse = HorizonTransaction;

/** A payment operation, as `GET /transactions/:hash/operations` lists it. */
export interface HorizonPaymentOperation {
  _links: { self: HorizonLink; [relation: string]: HorizonLink };
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
  /** 7-decimal string, e.g. '1.2345670'. */
  amount: string;
}

export interface HorizonOperationsPage {
  _links: { self: HorizonLink; next: HorizonLink; prev: HorizonLink };
  _embedded: { records: HorizonPaymentOperation[] };
}

/** Stellar's result codes of a refused or failed transaction, e.g. `{transaction: 'tx_bad_seq'}`. */
export interface HorizonResultCodes {
  transaction: string;
  /** One code per operation, when `transaction` is `tx_failed`. */
  operations?: string[];
}

/** Horizon's errors: RFC 7807 problem documents (`application/problem+json`). */
export interface HorizonProblem {
  type: string;
  title: string;
  status: number;
  detail: string;
  extras?: {
    envelope_xdr?: string;
    result_xdr?: string;
    result_codes?: HorizonResultCodes;
    invalid_field?: string;
    reason?: string;
    [key: string]: unknown;
  };
}
