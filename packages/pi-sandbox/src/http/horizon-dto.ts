import type {
  HorizonAccount,
  HorizonFeeDistribution,
  HorizonFeeStats,
  HorizonOperationsPage,
  HorizonPaymentOperation,
  HorizonRoot,
  HorizonTransaction,
} from '@pishop/pi-protocol';
import { BASE_FEE_STROOPS, type Ledger, type LedgerAccount, type LedgerTransaction, formatBalance } from '../core/ledger';
import type { Links } from './links';

// Horizon prints seconds, no milliseconds.
export const horizonTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const unixTime = (seconds: bigint): string => horizonTime(new Date(Number(seconds) * 1000));

/** Horizon's paging token of a transaction (operation 0) or of its nth operation: a TOID. */
const toid = (tx: LedgerTransaction, operation: number): string =>
  ((BigInt(tx.ledger) << 32n) | (1n << 12n) | BigInt(operation)).toString();

export function toHorizonRoot(ledger: Ledger, links: Links): HorizonRoot {
  const latest = ledger.latestLedger;
  return {
    _links: {
      self: { href: links.ledger },
      account: { href: `${links.ledger}/accounts/{account_id}`, templated: true },
      fee_stats: { href: `${links.ledger}/fee_stats` },
      transaction: { href: `${links.ledger}/transactions/{hash}`, templated: true },
    },
    horizon_version: 'pi-sandbox',
    core_version: 'pi-sandbox',
    ingest_latest_ledger: latest.sequence,
    history_latest_ledger: latest.sequence,
    history_latest_ledger_closed_at: horizonTime(latest.closedAt),
    history_elder_ledger: 1,
    core_latest_ledger: latest.sequence,
    network_passphrase: ledger.passphrase,
    current_protocol_version: 19,
    supported_protocol_version: 19,
    core_supported_protocol_version: 19,
  };
}

export function toHorizonAccount(account: LedgerAccount, links: Links): HorizonAccount {
  return {
    _links: { self: { href: links.ledgerAccount(account.address) } },
    id: account.address,
    account_id: account.address,
    sequence: account.sequence.toString(),
    subentry_count: 0,
    last_modified_ledger: account.lastModifiedLedger,
    last_modified_time: horizonTime(account.lastModifiedAt),
    thresholds: { low_threshold: 0, med_threshold: 0, high_threshold: 0 },
    flags: { auth_required: false, auth_revocable: false, auth_immutable: false, auth_clawback_enabled: false },
    balances: [
      { balance: formatBalance(account), buying_liabilities: '0.0000000', selling_liabilities: '0.0000000', asset_type: 'native' },
    ],
    signers: [{ weight: 1, key: account.address, type: 'ed25519_public_key' }],
    data: {},
    num_sponsoring: 0,
    num_sponsored: 0,
    paging_token: account.address,
  };
}

/** Every ledger charges the base fee: no surge pricing in the sandbox. */
export function toHorizonFeeStats(ledger: Ledger): HorizonFeeStats {
  const fee = BASE_FEE_STROOPS.toString();
  const flat: HorizonFeeDistribution = {
    max: fee, min: fee, mode: fee,
    p10: fee, p20: fee, p30: fee, p40: fee, p50: fee, p60: fee, p70: fee, p80: fee, p90: fee, p95: fee, p99: fee,
  };
  return {
    last_ledger: String(ledger.latestLedger.sequence),
    last_ledger_base_fee: fee,
    ledger_capacity_usage: '0.01',
    fee_charged: flat,
    max_fee: { ...flat },
  };
}

export function toHorizonTransaction(tx: LedgerTransaction, links: Links): HorizonTransaction {
  const self = links.ledgerTransaction(tx.hash);
  const body: HorizonTransaction = {
    _links: {
      self: { href: self },
      transaction: { href: self },
      account: { href: links.ledgerAccount(tx.source) },
      operations: { href: `${self}/operations{?cursor,limit,order}`, templated: true },
    },
    id: tx.hash,
    paging_token: toid(tx, 0),
    successful: tx.successful,
    hash: tx.hash,
    ledger: tx.ledger,
    created_at: horizonTime(tx.createdAt),
    source_account: tx.source,
    source_account_sequence: tx.sourceSequence.toString(),
    fee_account: tx.source,
    fee_charged: tx.feeCharged.toString(),
    max_fee: tx.maxFee.toString(),
    operation_count: tx.payments.length,
    envelope_xdr: tx.envelopeXdr,
    result_xdr: tx.resultXdr,
    memo_type: tx.memoType,
    signatures: [...tx.signatures],
  };
  if (tx.memo !== null) body.memo = tx.memo;
  if (tx.timeBounds) {
    const { minTime, maxTime } = tx.timeBounds;
    body.valid_after = unixTime(minTime);
    if (maxTime !== 0n) body.valid_before = unixTime(maxTime);
    body.preconditions = {
      timebounds: maxTime === 0n ? { min_time: minTime.toString() } : { min_time: minTime.toString(), max_time: maxTime.toString() },
    };
  }
  return body;
}

export function toOperationsPage(tx: LedgerTransaction, links: Links): HorizonOperationsPage {
  const self = `${links.ledgerTransaction(tx.hash)}/operations`;
  const records = tx.payments.map((payment, i): HorizonPaymentOperation => {
    const id = toid(tx, i + 1);
    return {
      _links: { self: { href: `${self}?cursor=${id}` }, transaction: { href: links.ledgerTransaction(tx.hash) } },
      id,
      paging_token: id,
      transaction_successful: tx.successful,
      source_account: payment.from,
      type: 'payment',
      type_i: 1,
      created_at: horizonTime(tx.createdAt),
      transaction_hash: tx.hash,
      asset_type: 'native',
      from: payment.from,
      to: payment.to,
      amount: payment.amount,
    };
  });
  const first = records[0]?.id ?? '';
  const last = records.at(-1)?.id ?? '';
  return {
    _links: {
      self: { href: self },
      next: { href: `${self}?cursor=${last}&order=asc` },
      prev: { href: `${self}?cursor=${first}&order=desc` },
    },
    _embedded: { records },
  };
}
