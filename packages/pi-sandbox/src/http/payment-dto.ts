import type { PaymentDTO, UserDTO } from '@pishop/pi-protocol';
import type { PaymentRecord } from '../core/payment-record';
import type { IssuedToken } from '../core/users';
import type { SandboxUser } from '../types';
import type { Links } from './links';

export function toPaymentDto(p: PaymentRecord, links: Links): PaymentDTO {
  return {
    identifier: p.identifier,
    user_uid: p.userUid,
    amount: Number(p.amount),
    memo: p.memo,
    metadata: p.metadata,
    from_address: p.fromAddress,
    to_address: p.toAddress,
    direction: p.direction,
    created_at: p.createdAt.toISOString(),
    network: p.network,
    status: { ...p.status },
    transaction: p.txid
      ? { txid: p.txid, verified: p.status.transaction_verified, _link: links.ledgerTransaction(p.txid) }
      : null,
  };
}

/** Pi's UserDTO: the username only with the `username` scope. */
export function toUserDto({ user, validUntil, scopes }: IssuedToken): UserDTO {
  const dto: UserDTO = {
    uid: user.uid,
    credentials: {
      scopes: [...scopes],
      valid_until: { timestamp: Math.floor(validUntil.getTime() / 1000), iso8601: validUntil.toISOString() },
    },
  };
  if (scopes.includes('username')) dto.username = user.username;
  return dto;
}

export const toSandboxUser = ({ user, accessToken, scopes }: IssuedToken): SandboxUser => ({
  uid: user.uid,
  username: user.username,
  accessToken,
  walletAddress: user.walletAddress,
  scopes: [...scopes],
});
