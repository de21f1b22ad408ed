import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SERVICE_SORTS, type ServiceSort } from '@pishop/shared';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { ServiceCard } from '../../../components/service-card';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useServices } from '../api/services';

const sortLabels: Record<ServiceSort, string> = {
  position: 'Recommended',
  price: 'Price: low to high',
  '-price': 'Price: high to low',
  newest: 'Newest',
  title: 'Name',
};

const asSort = (value: string | null): ServiceSort => (SERVICE_SORTS as readonly string[]).includes(value ?? '') ? (value as ServiceSort) : 'position';

/** Every service, with a search box and a sort order kept in the URL (shareable, back button works). */
export function ServiceList() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sort = asSort(params.get('sort'));
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim());
  const services = useServices({ page, q, sort });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q: q || undefined, page: undefined });
    // Only a settled search text changes the URL.
  }, [q]);

  return (
    <>
      <h1 className="h3 mb-3">Services</h1>
      <form className="row g-2 mb-4" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="col-sm-7 col-md-8">
          <label htmlFor="service-search" className="visually-hidden">Search services</label>
          <input
            id="service-search"
            type="search"
            className="form-control"
            placeholder="Search services"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="col-sm-5 col-md-4">
          <label htmlFor="service-sort" className="visually-hidden">Sort by</label>
          <select id="service-sort" className="form-select" value={sort} onChange={(e) => update({ sort: e.target.value === 'position' ? undefined : e.target.value, page: undefined })}>
            {SERVICE_SORTS.map((s) => (
              <option key={s} value={s}>{sortLabels[s]}</option>
            ))}
          </select>
        </div>
      </form>
      <QueryState query={services}>
        {(data) =>
          data.items.length === 0 ? (
            <p role="status">{q ? `No service matches “${q}”.` : 'No services are on offer right now.'}</p>
          ) : (
            <>
              <p className="visually-hidden" role="status">{data.total} services</p>
              <div className="row g-4">
                {data.items.map((s) => (
                  <div className="col-sm-6 col-lg-4" key={s.id}>
                    <ServiceCard service={s} />
                  </div>
                ))}
              </div>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => update({ page: p > 1 ? String(p) : undefined })} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
