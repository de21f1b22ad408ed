import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { ServiceCard } from '../../../components/service-card';
import { useHome } from '../api/content';

export function HomePage() {
  const home = useHome();
  return (
    <>
      <section className="py-4">
        <h1 className="display-6">Software services, paid in π</h1>
        <p className="lead">Fixed prices, clear scope, and a direct line to the studio for every order.</p>
      </section>
      <QueryState query={home}>
        {(h) => (
          <>
            <div className="row text-center my-3" aria-label="Studio in numbers">
              <Stat label="services" value={h.counters.services} />
              <Stat label="projects" value={h.counters.projects} />
              <Stat label="orders completed" value={h.counters.completedOrders} />
            </div>
            <h2 className="h4 mt-4">Featured services</h2>
            <div className="row g-4">
              {h.featuredServices.map((s) => (
                <div className="col-md-4" key={s.id}>
                  <ServiceCard service={s} />
                </div>
              ))}
            </div>
            <div className="row mt-5">
              <div className="col-md-6">
                <h2 className="h4">Latest projects</h2>
                <ul>{h.latestProjects.map((p) => <li key={p.id}><Link to="/projects">{p.title}</Link></li>)}</ul>
              </div>
              <div className="col-md-6">
                <h2 className="h4">From the blog</h2>
                <ul>{h.latestPosts.map((p) => <li key={p.id}><Link to={`/blog/${p.slug}`}>{p.title}</Link></li>)}</ul>
              </div>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="col">
      <div className="h2 mb-0">{value}</div>
      <div className="text-muted">{label}</div>
    </div>
  );
}
