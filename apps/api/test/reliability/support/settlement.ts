import { Payment, PaymentEvent } from '../../../src/modules/payments/payment.entity';
import type { World } from '../../payments/world';
import { dbState } from '../../payments/world';

export interface Settlement {
  /** Pi completed it (or holds a verified transaction) and it is not confirmed here. */
  lost: string[];
  /** More than one confirmation recorded for one payment. */
  doubled: string[];
  /** Paid orders without exactly one paid system message, or confirmed payments on unpaid orders left unflagged. */
  inconsistent: string[];
}

/** What Pi and our database say about these payments, once everything has settled. */
export async function settlement(w: World, piPaymentIds: string[]): Promise<Settlement> {
  const out: Settlement = { lost: [], doubled: [], inconsistent: [] };
  for (const id of piPaymentIds) {
    const pi = await w.pi.getPayment(id);
    const payment = await w.t.ds.getRepository(Payment).findOneByOrFail({ piPaymentId: id });
    const confirmations = await w.t.ds.getRepository(PaymentEvent).countBy({ piPaymentId: id, statusAfter: 'confirmed', outcome: 'applied' });
    const signed = pi.transaction?.verified && !pi.status.cancelled && !pi.status.user_cancelled;
    if ((pi.status.developer_completed && payment.status !== 'confirmed') || (signed && !pi.status.developer_completed)) out.lost.push(id);
    if (confirmations > 1) out.doubled.push(id);
    const s = await dbState(w, payment.orderNumber);
    const paidMessages = s.systemMessages.filter((m) => !m.body.startsWith('This order was cancelled')).length;
    if (s.order.status === 'paid' ? paidMessages !== 1 || payment.status !== 'confirmed' : paidMessages !== 0 || (payment.status === 'confirmed' && !payment.flagged)) out.inconsistent.push(id);
  }
  return out;
}
