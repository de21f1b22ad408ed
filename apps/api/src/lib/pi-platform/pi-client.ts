import type { PaymentDTO, UserDTO } from '@pishop/pi-protocol';
import {
  requestWithRetries,
  summariseErrorText,
  UpstreamTransportError,
  type UpstreamOptions,
  type UpstreamResponse,
} from './upstream-http';

/**
 * Pi's PaymentDTO as this app reads it off the wire: the shared protocol definition
 * (`@pishop/pi-protocol`, also used by the sandbox and the storefront), with the fields this
 * app must not take on trust widened: `amount` may come as a string (compare it as a decimal,
 * never as a float), `metadata` may be null, and `direction`/`network` are checked, not assumed.
 */
export type PiPayment = Omit<PaymentDTO, 'amount' | 'metadata' | 'direction' | 'network'> & {
  amount: PaymentDTO['amount'] | string;
  metadata: Record<string, unknown> | null;
  direction: PaymentDTO['direction'] | (string & {});
  network: PaymentDTO['network'] | (string & {});
};

/** Pi's UserDTO from `GET /v2/me`: `username` is there only when the app asked for the `username` scope. */
export type PiUser = Omit<UserDTO, 'credentials'> & { credentials?: Partial<UserDTO['credentials']> & { scopes: string[] } };

/**
 * A failed Platform API call. `status` is the HTTP status (0 when Pi never answered);
 * `code` is Pi's `error` (`payment_not_found`, `already_completed`, ...), or `timeout`,
 * `network_error`, `http_<status>` when the answer carried no Pi error body.
 */
export class PiApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Pi attaches the payment to some refusals (`ongoing_payment_found`, cancel of a closed payment). */
    readonly payment?: PiPayment,
  ) {
    super(message);
    this.name = 'PiApiError';
  }

  /** Pi did not answer usefully (down, slow, 5xx, rate limited with 429): worth trying again later. */
  get isUnavailable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface PiClientOptions extends Partial<UpstreamOptions> {
  baseUrl: string;
  apiKey: string;
}

/**
 * The one typed client of the Pi Platform API. Server calls carry `Authorization: Key <apiKey>`;
 * `me` carries the user's access token. Every call has a timeout and bounded retries.
 */
export class PiClient {
  private readonly baseUrl: string;
  private readonly upstream: UpstreamOptions;

  constructor(private readonly opts: PiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.upstream = {
      timeoutMs: opts.timeoutMs ?? 10_000,
      retries: opts.retries ?? 2,
      backoffMs: opts.backoffMs ?? 200,
      fetch: opts.fetch,
    };
  }

  getPayment(paymentId: string): Promise<PiPayment> {
    return this.server('GET', `/v2/payments/${encodeURIComponent(paymentId)}`);
  }

  approve(paymentId: string): Promise<PiPayment> {
    return this.server('POST', `/v2/payments/${encodeURIComponent(paymentId)}/approve`);
  }

  complete(paymentId: string, txid: string): Promise<PiPayment> {
    return this.server('POST', `/v2/payments/${encodeURIComponent(paymentId)}/complete`, { txid });
  }

  cancel(paymentId: string): Promise<PiPayment> {
    return this.server('POST', `/v2/payments/${encodeURIComponent(paymentId)}/cancel`);
  }

  /**
   * An App-to-User payment: the app pays `uid` (Pi creates it approved, from the app wallet).
   * Sent once: after a lost answer, the next attempt meets Pi's `ongoing_payment_found` carrying it.
   */
  createAppToUser(payment: { amount: number; memo: string; metadata: Record<string, unknown>; uid: string }): Promise<PiPayment> {
    return this.server('POST', '/v2/payments', { payment });
  }

  /** Payments the app started (A2U) and never completed; user-to-app ones are not listed here. */
  async incompleteServerPayments(): Promise<PiPayment[]> {
    const body = await this.server<{ incomplete_server_payments?: PiPayment[] }>('GET', '/v2/payments/incomplete_server_payments');
    return Array.isArray(body.incomplete_server_payments) ? body.incomplete_server_payments : [];
  }

  /** Who an access token belongs to: the only trustworthy source of a Pi identity. */
  async me(accessToken: string): Promise<PiUser> {
    const user = await this.call<Partial<PiUser>>('GET', '/v2/me', `Bearer ${accessToken}`);
    if (typeof user.uid !== 'string' || user.uid === '') {
      throw new PiApiError(200, 'invalid_response', 'Pi Platform API answered /v2/me without a uid');
    }
    return { ...user, uid: user.uid, username: typeof user.username === 'string' && user.username !== '' ? user.username : undefined };
  }

  private server<T = PiPayment>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    return this.call(method, path, `Key ${this.opts.apiKey}`, body);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, authorization: string, body?: unknown): Promise<T> {
    let res: UpstreamResponse;
    try {
      // Reads are retried; an approve/complete/cancel is sent once: after a lost answer, the next
      // callback or the reconciler re-reads the payment instead of asking Pi a second time.
      const upstream = method === 'GET' ? this.upstream : { ...this.upstream, retries: 0 };
      res = await requestWithRetries(`${this.baseUrl}${path}`, { method, headers: { authorization }, body }, upstream);
    } catch (err) {
      if (err instanceof UpstreamTransportError) {
        throw new PiApiError(0, err.kind === 'timeout' ? 'timeout' : 'network_error', `Pi Platform API: ${err.message}`);
      }
      throw err;
    }
    if (res.status >= 200 && res.status < 300) {
      if (res.json === undefined || typeof res.json !== 'object' || res.json === null) {
        throw new PiApiError(res.status, 'invalid_response', `Pi Platform API answered ${method} ${path} with a body that is not JSON`);
      }
      return res.json as T;
    }
    throw toPiApiError(res);
  }
}

/** Reads Pi's `{error, error_message}` body, or makes sense of an HTML/text error page. */
export function toPiApiError(res: UpstreamResponse): PiApiError {
  const body = res.json as { error?: unknown; error_message?: unknown; message?: unknown; payment?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body.error === 'string') {
    const message = typeof body.error_message === 'string' ? body.error_message : typeof body.message === 'string' ? body.message : body.error;
    const payment = isPiPayment(body.payment) ? body.payment : undefined;
    return new PiApiError(res.status, body.error, message, payment);
  }
  const summary = summariseErrorText(res.text) || `HTTP ${res.status}`;
  return new PiApiError(res.status, `http_${res.status}`, `Pi Platform API answered ${res.status}: ${summary}`);
}

export function isPiPayment(value: unknown): value is PiPayment {
  const v = value as PiPayment | undefined;
  return !!v && typeof v === 'object' && typeof v.identifier === 'string' && typeof v.status === 'object' && v.status !== null;
}
