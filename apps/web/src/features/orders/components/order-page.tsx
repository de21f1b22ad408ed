import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { formatEur, formatPi } from '../../../lib/format';
import { useOrder } from '../api/orders';
import { StatusBadge } from './status-badge';
import { RefundsSection } from './refunds-section';

export function OrderPage() {
  const { number = '' } = useParams();
  const order = useOrder(number);
  return (
    <QueryState query={order}>
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
          <h2 className="h5 mt-4">Payments</h2>
          {o.payments.length === 0 ? (
            <p>No payment yet.</p>
          ) : (
            <table className="table table-sm">
              <thead><tr><th>Status</th><th>Amount</th><th>Pi payment</th><th>Transaction</th><th /></tr></thead>
              <tbody>
                {o.payments.map((p) => (
                  <tr key={p.id}>
                    <td><StatusBadge status={p.status} /></td>
                    <td>{formatPi(p.amountPi)}</td>
                    <td><code>{p.piPaymentId ?? '—'}</code></td>
                    <td><code className="text-break">{p.txid ?? '—'}</code></td>
                    <td><Link to={`/payments/${p.id}`}>Receipt</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <RefundsSection refunds={o.refunds} />
          {o.threadId && <Link to={`/inbox/${o.threadId}`} className="btn btn-outline-primary">Messages about this order</Link>}
        </>
      )}
    </QueryState>
  );
}
