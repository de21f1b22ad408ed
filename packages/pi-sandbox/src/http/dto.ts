import { BASE_FEE_STROOPS, type LedgerTransaction } from '../core/ledger';
import type { PaymentRecord } from '../core/payment-record';
import type { IssuedToken } from '../core/users';
import type {
  HorizonOperation,
  HorizonOperationsPage,
  HorizonTransaction,
  PiPayment,
  PiUser,
  SandboxUser,
} from '../types';
import type { Links } from './links';

export function toPaymentDto(p: PaymentRecord, links: Links): PiPayment {
  return {
    identifier: p.identifier,
    user_uid: p.userUid,
    amount: Number(p.amount),
    memo: p.memo,
    metadata: p.metadata,
    from_address: p.fromAddress,
    to_address: p.toAddress,
    direction: 'user_to_app',
    created_at: p.createdAt.toISOString(),
    network: p.network,
    status: { ...p.status },
    transaction: p.txid
      ? { txid: p.txid, verified: p.status.transaction_verified, _link: links.ledgerTransaction(p.txid) }
      : null,
  };
}

export function toUserDto({ user, validUntil }: IssuedToken): PiUser {
  return {
    uid: user.uid,
    username: user.username,
    credentials: {
      scopes: [...user.scopes],
      valid_until: { timestamp: Math.floor(validUntil.getTime() / 1000), iso8601: validUntil.toISOString() },
    },
  };
}

export const toSandboxUser = ({ user, accessToken }: IssuedToken): SandboxUser => ({
  uid: user.uid,
  username: user.username,
  accessToken,
});

// Horizon prints seconds, no milliseconds.
const horizonTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Horizon's paging token of a transaction: its ledger in the high 32 bits (a TOID). */
const toid = (tx: LedgerTransaction, operation: number): string =>
  ((BigInt(tx.ledger) << 32n) | (1n << 12n) | BigInt(operation)).toString();

export function toHorizonTransaction(tx: LedgerTransaction, links: Links): HorizonTransaction {
  const self = links.ledgerTransaction(tx.hash);
  return {
    _links: {
      self: { href: self },
      transaction: { href: self },
      operations: { href: `${self}/operations{?cursor,limit,order}`, templated: true },
    },
    id: tx.hash,
    paging_token: toid(tx, 0),
    hash: tx.hash,
    ledger: tx.ledger,
    created_at: horizonTime(tx.createdAt),
    source_account: tx.from,
    fee_account: tx.from,
    fee_charged: BASE_FEE_STROOPS,
    max_fee: BASE_FEE_STROOPS,
    operation_count: 1,
    memo_type: 'text',
    memo: tx.memo,
    successful: tx.successful,
  };
}

export function toOperationsPage(tx: LedgerTransaction, links: Links): HorizonOperationsPage {
  const self = `${links.ledgerTransaction(tx.hash)}/operations`;
  const id = toid(tx, 1);
  const operation: HorizonOperation = {
    _links: { self: { href: `${self}?cursor=${id}` }, transaction: { href: links.ledgerTransaction(tx.hash) } },
    id,
    paging_token: id,
    transaction_successful: tx.successful,
    source_account: tx.from,
    type: 'payment',
    type_i: 1,
    created_at: horizonTime(tx.createdAt),
    transaction_hash: tx.hash,
    asset_type: 'native',
    from: tx.from,
    to: tx.to,
    amount: tx.amount,
  };
  return {
    _links: {
      self: { href: self },
      next: { href: `${self}?cursor=${id}&order=asc` },
      prev: { href: `${self}?cursor=${id}&order=desc` },
    },
    _embedded: { records: [operation] },
  };
}
