import type {
  A2UPaymentArgs,
  HorizonAccount,
  HorizonFeeStats,
  HorizonOperationsPage,
  HorizonProblem,
  HorizonRoot,
  HorizonTransaction,
  IncompleteServerPaymentsResponse,
  JsonObject,
  PaymentDTO,
  PiErrorBody,
  PiScope,
  UserDTO,
} from '@pishop/pi-protocol';
import type { SandboxCall, SandboxClockState, SandboxConfig, SandboxFaults, SandboxUser } from './types';

/** A non-2xx answer; `body` is Pi's `{error, error_message}` (or Horizon's problem). */
export class PiSandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: PiErrorBody<string> | HorizonProblem | null,
  ) {
    super(`HTTP ${status}: ${body && 'error' in body ? `${body.error}: ${body.error_message}` : JSON.stringify(body)}`);
    this.name = 'PiSandboxHttpError';
  }
}

export interface NewPaymentInput {
  accessToken: string;
  /** A number as the Pi SDK takes it, or a decimal string. */
  amount: number | string;
  memo: string;
  metadata?: JsonObject;
}

export interface PlatformClient {
  me(accessToken: string): Promise<UserDTO>;
  get(paymentId: string): Promise<PaymentDTO>;
  approve(paymentId: string): Promise<PaymentDTO>;
  complete(paymentId: string, txid: string): Promise<PaymentDTO>;
  cancel(paymentId: string): Promise<PaymentDTO>;
  /** App-to-User: the app pays `uid`. */
  createAppToUser(payment: A2UPaymentArgs): Promise<PaymentDTO>;
  incompleteServerPayments(): Promise<IncompleteServerPaymentsResponse>;
}

/** Typed HTTP client for a sandbox at `baseUrl` (its mount point, e.g. http://host:3000/pi-sandbox). */
export class PiSandboxClient {
  /** Horizon at `<baseUrl>/ledger`. */
  readonly ledger = {
    root: () => this.send<HorizonRoot>('GET', '/ledger/'),
    account: (address: string) => this.send<HorizonAccount>('GET', `/ledger/accounts/${enc(address)}`),
    feeStats: () => this.send<HorizonFeeStats>('GET', '/ledger/fee_stats'),
    transaction: (txid: string) => this.send<HorizonTransaction>('GET', `/ledger/transactions/${enc(txid)}`),
    operations: (txid: string) =>
      this.send<HorizonOperationsPage>('GET', `/ledger/transactions/${enc(txid)}/operations`),
    /** Submits a base64 TransactionEnvelope as Horizon takes it (form field `tx`). */
    submit: (envelopeXdr: string) =>
      this.send<HorizonTransaction>('POST', '/ledger/transactions', new URLSearchParams({ tx: envelopeXdr })),
  };

  constructor(readonly baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Signs a Pioneer in (created on first use of a username); every scope unless `scopes` says otherwise. */
  createUser(input: { username?: string; scopes?: PiScope[] } = {}): Promise<SandboxUser> {
    return this.send('POST', '/control/users', input);
  }

  getUser(uid: string): Promise<{ uid: string; username: string; walletAddress: string }> {
    return this.send('GET', `/control/users/${enc(uid)}`);
  }

  /** A fresh access token for a known user, as each Pi.authenticate yields. */
  issueToken(uid: string, scopes?: PiScope[]): Promise<SandboxUser> {
    return this.send('POST', `/control/users/${enc(uid)}/tokens`, scopes ? { scopes } : undefined);
  }

  /** The payment the SDK reports to onIncompletePaymentFound at authenticate, if any. */
  incompletePayment(uid: string): Promise<{ payment: PaymentDTO | null }> {
    return this.send('GET', `/control/users/${enc(uid)}/incomplete`);
  }

  createPayment(input: NewPaymentInput): Promise<PaymentDTO> {
    return this.send('POST', '/control/payments', input);
  }

  /** The Pioneer signs and submits the transaction (after the app approved). */
  submit(paymentId: string): Promise<{ txid: string }> {
    return this.send('POST', `/control/payments/${enc(paymentId)}/submit`);
  }

  userCancel(paymentId: string): Promise<PaymentDTO> {
    return this.send('POST', `/control/payments/${enc(paymentId)}/user-cancel`);
  }

  /** Lets the payment's approval window run out now (unapproved, or approved and never signed). */
  expire(paymentId: string): Promise<PaymentDTO> {
    return this.send('POST', `/control/payments/${enc(paymentId)}/expire`);
  }

  getPayment(paymentId: string): Promise<PaymentDTO> {
    return this.send('GET', `/control/payments/${enc(paymentId)}`);
  }

  clock(): Promise<SandboxClockState> {
    return this.send('GET', '/control/clock');
  }

  /** Moves the sandbox clock forward; what became due happens before this resolves. */
  advanceClock(advanceMs: number): Promise<SandboxClockState> {
    return this.send('POST', '/control/clock', { advanceMs });
  }

  /** Stops the clock (it then moves only when advanced), or lets it flow on from where it stands. */
  freezeClock(frozen = true): Promise<SandboxClockState> {
    return this.send('POST', '/control/clock', { freeze: frozen });
  }

  /** Platform API calls received, oldest first; `path` matches a route pattern or a concrete path. */
  calls(filter: { method?: string; path?: string } = {}): Promise<SandboxCall[]> {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined));
    return this.send('GET', `/control/calls${query.size ? `?${query}` : ''}`);
  }

  async clearCalls(): Promise<void> {
    await this.send('DELETE', '/control/calls');
  }

  config(): Promise<SandboxConfig> {
    return this.send('GET', '/control/config');
  }

  setFaults(faults: SandboxFaults): Promise<SandboxFaults> {
    return this.send('POST', '/control/faults', faults);
  }

  async resetFaults(): Promise<void> {
    await this.send('DELETE', '/control/faults');
  }

  /** The Platform API v2 as the app's server calls it, with `Authorization: Key <apiKey>`. */
  platform(apiKey: string): PlatformClient {
    const key = { authorization: `Key ${apiKey}` };
    const payment = (id: string, action = '') => `/v2/payments/${enc(id)}${action}`;
    return {
      me: (accessToken) => this.send('GET', '/v2/me', undefined, { authorization: `Bearer ${accessToken}` }),
      get: (id) => this.send('GET', payment(id), undefined, key),
      approve: (id) => this.send('POST', payment(id, '/approve'), undefined, key),
      complete: (id, txid) => this.send('POST', payment(id, '/complete'), { txid }, key),
      cancel: (id) => this.send('POST', payment(id, '/cancel'), undefined, key),
      createAppToUser: (args) => this.send('POST', '/v2/payments', { payment: args }, key),
      incompleteServerPayments: () => this.send('GET', '/v2/payments/incomplete_server_payments', undefined, key),
    };
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: HeaderMap = {}): Promise<T> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body instanceof URLSearchParams) {
      init.headers = { ...headers, 'content-type': 'application/x-www-form-urlencoded' };
      init.body = body.toString();
    } else if (body !== undefined) {
      init.headers = { ...headers, 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    const data: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) throw new PiSandboxHttpError(res.status, data as PiErrorBody<string> | HorizonProblem | null);
    return data as T;
  }
}

const enc = encodeURIComponent;
type HeaderMap = Record<string, string>;
