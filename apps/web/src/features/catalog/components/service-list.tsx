import { useState } from 'react';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { useServices } from '../api/services';
import { ServiceCard } from '../../../components/service-card';

export function ServiceList() {
  const [page, setPage] = useState(1);
  const services = useServices(page);
  return (
    <QueryState query={services}>
      {(data) =>
        data.items.length === 0 ? (
          <p>No services are on offer right now.</p>
        ) : (
          <>
            <div className="row g-4">
              {data.items.map((s) => (
                <div className="col-md-4" key={s.id}>
                  <ServiceCard service={s} />
                </div>
              ))}
            </div>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
          </>
        )
      }
    </QueryState>
  );
}
