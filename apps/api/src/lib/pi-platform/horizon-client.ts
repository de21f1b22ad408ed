import Decimal from 'decimal.js';
import {
  requestWithRetries,
  summariseErrorText,
  UpstreamTransportError,
  type UpstreamOptions,
  type UpstreamResponse,
} from './upstream-http';

export interface HorizonTransaction {
  id: string;
  hash: string;
  successful: boolean;
  memo_type?: string;
  memo?: string;
  source_account?: string;
}

/** `GET /accounts/:id`, as far as building a transaction needs it. */
export interface HorizonAccountState {
  id: string;
  /** int64 as a decimal string: the next transaction uses sequence + 1. */
  sequence: string;
  /** Native balance, 7-decimal string. */
  balance: string;
}

/** What `POST /transactions` made of a signed envelope. */
export type SubmitOutcome =
  | { ok: true; hash: string; successful: boolean }
  | { ok: false; status: number; transactionCode: string | null; operationCodes: string[]; detail: string };

export interface HorizonOperation {
  id: string;
  type: string;
  transaction_successful?: boolean;
  asset_type?: string;
  from?: string;
  to?: string;
  amount?: string;
}

/** The ledger could not be asked (down, slow, 5xx, unreadable answer): try again later. */
export class HorizonUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HorizonUnavailableError';
  }
}

/** What a payment's transaction must show on the ledger. */
export interface ExpectedTransfer {
  txid: string;
  /** The Pi payment identifier, which Pi writes as the transaction memo. */
  paymentId: string;
  /** The app wallet (`PI_APP_WALLET_ADDRESS`, which Pi's `to_address` must also name). */
  toAddress: string;
  /** The payer's wallet: Pi's `from_address`; the transaction must come from it. */
  fromAddress: string;
  /** π as a decimal string; compared exactly. */
  amount: string;
}

export type LedgerVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Reads transactions from Horizon at `PI_HORIZON_URL` (never a URL taken from a request or
 * from Pi's `_link`) and checks that one really paid the app what the payment says.
 */
export class HorizonClient {
  private readonly baseUrl: string;
  private readonly upstream: UpstreamOptions;

  constructor(opts: { baseUrl: string } & Partial<UpstreamOptions>) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.upstream = { timeoutMs: opts.timeoutMs ?? 10_000, retries: opts.retries ?? 2, backoffMs: opts.backoffMs ?? 200, fetch: opts.fetch };
  }

  /** The ledger's network passphrase (Horizon's root document), or null when it does not say. */
  async networkPassphrase(): Promise<string | null> {
    const root = await this.get<{ network_passphrase?: unknown }>('/');
    return typeof root?.network_passphrase === 'string' ? root.network_passphrase : null;
  }

  /**
   * Whether Horizon's history has caught up with the network (`history_latest_ledger` ≥
   * `core_latest_ledger`): only then does "no such transaction" mean it never landed, rather
   * than that it landed a moment ago and is not indexed yet. False when the root does not say.
   */
  async historyCaughtUp(): Promise<boolean> {
    const root = await this.get<{ history_latest_ledger?: unknown; core_latest_ledger?: unknown }>('/');
    const history = Number(root?.history_latest_ledger);
    const core = Number(root?.core_latest_ledger);
    return Number.isSafeInteger(history) && Number.isSafeInteger(core) && history >= core;
  }

  /** The transaction, or null when the ledger does not know it. */
  async transaction(txid: string): Promise<HorizonTransaction | null> {
    return this.get<HorizonTransaction>(`/transactions/${encodeURIComponent(txid)}`);
  }

  async operations(txid: string): Promise<HorizonOperation[] | null> {
    const page = await this.get<{ _embedded?: { records?: HorizonOperation[] } }>(
      `/transactions/${encodeURIComponent(txid)}/operations?limit=200`,
    );
    if (page === null) return null;
    return page._embedded?.records ?? [];
  }

  /** The account with its sequence and native balance, or null when the ledger does not know it. */
  async account(accountId: string): Promise<{ account: HorizonAccountState; serverTime: Date | null } | null> {
    const res = await this.request(`/accounts/${encodeURIComponent(accountId)}`, { method: 'GET' });
    const body = this.readBody<{ id?: string; account_id?: string; sequence?: string; balances?: { asset_type?: string; balance?: string }[] }>(res);
    if (!body) return null;
    if (typeof body.sequence !== 'string' || !/^\d+$/.test(body.sequence)) throw new HorizonUnavailableError('Pi ledger: the account answer carries no sequence');
    const native = body.balances?.find((b) => b.asset_type === 'native');
    return {
      account: { id: body.account_id ?? body.id ?? accountId, sequence: body.sequence, balance: native?.balance ?? '0' },
      serverTime: parseDate(res.date),
    };
  }

  /** The base fee per operation in stroops (`fee_stats.last_ledger_base_fee`), as Stellar SDKs read it. */
  async baseFee(): Promise<number> {
    const res = await this.request('/fee_stats', { method: 'GET' });
    const body = this.readBody<{ last_ledger_base_fee?: string }>(res);
    const fee = Number(body?.last_ledger_base_fee);
    if (!Number.isSafeInteger(fee) || fee <= 0) throw new HorizonUnavailableError('Pi ledger: fee_stats carries no base fee');
    return fee;
  }

  /**
   * Submits a signed envelope (form field `tx`, as Horizon takes it). Resubmitting an envelope the
   * ledger already has answers its recorded result, so retries never pay twice. A refusal comes
   * back with Stellar's result codes; only an outage throws.
   */
  async submit(envelopeXdr: string): Promise<SubmitOutcome> {
    const res = await this.request('/transactions', { method: 'POST', form: { tx: envelopeXdr } });
    const body = res.json as { hash?: string; successful?: boolean; detail?: string; title?: string; extras?: { result_codes?: { transaction?: string; operations?: string[] } } } | undefined;
    if (res.status >= 200 && res.status < 300 && body && typeof body.hash === 'string') {
      return { ok: true, hash: body.hash, successful: body.successful !== false };
    }
    if (res.status >= 400 && res.status < 500) {
      const codes = body?.extras?.result_codes;
      return {
        ok: false,
        status: res.status,
        transactionCode: codes?.transaction ?? null,
        operationCodes: codes?.operations ?? [],
        detail: body?.detail ?? body?.title ?? summariseErrorText(res.text),
      };
    }
    throw new HorizonUnavailableError(`Pi ledger answered ${res.status} to a transaction${body?.detail ? `: ${body.detail}` : ''}`);
  }

  /** Successful, memo = payment id, one native payment of exactly `amount` from `fromAddress` to `toAddress`. */
  async verify(expected: ExpectedTransfer): Promise<LedgerVerdict> {
    if (!/^[0-9a-fA-F]{64}$/.test(expected.txid)) return { ok: false, reason: 'the txid is not a transaction hash' };
    const tx = await this.transaction(expected.txid);
    if (!tx) return { ok: false, reason: `transaction ${expected.txid} is not on the ledger` };
    if (tx.successful !== true) return { ok: false, reason: 'the transaction did not succeed on the ledger' };
    if (tx.memo !== expected.paymentId) return { ok: false, reason: 'the transaction memo is not this payment' };
    const ops = await this.operations(expected.txid);
    if (!ops) return { ok: false, reason: `transaction ${expected.txid} has no operations on the ledger` };
    const payments = ops.filter((op) => op.type === 'payment');
    if (payments.length !== 1) return { ok: false, reason: 'the transaction does not carry exactly one payment' };
    const [op] = payments;
    if (op.asset_type !== 'native') return { ok: false, reason: 'the transaction did not pay in π (native asset)' };
    if (op.to !== expected.toAddress) return { ok: false, reason: "the transaction did not pay the app's wallet" };
    const source = op.from ?? tx.source_account;
    if (source !== expected.fromAddress) return { ok: false, reason: "the transaction was not sent from the payer's wallet" };
    if (!sameAmount(op.amount, expected.amount)) {
      return { ok: false, reason: `the transaction paid ${op.amount ?? '?'} π, not ${expected.amount} π` };
    }
    return { ok: true };
  }

  private async get<T>(path: string): Promise<T | null> {
    return this.readBody<T>(await this.request(path, { method: 'GET' }));
  }

  private async request(path: string, init: { method: 'GET' | 'POST'; form?: Record<string, string> }): Promise<UpstreamResponse> {
    try {
      return await requestWithRetries(`${this.baseUrl}${path}`, init, this.upstream);
    } catch (err) {
      if (err instanceof UpstreamTransportError) throw new HorizonUnavailableError(`Pi ledger: ${err.message}`);
      throw err;
    }
  }

  /** The JSON body of a 2xx, null for "not on the ledger" (404, or 400 for a malformed id); an outage throws. */
  private readBody<T>(res: UpstreamResponse): T | null {
    if (res.status === 404) return null;
    if (res.status >= 200 && res.status < 300 && res.json && typeof res.json === 'object') return res.json as T;
    const detail = (res.json as { detail?: string; title?: string } | undefined)?.detail ?? summariseErrorText(res.text);
    // A 400 means Horizon finds the txid malformed: as unknown to the ledger as a 404.
    if (res.status === 400) return null;
    throw new HorizonUnavailableError(`Pi ledger answered ${res.status}${detail ? `: ${detail}` : ''}`);
  }
}

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function sameAmount(a: unknown, b: unknown): boolean {
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x !== null && y !== null && x.eq(y);
}

/** A π amount as a decimal (JSON numbers go through their shortest string form, never float math). */
export function toDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(String(value));
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return new Decimal(value.trim());
  return null;
}
