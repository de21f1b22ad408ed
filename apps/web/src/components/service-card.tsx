import { Link } from 'react-router-dom';
import type { ServiceSummary } from '@pishop/shared';
import { formatEur, formatPi } from '../lib/format';

export function ServiceCard({ service }: { service: ServiceSummary }) {
  return (
    <div className="card h-100">
      {service.imageUrl && <img src={service.imageUrl} className="card-img-top" alt="" loading="lazy" />}
      <div className="card-body">
        <h2 className="h5 card-title">
          <Link to={`/services/${service.slug}`}>{service.title}</Link>
        </h2>
        <p className="card-text">{service.summary}</p>
      </div>
      <div className="card-footer">
        {formatEur(service.priceEurCents)} · ≈ {formatPi(service.pricePi)}
      </div>
    </div>
  );
}
