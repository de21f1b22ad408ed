import { useState } from 'react';
import { HtmlContent } from '../../../components/html-content';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { MediaPreview } from '../../../components/media-preview';
import { useProjects } from '../api/content';

export function ProjectsPage() {
  const [page, setPage] = useState(1);
  const projects = useProjects(page);
  const goTo = (p: number) => {
    setPage(p);
    window.scrollTo?.({ top: 0 });
  };
  return (
    <>
      <h1 className="h3 mb-3">Projects</h1>
      <QueryState query={projects}>
        {(data) =>
          data.items.length === 0 ? (
            <p>No projects are shown yet.</p>
          ) : (
            <>
              <div className="row g-4">
                {data.items.map((p) => (
                  <div className="col-md-6" key={p.id}>
                    <div className="card h-100 shadow-sm">
                      <MediaPreview title={p.title} previewUrl={p.previewUrl} imageUrl={p.imageUrl} className="card-img-top card-media" width={640} height={360} lazy />
                      <div className="card-body">
                        <h2 className="h5">{p.title}</h2>
                        <HtmlContent html={p.descriptionHtml} />
                        {p.link && (
                          <a href={p.link} rel="noopener noreferrer" target="_blank" className="d-inline-block py-2">
                            Visit {p.title}
                          </a>
                        )}
                      </div>
                    </div>
                  </div>
                ))}
              </div>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={goTo} />
            </>
          )
        }
      </QueryState>
    </>
  );
}
