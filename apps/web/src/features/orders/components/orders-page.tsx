import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { formatEur, formatPi } from '../../../lib/format';
import { useOrders } from '../api/orders';
import { StatusBadge } from './status-badge';

export function OrdersPage() {
  const [page, setPage] = useState(1);
  const orders = useOrders(page);
  return (
    <>
      <h1 className="h3 mb-3">Your orders</h1>
      <QueryState query={orders}>
        {(data) =>
          data.items.length === 0 ? (
            <p>
              No orders yet. <Link to="/services">Browse services</Link>
            </p>
          ) : (
            <>
              <table className="table table-stack">
                <thead>
                  <tr><th>Order</th><th>Service</th><th>Total</th><th>Status</th></tr>
                </thead>
                <tbody>
                  {data.items.map((o) => (
                    <tr key={o.number} data-testid="order">
                      <td data-label="Order"><Link to={`/orders/${o.number}`} className="d-inline-block py-2">{o.number}</Link></td>
                      <td data-label="Service">{o.items.map((i) => i.title).join(', ')}</td>
                      <td data-label="Total">{formatEur(o.totalEurCents)} · {formatPi(o.totalPi)}</td>
                      <td data-label="Status"><StatusBadge status={o.status} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
