import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { ServiceCard } from '../../../components/service-card';
import { formatCount } from '../../../lib/format';
import { useCountUp } from '../../../lib/use-count-up';
import { useHome } from '../api/content';

export function HomePage() {
  const home = useHome();
  return (
    <>
      <section className="hero mb-4" aria-labelledby="hero-title">
        <h1 id="hero-title" className="fw-bold">Software services, paid in π</h1>
        <p className="lead">Fixed prices, clear scope, and a direct line to the studio for every order.</p>
        <div className="d-flex flex-wrap gap-2">
          <Link to="/services" className="btn btn-light btn-lg">Browse services</Link>
          <Link to="/projects" className="btn btn-outline-light btn-lg">See our work</Link>
        </div>
      </section>
      <QueryState query={home}>
        {(h) => (
          <>
            <dl className="row text-center my-4 g-3" aria-label="Studio in numbers">
              <Stat label="services" value={h.counters.services} />
              <Stat label="projects" value={h.counters.projects} />
              <Stat label="orders completed" value={h.counters.completedOrders} />
            </dl>
            <h2 className="h4 mt-4">Featured services</h2>
            {h.featuredServices.length === 0 ? (
              <p>No services are featured yet. <Link to="/services">See every service</Link></p>
            ) : (
              <div className="row g-4">
                {h.featuredServices.map((s) => (
                  <div className="col-sm-6 col-lg-4" key={s.id}>
                    <ServiceCard service={s} headingLevel={3} />
                  </div>
                ))}
              </div>
            )}
            <div className="row mt-5 g-4">
              <div className="col-md-6">
                <h2 className="h4">Latest projects</h2>
                {h.latestProjects.length === 0 ? <p>Nothing here yet.</p> : (
                  <ul className="list-unstyled">{h.latestProjects.map((p) => <li key={p.id}><Link to="/projects" className="d-inline-block py-2">{p.title}</Link></li>)}</ul>
                )}
              </div>
              <div className="col-md-6">
                <h2 className="h4">From the blog</h2>
                {h.latestPosts.length === 0 ? <p>Nothing here yet.</p> : (
                  <ul className="list-unstyled">{h.latestPosts.map((p) => <li key={p.id}><Link to={`/blog/${p.slug}`} className="d-inline-block py-2">{p.title}</Link></li>)}</ul>
                )}
              </div>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  const shown = useCountUp(value);
  return (
    <div className="col-4 d-flex flex-column-reverse">
      <dt className="fw-normal text-body-secondary">{label}</dt>
      <dd className="h2 mb-0 stat-figure" aria-live="off">
        <span aria-hidden="true">{formatCount(shown)}</span>
        <span className="visually-hidden">{formatCount(value)}</span>
      </dd>
    </div>
  );
}
