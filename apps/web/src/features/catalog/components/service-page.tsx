import { useParams } from 'react-router-dom';
import { HtmlContent } from '../../../components/html-content';
import { PayWithPi } from '../../../components/pay-with-pi';
import { QueryState } from '../../../components/query-state';
import { formatEur, formatPi } from '../../../lib/format';
import { MediaPreview } from '../../../components/media-preview';
import { useService } from '../api/services';

export function ServicePage() {
  const { slug = '' } = useParams();
  const service = useService(slug);
  return (
    <QueryState query={service} page>
      {(s) => (
        <article className="service-layout">
          <header className="service-head">
            <h1>{s.title}</h1>
            <p className="lead mb-0">{s.summary}</p>
          </header>
          <aside className="service-buy" aria-label="Buy this service">
            <div className="card shadow-sm">
              <div className="card-body">
                <p className="h3 mb-0">{formatEur(s.priceEurCents)}</p>
                <p className="text-body-secondary" data-testid="price-pi">≈ {formatPi(s.pricePi)}</p>
                <PayWithPi target={{ serviceSlug: s.slug }} />
              </div>
            </div>
          </aside>
          <div className="service-body">
            <MediaPreview title={s.title} previewUrl={s.previewUrl} imageUrl={s.imageUrl} className="w-100 rounded mb-3" width={1280} height={720} />
            <HtmlContent html={s.descriptionHtml} />
            {s.features.length > 0 && (
              <>
                <h2 className="h4 mt-4">Included</h2>
                <ul>
                  {s.features.map((f) => (
                    <li key={f.id}>
                      <strong>{f.title}</strong> {f.description}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {s.faqs.length > 0 && (
              <>
                <h2 className="h4 mt-4">Questions</h2>
                {s.faqs.map((f) => (
                  <details key={f.id} className="mb-2">
                    <summary className="py-2">{f.question}</summary>
                    <p className="mt-2">{f.answer}</p>
                  </details>
                ))}
              </>
            )}
          </div>
        </article>
      )}
    </QueryState>
  );
}
