import Decimal from 'decimal.js';
import { Account, Asset, Memo, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { AppError } from '../../../lib/app-error';
import { HorizonUnavailableError, type HorizonClient, type HorizonTransaction, type SubmitOutcome } from '../../../lib/pi-platform/horizon-client';
import type { PiPayment } from '../../../lib/pi-platform/pi-client';
import type { RefundWallet } from './refund-wallet';
import type { SignedTransaction } from './refund-store';

/** How long a signed refund transaction may land (Stellar SDKs' `fetchTimebounds(180)`). */
export const REFUND_TX_VALID_SECONDS = 180;
const STROOPS_PER_PI = 10_000_000;

/**
 * The refund's side of the Pi ledger (Horizon at `PI_HORIZON_URL`), as Pi's `pi-backend` does it
 * with the maintained Stellar SDK: load the app wallet's account, read the base fee, build one
 * native payment of the amount to the Pioneer's wallet with the Pi payment id as memo and time
 * bounds from the ledger's clock, sign it with the app wallet's seed, submit it.
 */
export class RefundLedger {
  constructor(
    private readonly horizon: HorizonClient,
    private readonly wallet: RefundWallet,
    private readonly networkPassphrase: string,
  ) {}

  async sign(pi: PiPayment, amountPi: string): Promise<SignedTransaction> {
    const source = this.wallet.publicKey;
    if (!source) throw new AppError('REFUNDS_DISABLED', 'Refunds are off: no wallet seed');
    const loaded = await this.ask(() => this.horizon.account(source));
    if (!loaded) throw new AppError('REFUND_WALLET_UNDERFUNDED', `The app wallet ${source} has no account on the ledger`);
    const fee = await this.ask(() => this.horizon.baseFee());
    const needed = new Decimal(amountPi).plus(new Decimal(fee).div(STROOPS_PER_PI));
    if (new Decimal(loaded.account.balance).lt(needed)) {
      throw new AppError(
        'REFUND_WALLET_UNDERFUNDED',
        `The app wallet holds ${loaded.account.balance} π; this refund needs ${needed.toFixed()} π with the fee. Add π to the wallet; the refund is kept and retried.`,
      );
    }
    const now = Math.floor((loaded.serverTime ?? new Date()).getTime() / 1000);
    const maxTime = now + REFUND_TX_VALID_SECONDS;
    const tx = new TransactionBuilder(new Account(source, loaded.account.sequence), {
      fee: String(fee),
      networkPassphrase: this.networkPassphrase,
      timebounds: { minTime: 0, maxTime },
    })
      .addOperation(Operation.payment({ destination: pi.to_address, asset: Asset.native(), amount: new Decimal(amountPi).toFixed() }))
      .addMemo(Memo.text(pi.identifier))
      .build();
    this.wallet.sign(tx);
    return { txid: tx.hash().toString('hex'), envelopeXdr: tx.toEnvelope().toXDR('base64'), validUntil: new Date(maxTime * 1000) };
  }

  /** The transaction as the ledger holds it, or null when it never landed. */
  lookup(txid: string): Promise<HorizonTransaction | null> {
    return this.ask(() => this.horizon.transaction(txid));
  }

  /** Horizon's history has caught up with the network: a lookup that finds nothing is final. */
  historyCaughtUp(): Promise<boolean> {
    return this.ask(() => this.horizon.historyCaughtUp());
  }

  submit(envelopeXdr: string): Promise<SubmitOutcome> {
    return this.ask(() => this.horizon.submit(envelopeXdr));
  }

  /** The ledger's clock (its `Date` header), which time bounds are checked against. */
  async now(): Promise<Date> {
    const source = this.wallet.publicKey as string;
    const loaded = await this.ask(() => this.horizon.account(source));
    return loaded?.serverTime ?? new Date();
  }

  private async ask<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof HorizonUnavailableError) {
        throw new AppError('PI_LEDGER_UNAVAILABLE', `The Pi ledger is not answering (${err.message}); the refund is kept and finished automatically`);
      }
      throw err;
    }
  }
}
