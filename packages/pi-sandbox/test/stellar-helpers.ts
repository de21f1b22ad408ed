import { Account, Asset, Horizon, Keypair, Memo, Operation, TransactionBuilder } from '@stellar/stellar-sdk';
import { PI_SANDBOX_DEV_APP_WALLET_SEED } from '../src';
import type { Running } from './helpers';

export const appWallet = Keypair.fromSecret(PI_SANDBOX_DEV_APP_WALLET_SEED);

/** A Stellar SDK Horizon client on the sandbox ledger (plain HTTP, as in tests). */
export const horizonOf = (sb: { baseUrl: string }) => new Horizon.Server(`${sb.baseUrl}/ledger`, { allowHttp: true });

export interface PaymentTx {
  destination: string;
  amount: string;
  memo?: string;
  /** Defaults: the app wallet signs, on Pi Testnet, with the next sequence, the base fee, 180 s time bounds. */
  signer?: Keypair;
  passphrase?: string;
  sequenceSkip?: bigint;
  fee?: string;
  timebounds?: { minTime: number; maxTime: number };
  extraPayment?: { destination: string; amount: string };
}

/**
 * What Pi's pi-backend `submitPayment` does, with the maintained SDK against the sandbox:
 * load the app account, read the base fee and server time, build a native payment with the
 * payment id as memo, sign it with the app wallet seed. Returns the base64 envelope.
 */
export async function appPaymentEnvelope(sb: Running, tx: PaymentTx): Promise<string> {
  const horizon = horizonOf(sb);
  const loaded = await horizon.loadAccount(appWallet.publicKey());
  const sequence = BigInt(loaded.sequence) + (tx.sequenceSkip ?? 0n);
  const builder = new TransactionBuilder(new Account(appWallet.publicKey(), sequence.toString()), {
    fee: tx.fee ?? String(await horizon.fetchBaseFee()),
    networkPassphrase: tx.passphrase ?? 'Pi Testnet',
    timebounds: tx.timebounds ?? (await horizon.fetchTimebounds(180)),
  }).addOperation(Operation.payment({ destination: tx.destination, asset: Asset.native(), amount: tx.amount }));
  if (tx.extraPayment) {
    builder.addOperation(Operation.payment({ ...tx.extraPayment, asset: Asset.native() }));
  }
  if (tx.memo !== undefined) builder.addMemo(Memo.text(tx.memo));
  const built = builder.build();
  built.sign(tx.signer ?? appWallet);
  return built.toEnvelope().toXDR('base64');
}
