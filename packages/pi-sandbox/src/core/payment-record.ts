import type { JsonObject, PiPayment } from '../types';

/** A payment as the sandbox stores it: the DTO minus anything that depends on the reader. */
export interface PaymentRecord {
  identifier: string;
  userUid: string;
  /** Canonical decimal string; the DTO turns it into a JSON number. */
  amount: string;
  memo: string;
  metadata: JsonObject;
  fromAddress: string;
  toAddress: string;
  createdAt: Date;
  network: string;
  status: PiPayment['status'];
  txid: string | null;
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

/** Open: neither completed nor cancelled; Pi allows one open payment with a transaction. */
export const isOpen = (p: PaymentRecord): boolean =>
  ['created', 'approved', 'submitted'].includes(phaseOf(p));
