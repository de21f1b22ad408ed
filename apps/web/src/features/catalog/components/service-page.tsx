import { useParams } from 'react-router-dom';
import { HtmlContent } from '../../../components/html-content';
import { QueryState } from '../../../components/query-state';
import { formatEur, formatPi } from '../../../lib/format';
import { PayWithPi } from '../../../components/pay-with-pi';
import { useService } from '../api/services';

export function ServicePage() {
  const { slug = '' } = useParams();
  const service = useService(slug);
  return (
    <QueryState query={service}>
      {(s) => (
        <article className="row g-4">
          <div className="col-lg-8">
            <h1>{s.title}</h1>
            <p className="lead">{s.summary}</p>
            {s.previewUrl ? (
              <video src={s.previewUrl} className="w-100 rounded mb-3" muted loop autoPlay playsInline preload="none" />
            ) : (
              s.imageUrl && <img src={s.imageUrl} className="w-100 rounded mb-3" alt="" />
            )}
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
                    <summary>{f.question}</summary>
                    <p className="mt-2">{f.answer}</p>
                  </details>
                ))}
              </>
            )}
          </div>
          <aside className="col-lg-4">
            <div className="card">
              <div className="card-body">
                <p className="h3 mb-0">{formatEur(s.priceEurCents)}</p>
                <p className="text-muted" data-testid="price-pi">≈ {formatPi(s.pricePi)}</p>
                <PayWithPi target={{ serviceSlug: s.slug }} />
              </div>
            </div>
          </aside>
        </article>
      )}
    </QueryState>
  );
}
