import { Link } from 'react-router-dom';
import { errorMessage } from '../../../lib/api-client';
import { formatEur, formatPi } from '../../../lib/format';
import { useServices } from '../api/get-services';

export function ServiceList() {
  const services = useServices();
  if (services.isPending) return <p className="text-muted">Loading services…</p>;
  if (services.isError) return <div className="alert alert-danger">{errorMessage(services.error)}</div>;
  if (services.data.items.length === 0) return <p>No services are on offer right now.</p>;
  return (
    <div className="row g-4">
      {services.data.items.map((s) => (
        <div className="col-md-4" key={s.id}>
          <div className="card h-100">
            <div className="card-body">
              <h2 className="h5 card-title">
                <Link to={`/services/${s.slug}`}>{s.title}</Link>
              </h2>
              <p className="card-text">{s.summary}</p>
            </div>
            <div className="card-footer">
              {formatEur(s.priceEurCents)} · ≈ {formatPi(s.pricePi)}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
