import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { formatEur, formatPiExact } from '../../../lib/format';
import { useReceipt } from '../api/orders';
import { StatusBadge } from './status-badge';
import { RefundsSection } from './refunds-section';

function CopyValue({ label, value }: { label: string; value: string | null }) {
  const [copied, setCopied] = useState(false);
  if (!value) return null;
  const copy = () => void navigator.clipboard?.writeText(value).then(() => setCopied(true));
  return (
    <div className="mb-2">
      <div className="small text-muted">{label}</div>
      <code className="text-break me-2">{value}</code>
      <button className="btn btn-outline-secondary" onClick={copy} aria-label={`Copy ${label}`}>{copied ? 'Copied' : 'Copy'}</button>
    </div>
  );
}

/** The customer's receipt: what was paid, at which rate, and the IDs to quote to support. */
export function ReceiptPage() {
  const { id } = useParams();
  const receipt = useReceipt(Number(id));
  return (
    <QueryState query={receipt} page>
      {(r) => (
        <div className="mx-auto" style={{ maxWidth: 640 }}>
          <h1 className="h3">
            Payment receipt <StatusBadge status={r.status} />
          </h1>
          <p>
            Order <Link to={`/orders/${r.orderNumber}`}>{r.orderNumber}</Link>
            {r.confirmedAt && <> · confirmed {new Date(r.confirmedAt).toLocaleString()}</>}
          </p>
          <table className="table w-auto">
            <tbody>
              <tr><th>Price</th><td>{formatEur(r.priceEurCents)}</td></tr>
              <tr><th>Rate</th><td>{r.eurPerPi} EUR per π</td></tr>
              <tr><th>Paid</th><td data-testid="paid-exact">{formatPiExact(r.amountPi)}</td></tr>
            </tbody>
          </table>
          <CopyValue label="Pi payment ID" value={r.piPaymentId} />
          <CopyValue label="Blockchain transaction" value={r.txid} />
          <RefundsSection refunds={r.refunds} />
        </div>
      )}
    </QueryState>
  );
}
