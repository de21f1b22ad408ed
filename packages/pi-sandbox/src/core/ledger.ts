import type { SandboxClock } from './clock';
import { fromStroops, toStroops } from './amount';
import {
  type DecodedTransaction,
  type OperationCode,
  type TransactionCode,
  decodeEnvelope,
  resultXdr,
} from './stellar';

/** An account on the sandbox chain: balance in stroops, and the sequence its next transaction must follow. */
export interface LedgerAccount {
  address: string;
  sequence: bigint;
  balance: bigint;
  lastModifiedLedger: number;
  lastModifiedAt: Date;
}

export interface LedgerPayment {
  from: string;
  to: string;
  /** 7-decimal string, as Horizon writes it. */
  amount: string;
}

export interface LedgerTransaction {
  hash: string;
  ledger: number;
  createdAt: Date;
  source: string;
  sourceSequence: bigint;
  feeCharged: bigint;
  maxFee: bigint;
  memoType: DecodedTransaction['memoType'];
  memo: string | null;
  payments: LedgerPayment[];
  successful: boolean;
  resultCodes: { transaction: TransactionCode; operations: OperationCode[] };
  envelopeXdr: string;
  resultXdr: string;
  signatures: string[];
  timeBounds?: { minTime: bigint; maxTime: bigint };
}

/**
 * A submission refused before it reached the chain: nothing was recorded, charged or bumped.
 * `malformed`: the bytes are not a transaction envelope.
 */
export class LedgerRefusal extends Error {
  constructor(
    readonly kind: 'malformed' | 'refused',
    readonly envelopeXdr: string,
    readonly resultCodes: { transaction: TransactionCode; operations?: OperationCode[] } | null,
    readonly resultXdr: string | null,
    reason: string,
  ) {
    super(reason);
    this.name = 'LedgerRefusal';
  }
}

export interface SubmitOptions {
  /** Extra checks before anything is applied (the Pi payment rules); throw a LedgerRefusal to refuse. */
  verify?: (tx: DecodedTransaction) => void;
  /** Records the transaction as failed with this operation code (a wallet fault). */
  failWith?: OperationCode;
}

/** Pi's base fee, 0.01 π per operation, in stroops. */
export const BASE_FEE_STROOPS = 100_000n;
// Ledger numbers only need to grow; starting high makes them look like a live network's.
const FIRST_LEDGER = 10_000_000;

/**
 * The sandbox chain: accounts with balances and sequence numbers, and an append-only list of
 * transactions checked the way Stellar checks them (network, signature, sequence, fee, time bounds).
 */
export class Ledger {
  private readonly accounts = new Map<string, LedgerAccount>();
  private readonly transactions = new Map<string, LedgerTransaction>();
  private lastLedger = FIRST_LEDGER;
  private lastClosedAt: Date;

  constructor(
    private readonly clock: SandboxClock,
    readonly passphrase: string,
  ) {
    this.lastClosedAt = clock.now();
  }

  get latestLedger(): { sequence: number; closedAt: Date } {
    return { sequence: this.lastLedger, closedAt: this.lastClosedAt };
  }

  /** Creates a funded account (as Pi does for every Pioneer's wallet); its sequence starts at ledger << 32. */
  openAccount(address: string, balance: bigint): LedgerAccount {
    const existing = this.accounts.get(address);
    if (existing) return existing;
    const account: LedgerAccount = {
      address,
      sequence: BigInt(this.lastLedger) << 32n,
      balance,
      lastModifiedLedger: this.lastLedger,
      lastModifiedAt: this.clock.now(),
    };
    this.accounts.set(address, account);
    return account;
  }

  account(address: string): LedgerAccount | undefined {
    return this.accounts.get(address);
  }

  find(hash: string): LedgerTransaction | undefined {
    return this.transactions.get(hash.toLowerCase());
  }

  /**
   * Checks and applies a base64 TransactionEnvelope. Answers the recorded transaction, successful
   * or failed (a failed one still costs its fee and uses its sequence number, as on Stellar);
   * throws LedgerRefusal when it never reaches the chain.
   */
  submit(envelopeXdr: string, options: SubmitOptions = {}): LedgerTransaction {
    const tx = this.decode(envelopeXdr);
    // Horizon answers a transaction it already has with its recorded result, so a retry is safe.
    const known = this.transactions.get(tx.hash);
    if (known) return known;
    const source = this.accounts.get(tx.source);
    const refuse = (code: TransactionCode, reason: string, operations?: OperationCode[]) =>
      new LedgerRefusal('refused', envelopeXdr, { transaction: code, operations }, resultXdr(0n, code, operations), reason);
    if (!source) throw refuse('tx_no_source_account', `Source account ${tx.source} does not exist`);
    if (tx.operations.length === 0) throw refuse('tx_missing_operation', 'The transaction has no operation');
    const now = BigInt(Math.floor(this.clock.nowMs() / 1000));
    if (tx.timeBounds && tx.timeBounds.minTime > now) throw refuse('tx_too_early', 'The transaction is not valid yet');
    if (tx.timeBounds && tx.timeBounds.maxTime !== 0n && tx.timeBounds.maxTime < now) {
      throw refuse('tx_too_late', 'The transaction expired (time bounds)');
    }
    const fee = BASE_FEE_STROOPS * BigInt(tx.operations.length);
    if (tx.maxFee < fee) throw refuse('tx_insufficient_fee', `The fee must be at least ${fee} stroops`);
    if (tx.sequence !== source.sequence + 1n) {
      throw refuse('tx_bad_seq', `Sequence must be ${source.sequence + 1n}, got ${tx.sequence}`);
    }
    if (!tx.isSignedBy(source.address)) {
      throw refuse('tx_bad_auth', "No valid signature of the source account's key for this network");
    }
    if (source.balance < fee) throw refuse('tx_insufficient_balance', 'The source cannot pay the fee');
    const unsupported = tx.operations.map((op) =>
      op.type !== 'payment' || !op.native ? 'op_not_supported' : op.source && op.source !== tx.source ? 'op_malformed' : 'op_success',
    );
    if (unsupported.some((code) => code !== 'op_success')) {
      throw refuse('tx_failed', 'Only native payments from the transaction source are supported', unsupported);
    }
    options.verify?.(tx);
    return this.apply(tx, source, fee, options.failWith);
  }

  private decode(envelopeXdr: string): DecodedTransaction {
    let tx: ReturnType<typeof decodeEnvelope>;
    try {
      tx = decodeEnvelope(envelopeXdr, this.passphrase);
    } catch {
      throw new LedgerRefusal('malformed', envelopeXdr, null, null, 'Not a base64 XDR TransactionEnvelope');
    }
    if (tx === 'fee_bump') {
      const code = 'tx_not_supported';
      throw new LedgerRefusal('refused', envelopeXdr, { transaction: code }, resultXdr(0n, code), 'Fee-bump transactions are not supported');
    }
    return tx;
  }

  private apply(tx: DecodedTransaction, source: LedgerAccount, fee: bigint, failWith?: OperationCode): LedgerTransaction {
    const payments = tx.operations.map((op) => ({ from: tx.source, to: op.destination!, amount: op.amount! }));
    const codes = failWith ? payments.map(() => failWith) : this.operationCodes(source, fee, payments);
    const successful = codes.every((code) => code === 'op_success');
    const ledger = ++this.lastLedger;
    const closedAt = this.clock.now();
    this.lastClosedAt = closedAt;
    const touch = (account: LedgerAccount) => Object.assign(account, { lastModifiedLedger: ledger, lastModifiedAt: closedAt });

    touch(source);
    source.sequence = tx.sequence;
    source.balance -= fee;
    if (successful) {
      for (const payment of payments) {
        const stroops = toStroops(payment.amount);
        source.balance -= stroops;
        touch(this.accounts.get(payment.to)!).balance += stroops;
      }
    }
    const code: TransactionCode = successful ? 'tx_success' : 'tx_failed';
    const record: LedgerTransaction = {
      hash: tx.hash,
      ledger,
      createdAt: closedAt,
      source: tx.source,
      sourceSequence: tx.sequence,
      feeCharged: fee,
      maxFee: tx.maxFee,
      memoType: tx.memoType,
      memo: tx.memo,
      payments,
      successful,
      resultCodes: { transaction: code, operations: codes },
      envelopeXdr: tx.envelopeXdr,
      resultXdr: resultXdr(fee, code, codes),
      signatures: tx.signatures,
      timeBounds: tx.timeBounds,
    };
    this.transactions.set(record.hash, record);
    return record;
  }

  // Stellar applies a transaction's operations all or nothing: one failing operation fails it.
  private operationCodes(source: LedgerAccount, fee: bigint, payments: LedgerPayment[]): OperationCode[] {
    let available = source.balance - fee;
    return payments.map((payment) => {
      if (!this.accounts.has(payment.to)) return 'op_no_destination';
      const stroops = toStroops(payment.amount);
      if (available < stroops) return 'op_underfunded';
      available -= stroops;
      return 'op_success';
    });
  }
}

export const formatBalance = (account: LedgerAccount): string => fromStroops(account.balance);
