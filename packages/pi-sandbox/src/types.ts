// Pi's wire shapes come from @pishop/pi-protocol; this file adds only what the sandbox itself speaks.
import type { PaymentDTO, PiErrorCode, PiNetworkName, PiScope, UserDTO } from '@pishop/pi-protocol';

export type {
  HorizonAccount,
  HorizonFeeStats,
  HorizonLink,
  HorizonOperationsPage,
  HorizonPaymentOperation,
  HorizonProblem,
  HorizonRoot,
  HorizonSubmitResponse,
  HorizonTransaction,
  JsonObject,
  PaymentDTO,
  PiErrorBody,
  PiErrorCode,
  PiNetworkName,
  PiScope,
  UserDTO,
} from '@pishop/pi-protocol';

/** @deprecated Pi's name is PaymentDTO. */
export type PiPayment = PaymentDTO;
/** @deprecated Pi's name is UserDTO. */
export type PiUser = UserDTO;

/**
 * Codes only this sandbox answers, never the Platform API's: unknown routes, unexpected
 * failures, and the wallet side's own refusals (what Pi Browser would not let a Pioneer do).
 */
export type SandboxErrorCode = 'not_found' | 'internal_server_error' | 'not_approved' | 'insufficient_balance';

/** A sandbox Pioneer as the wallet control API hands it out. */
export interface SandboxUser {
  uid: string;
  username: string;
  accessToken: string;
  /** The Pioneer's wallet (a Stellar account id on the sandbox ledger). */
  walletAddress: string;
  /** The scopes this access token was granted. */
  scopes: PiScope[];
}

/** One injected Platform API refusal or outage, answered instead of the route (state untouched). */
export interface PlatformErrorFault {
  /** A route as Pi documents it (`/v2/payments/:id/approve`) or a concrete path (`/v2/payments/<id>`). */
  path: string;
  /** HTTP method; any method when unset. */
  method?: string;
  /** 400-599. */
  status: number;
  /** Below 500: a code Pi documents (e.g. `already_approved`); 429 and 500 and above: any snake_case code. */
  error: PiErrorCode | string;
  error_message?: string;
  /**
   * `json` (default): Pi's `{error, error_message}`; `html`: an HTML error page, as a proxy or
   * load balancer in front of Pi answers when it is down.
   */
  format?: 'json' | 'html';
  /** How many matching requests get this answer before the route answers normally. Default 1. */
  times?: number;
}

/** One injected delay of a Platform API or ledger call. */
export interface DelayFault {
  /** As in PlatformErrorFault: `/v2/...` or `/ledger/...`, route or concrete path. */
  path: string;
  method?: string;
  /** Measured on the sandbox clock: elapses in real time, or at once when the clock is advanced past it. */
  delayMs: number;
  /** How many matching requests are delayed. Default 1. */
  times?: number;
  /**
   * `before` (default): the request waits, then runs (a slow request: later calls may act first).
   * `after`: the request runs at once and its answer waits (the change is made, the caller hears late).
   */
  when?: 'before' | 'after';
}

/** What goes wrong in the next wallet submissions (`POST /control/payments/:id/submit`, the SDK's confirm). */
export interface BadTransactionFault {
  /**
   * `wrong_memo`: memo is another id; `wrong_amount`: one stroop (0.0000001 π) less than the payment;
   * `wrong_destination`: pays another account; `failed`: recorded on the ledger as failed
   * (`successful: false`, fee charged, nothing paid).
   */
  kind: 'wrong_memo' | 'wrong_amount' | 'wrong_destination' | 'failed';
  /**
   * What Pi then reports in `transaction.verified` / `status.transaction_verified`. Default false
   * (Pi noticed the mismatch); true plays a Pi that did not, so only the app's own ledger check can.
   */
  verified?: boolean;
  /** How many submissions go wrong this way. Default 1. */
  times?: number;
}

export interface SandboxFaults {
  /** SDK: each server-side callback is called this many extra times. */
  duplicateCallbacks?: number;
  /** SDK: each server-side callback arrives this late (real time, in the browser). */
  callbackDelayMs?: number;
  /** SDK: onReadyForServerCompletion is never called; the paid payment stays incomplete. */
  dropCompletionCallback?: boolean;
  /** SDK: after approval the Pioneer never signs (the app is closed); the payment stays approved without a transaction. */
  abandonAfterApproval?: boolean;
  /** SDK: onIncompletePaymentFound also reports an approved payment without a transaction, as Pi's SDK does. */
  reportApprovedIncomplete?: boolean;
  /** SDK: Pi.authenticate never settles, as outside Pi Browser. */
  hangAuthenticate?: boolean;
  /** Platform API: every /v2 answer comes this much later (sandbox clock). */
  latencyMs?: number;
  /** Platform API: forced answers, used up as they fire. */
  platformErrors?: PlatformErrorFault[];
  /** Platform API and ledger: delayed calls, used up as they fire. */
  delays?: DelayFault[];
  /** Wallet: the next submissions put a transaction on the ledger that does not match the payment. */
  badTransaction?: BadTransactionFault;
}

/** What the SDK reads before it acts: timing, the faults it must act out, the app wallet and network. */
export interface SandboxConfig {
  network: PiNetworkName;
  appWalletAddress: string;
  approvalTimeoutMs: number;
  callbackRetryMs: number;
  /** The sandbox clock, ISO 8601. */
  now: string;
  faults: SandboxFaults;
}

/** One Platform API call the sandbox received (`GET /control/calls`), in arrival order. */
export interface SandboxCall {
  method: string;
  /** The concrete path without the mount prefix or query, e.g. `/v2/payments/abc/approve`. */
  path: string;
  /** The route it matched, e.g. `/v2/payments/:id/approve` (the path itself when none matched). */
  route: string;
  /** The sandbox clock when it arrived, ISO 8601. */
  at: string;
  /** The HTTP status answered; null while the call is still in flight. */
  status: number | null;
}

/** `GET|POST /control/clock`. */
export interface SandboxClockState {
  now: string;
  /** How far the sandbox clock is ahead of real time (it drifts further while frozen). */
  offsetMs: number;
  /** Frozen: the clock moves only when advanced. */
  frozen: boolean;
}
