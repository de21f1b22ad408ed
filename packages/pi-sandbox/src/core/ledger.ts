import { toLedgerAmount } from './amount';
import { newTxid } from './ids';

/** One native payment on the sandbox chain: one transaction with one payment operation. */
export interface LedgerTransaction {
  hash: string;
  ledger: number;
  createdAt: Date;
  from: string;
  to: string;
  /** 7-decimal string, as Horizon writes it. */
  amount: string;
  memo: string;
  successful: boolean;
}

// Pi's base fee (0.01 π) in stroops, as Horizon reports fee_charged.
export const BASE_FEE_STROOPS = '100000';
// Ledger numbers only need to grow; starting high makes them look like a live network's.
const FIRST_LEDGER = 10_000_000;

/** The sandbox chain: append-only, every submitted transaction succeeds. */
export class Ledger {
  private readonly transactions = new Map<string, LedgerTransaction>();
  private nextLedger = FIRST_LEDGER;

  record(payment: { from: string; to: string; amount: string; memo: string }): LedgerTransaction {
    const tx: LedgerTransaction = {
      hash: newTxid(),
      ledger: this.nextLedger++,
      createdAt: new Date(),
      from: payment.from,
      to: payment.to,
      amount: toLedgerAmount(payment.amount),
      memo: payment.memo,
      successful: true,
    };
    this.transactions.set(tx.hash, tx);
    return tx;
  }

  find(hash: string): LedgerTransaction | undefined {
    return this.transactions.get(hash.toLowerCase());
  }
}
