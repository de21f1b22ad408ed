import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { formatEur, formatPi } from '../../../lib/format';
import { useOrder } from '../api/orders';
import { OrderActions } from './order-actions';
import { RefundsSection } from './refunds-section';
import { StatusBadge } from './status-badge';

export function OrderPage() {
  const { number = '' } = useParams();
  const order = useOrder(number);
  return (
    <QueryState query={order} page>
      {(o) => (
        <>
          <h1 className="h3">
            Order {o.number} <StatusBadge status={o.status} />
          </h1>
          <p className="text-muted">Placed {new Date(o.createdAt).toLocaleString()}</p>
          <ul>
            {o.items.map((i) => (
              <li key={i.serviceSlug}>
                {i.title}: {formatEur(i.priceEurCents)} · {formatPi(i.pricePi)}
              </li>
            ))}
          </ul>
          <p>
            Total <strong>{formatEur(o.totalEurCents)}</strong> = <strong>{formatPi(o.totalPi)}</strong> at {o.eurPerPi} EUR per π
          </p>
          <OrderActions order={o} />
          <h2 className="h5 mt-4">Payments</h2>
          {o.payments.length === 0 ? (
            <p>No payment yet.</p>
          ) : (
            <table className="table table-sm table-stack">
              <thead><tr><th>Status</th><th>Amount</th><th>Pi payment</th><th>Transaction</th><th><span className="visually-hidden">Receipt</span></th></tr></thead>
              <tbody>
                {o.payments.map((p) => (
                  <tr key={p.id} data-testid="payment">
                    <td data-label="Status"><StatusBadge status={p.status} /></td>
                    <td data-label="Amount">{formatPi(p.amountPi)}</td>
                    <td data-label="Pi payment"><code className="text-break">{p.piPaymentId ?? '—'}</code></td>
                    <td data-label="Transaction"><code className="text-break">{p.txid ?? '—'}</code></td>
                    <td><Link to={`/payments/${p.id}`} className="d-inline-block py-2">Receipt</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <RefundsSection refunds={o.refunds} />
          {o.threadId && <Link to={`/inbox/${o.threadId}`} className="btn btn-outline-primary btn-lg mt-3">Messages about this order</Link>}
        </>
      )}
    </QueryState>
  );
}
