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
    let res: UpstreamResponse;
    try {
      res = await requestWithRetries(`${this.baseUrl}${path}`, { method: 'GET' }, this.upstream);
    } catch (err) {
      if (err instanceof UpstreamTransportError) throw new HorizonUnavailableError(`Pi ledger: ${err.message}`);
      throw err;
    }
    if (res.status === 404) return null;
    if (res.status >= 200 && res.status < 300 && res.json && typeof res.json === 'object') return res.json as T;
    const detail = (res.json as { detail?: string; title?: string } | undefined)?.detail ?? summariseErrorText(res.text);
    // A 400 means Horizon finds the txid malformed: as unknown to the ledger as a 404.
    if (res.status === 400) return null;
    throw new HorizonUnavailableError(`Pi ledger answered ${res.status}${detail ? `: ${detail}` : ''}`);
  }
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
