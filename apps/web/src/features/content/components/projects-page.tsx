import { HtmlContent } from '../../../components/html-content';
import { QueryState } from '../../../components/query-state';
import { useProjects } from '../api/content';

export function ProjectsPage() {
  const projects = useProjects();
  return (
    <>
      <h1 className="h3 mb-3">Projects</h1>
      <QueryState query={projects}>
        {(data) => (
          <div className="row g-4">
            {data.items.map((p) => (
              <div className="col-md-6" key={p.id}>
                <div className="card h-100">
                  {p.previewUrl ? (
                    <video src={p.previewUrl} className="card-img-top" muted loop autoPlay playsInline preload="none" />
                  ) : (
                    p.imageUrl && <img src={p.imageUrl} className="card-img-top" alt="" loading="lazy" />
                  )}
                  <div className="card-body">
                    <h2 className="h5">{p.title}</h2>
                    <HtmlContent html={p.descriptionHtml} />
                    {p.link && <a href={p.link} rel="noopener noreferrer" target="_blank">Visit</a>}
                  </div>
                </div>
              </div>
            ))}
          </div>
        )}
      </QueryState>
    </>
  );
}
