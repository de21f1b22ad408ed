import {
  Account,
  Asset,
  FeeBumpTransaction,
  Keypair,
  Memo,
  Operation,
  StrKey,
  TransactionBuilder,
  xdr,
} from '@stellar/stellar-sdk';

// Everything the sandbox ledger needs from Stellar's own library: envelopes, signatures, results.

export type OperationCode = 'op_success' | 'op_underfunded' | 'op_no_destination' | 'op_malformed' | 'op_not_supported';
export type TransactionCode =
  | 'tx_success'
  | 'tx_failed'
  | 'tx_bad_seq'
  | 'tx_bad_auth'
  | 'tx_insufficient_balance'
  | 'tx_no_source_account'
  | 'tx_insufficient_fee'
  | 'tx_too_early'
  | 'tx_too_late'
  | 'tx_missing_operation'
  | 'tx_not_supported';

export interface DecodedOperation {
  type: string;
  /** The operation's own source account, when it overrides the transaction's. */
  source?: string;
  destination?: string;
  /** Payments only: true for π (the native asset). */
  native?: boolean;
  /** Payments only: 7-decimal string. */
  amount?: string;
}

export interface DecodedTransaction {
  /** The transaction hash on this network, lowercase hex: the txid. */
  hash: string;
  source: string;
  sequence: bigint;
  /** The most the source agreed to pay, in stroops. */
  maxFee: bigint;
  memoType: 'none' | 'text' | 'id' | 'hash' | 'return';
  memo: string | null;
  operations: DecodedOperation[];
  timeBounds?: { minTime: bigint; maxTime: bigint };
  signatures: string[];
  envelopeXdr: string;
  isSignedBy(address: string): boolean;
}

/**
 * Reads a base64 TransactionEnvelope as signed for `passphrase`: the hash, and so every
 * signature check, depend on the network. Throws on bytes that are not an envelope;
 * answers 'fee_bump' for fee-bump envelopes (not supported here).
 */
export function decodeEnvelope(envelopeXdr: string, passphrase: string): DecodedTransaction | 'fee_bump' {
  const tx = TransactionBuilder.fromXDR(envelopeXdr, passphrase);
  if (tx instanceof FeeBumpTransaction) return 'fee_bump';
  const hash = tx.hash();
  const memo = tx.memo;
  return {
    hash: hash.toString('hex'),
    source: tx.source,
    sequence: BigInt(tx.sequence),
    maxFee: BigInt(tx.fee),
    memoType: memo.type,
    memo: memo.value === null ? null : memoText(memo),
    operations: tx.operations.map(readOperation),
    timeBounds: tx.timeBounds && { minTime: BigInt(tx.timeBounds.minTime), maxTime: BigInt(tx.timeBounds.maxTime) },
    signatures: tx.signatures.map((s) => s.signature().toString('base64')),
    envelopeXdr,
    isSignedBy(address) {
      if (!StrKey.isValidEd25519PublicKey(address)) return false;
      const key = Keypair.fromPublicKey(address);
      const hint = key.signatureHint();
      return tx.signatures.some((s) => s.hint().equals(hint) && key.verify(hash, s.signature()));
    },
  };
}

function memoText(memo: Memo): string {
  if (memo.type === 'text' || memo.type === 'id') return String(memo.value);
  return Buffer.from(memo.value as Buffer).toString('base64');
}

function readOperation(op: Operation): DecodedOperation {
  if (op.type !== 'payment') return { type: op.type, source: op.source };
  return {
    type: 'payment',
    source: op.source,
    destination: op.destination,
    native: op.asset.isNative(),
    amount: op.amount,
  };
}

/** A payment the sandbox signs itself: a Pioneer's wallet paying from its own key. */
export function signedPayment(input: {
  keypair: Keypair;
  sequence: bigint;
  passphrase: string;
  fee: bigint;
  destination: string;
  amount: string;
  memo: string;
}): string {
  const account = new Account(input.keypair.publicKey(), (input.sequence - 1n).toString());
  const tx = new TransactionBuilder(account, { fee: input.fee.toString(), networkPassphrase: input.passphrase })
    .addOperation(Operation.payment({ destination: input.destination, asset: Asset.native(), amount: input.amount }))
    .addMemo(Memo.text(input.memo))
    .setTimeout(0)
    .build();
  tx.sign(input.keypair);
  return tx.toEnvelope().toXDR('base64');
}

export const isAccountId = (address: string): boolean => StrKey.isValidEd25519PublicKey(address);
export const keypairFromSeed = (seed: string): Keypair => Keypair.fromSecret(seed);
export const isSecretSeed = (seed: string): boolean => StrKey.isValidEd25519SecretSeed(seed);
export const randomKeypair = (): Keypair => Keypair.random();
export type { Keypair };

const TX_RESULTS: Record<Exclude<TransactionCode, 'tx_success' | 'tx_failed'>, () => xdr.TransactionResultResult> = {
  tx_bad_seq: () => xdr.TransactionResultResult.txBadSeq(),
  tx_bad_auth: () => xdr.TransactionResultResult.txBadAuth(),
  tx_insufficient_balance: () => xdr.TransactionResultResult.txInsufficientBalance(),
  tx_no_source_account: () => xdr.TransactionResultResult.txNoAccount(),
  tx_insufficient_fee: () => xdr.TransactionResultResult.txInsufficientFee(),
  tx_too_early: () => xdr.TransactionResultResult.txTooEarly(),
  tx_too_late: () => xdr.TransactionResultResult.txTooLate(),
  tx_missing_operation: () => xdr.TransactionResultResult.txMissingOperation(),
  tx_not_supported: () => xdr.TransactionResultResult.txNotSupported(),
};

const OP_RESULTS: Record<OperationCode, () => xdr.OperationResult> = {
  op_success: () => paymentResult(xdr.PaymentResult.paymentSuccess()),
  op_underfunded: () => paymentResult(xdr.PaymentResult.paymentUnderfunded()),
  op_no_destination: () => paymentResult(xdr.PaymentResult.paymentNoDestination()),
  op_malformed: () => paymentResult(xdr.PaymentResult.paymentMalformed()),
  op_not_supported: () => xdr.OperationResult.opNotSupported(),
};

const paymentResult = (result: xdr.PaymentResult) => xdr.OperationResult.opInner(xdr.OperationResultTr.payment(result));

/** Horizon's `result_xdr`: a TransactionResult with the fee charged and each operation's code. */
export function resultXdr(feeCharged: bigint, code: TransactionCode, operations: OperationCode[] = []): string {
  let result: xdr.TransactionResultResult;
  if (code === 'tx_success') result = xdr.TransactionResultResult.txSuccess(operations.map((op) => OP_RESULTS[op]()));
  else if (code === 'tx_failed') result = xdr.TransactionResultResult.txFailed(operations.map((op) => OP_RESULTS[op]()));
  else result = TX_RESULTS[code]();
  const ext = new xdr.TransactionResultExt(0);
  return new xdr.TransactionResult({ feeCharged: xdr.Int64.fromString(feeCharged.toString()), result, ext }).toXDR('base64');
}
