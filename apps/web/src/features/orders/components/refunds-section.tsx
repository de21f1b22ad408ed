import type { RefundSummary } from '@pishop/shared';
import { formatPi } from '../../../lib/format';

const label: Record<RefundSummary['status'], string> = {
  pending: 'on its way',
  submitted: 'on its way',
  completed: 'refunded',
  failed: 'not sent',
};
const tone: Record<RefundSummary['status'], string> = { pending: 'warning', submitted: 'info', completed: 'success', failed: 'secondary' };

/** π the studio sent back (from the order or receipt API data); nothing when there is none. */
export function RefundsSection({ refunds }: { refunds: RefundSummary[] | undefined }) {
  if (!refunds?.length) return null;
  return (
    <section aria-labelledby="refunds-heading" className="mt-4">
      <h2 id="refunds-heading" className="h5">Refunds</h2>
      <table className="table table-sm table-stack">
        <thead><tr><th>Status</th><th>Amount</th><th>Reason</th><th>Transaction</th></tr></thead>
        <tbody>
          {refunds.map((r) => (
            <tr key={r.id} data-testid="refund">
              <td data-label="Status"><span className={`badge text-bg-${tone[r.status]}`}>{label[r.status]}</span></td>
              <td data-label="Amount">{formatPi(r.amountPi)}</td>
              <td data-label="Reason">{r.reason}</td>
              <td data-label="Transaction"><code className="text-break">{r.txid ?? '—'}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
