import type {
  HorizonOperationsPage,
  HorizonProblem,
  HorizonTransaction,
  JsonObject,
  PiErrorBody,
  PiPayment,
  PiUser,
  SandboxConfig,
  SandboxFaults,
  SandboxUser,
} from './types';

/** A non-2xx answer; `body` is Pi's `{error, error_message}` (or Horizon's problem). */
export class PiSandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: PiErrorBody | HorizonProblem | null,
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
  me(accessToken: string): Promise<PiUser>;
  get(paymentId: string): Promise<PiPayment>;
  approve(paymentId: string): Promise<PiPayment>;
  complete(paymentId: string, txid: string): Promise<PiPayment>;
  cancel(paymentId: string): Promise<PiPayment>;
  incompleteServerPayments(): Promise<{ incomplete_server_payments: PiPayment[] }>;
}

/** Typed HTTP client for a sandbox at `baseUrl` (its mount point, e.g. http://host:3000/pi-sandbox). */
export class PiSandboxClient {
  readonly ledger = {
    transaction: (txid: string) => this.send<HorizonTransaction>('GET', `/ledger/transactions/${enc(txid)}`),
    operations: (txid: string) =>
      this.send<HorizonOperationsPage>('GET', `/ledger/transactions/${enc(txid)}/operations`),
  };

  constructor(readonly baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  createUser(input: { username?: string } = {}): Promise<SandboxUser> {
    return this.send('POST', '/control/users', input);
  }

  /** A fresh access token for a known user, as each Pi.authenticate yields. */
  issueToken(uid: string): Promise<SandboxUser> {
    return this.send('POST', `/control/users/${enc(uid)}/tokens`);
  }

  /** The payment the SDK reports to onIncompletePaymentFound at authenticate, if any. */
  incompletePayment(uid: string): Promise<{ payment: PiPayment | null }> {
    return this.send('GET', `/control/users/${enc(uid)}/incomplete`);
  }

  createPayment(input: NewPaymentInput): Promise<PiPayment> {
    return this.send('POST', '/control/payments', input);
  }

  async submit(paymentId: string): Promise<{ txid: string }> {
    return this.send('POST', `/control/payments/${enc(paymentId)}/submit`);
  }

  userCancel(paymentId: string): Promise<PiPayment> {
    return this.send('POST', `/control/payments/${enc(paymentId)}/user-cancel`);
  }

  /** Cancels an unapproved payment now, as its approval window running out would. */
  expire(paymentId: string): Promise<PiPayment> {
    return this.send('POST', `/control/payments/${enc(paymentId)}/expire`);
  }

  getPayment(paymentId: string): Promise<PiPayment> {
    return this.send('GET', `/control/payments/${enc(paymentId)}`);
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
      incompleteServerPayments: () => this.send('GET', '/v2/payments/incomplete_server_payments', undefined, key),
    };
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: HeaderMap = {}): Promise<T> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.headers = { ...headers, 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    const data: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) throw new PiSandboxHttpError(res.status, data as PiErrorBody | HorizonProblem | null);
    return data as T;
  }
}

const enc = encodeURIComponent;
type HeaderMap = Record<string, string>;
