import { Link } from 'react-router-dom';
import type { ServiceSummary } from '@pishop/shared';
import { formatEur, formatPi } from '../lib/format';

/** A service in a grid: preview, title, summary, price in EUR and π; the whole card is the link. */
export function ServiceCard({ service, headingLevel = 2 }: { service: ServiceSummary; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="card h-100 shadow-sm has-stretched-link" data-testid="service-card">
      {service.imageUrl ? (
        <img src={service.imageUrl} className="card-img-top card-media" alt="" loading="lazy" decoding="async" width={640} height={360} />
      ) : (
        <div className="card-img-top card-media d-flex align-items-center justify-content-center display-6 text-body-secondary" aria-hidden="true">π</div>
      )}
      <div className="card-body">
        <Heading className="h5 card-title">
          <Link to={`/services/${service.slug}`}>{service.title}</Link>
        </Heading>
        <p className="card-text">{service.summary}</p>
      </div>
      <div className="card-footer d-flex flex-wrap justify-content-between gap-1">
        <strong>{formatEur(service.priceEurCents)}</strong>
        <span className="text-body-secondary">≈ {formatPi(service.pricePi)}</span>
      </div>
    </div>
  );
}
