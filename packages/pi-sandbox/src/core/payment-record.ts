import type { JsonObject, PaymentDirection, PaymentStatus, PiNetworkName } from '@pishop/pi-protocol';

/** A payment as the sandbox stores it: the DTO minus anything that depends on the reader. */
export interface PaymentRecord {
  identifier: string;
  direction: PaymentDirection;
  userUid: string;
  /** Canonical decimal string; the DTO turns it into a JSON number. */
  amount: string;
  memo: string;
  metadata: JsonObject;
  fromAddress: string;
  toAddress: string;
  createdAt: Date;
  /** When the developer approved it (A2U payments are created approved). */
  approvedAt: Date | null;
  network: PiNetworkName;
  status: PaymentStatus;
  txid: string | null;
  /** Why the linked transaction does not match the payment; null when it does (or none is linked). */
  mismatch: string | null;
}

/**
 * The single phase a record is in, derived from Pi's flags. The flags stay the stored truth
 * because they are not exclusive (a payment cancelled after approval keeps developer_approved).
 */
export type Phase = 'created' | 'approved' | 'submitted' | 'completed' | 'cancelled' | 'user_cancelled';

export function phaseOf(p: PaymentRecord): Phase {
  if (p.status.developer_completed) return 'completed';
  if (p.status.user_cancelled) return 'user_cancelled';
  if (p.status.cancelled) return 'cancelled';
  if (p.txid) return 'submitted';
  if (p.status.developer_approved) return 'approved';
  return 'created';
}

/** Open: neither completed nor cancelled. */
export const isOpen = (p: PaymentRecord): boolean =>
  ['created', 'approved', 'submitted'].includes(phaseOf(p));
