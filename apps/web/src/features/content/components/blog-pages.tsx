import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { HtmlContent } from '../../../components/html-content';
import { Pager } from '../../../components/pager';
import { QueryState } from '../../../components/query-state';
import { usePost, usePosts } from '../api/content';

export function BlogPage() {
  const [page, setPage] = useState(1);
  const posts = usePosts(page);
  return (
    <>
      <h1 className="h3 mb-3">Blog</h1>
      <QueryState query={posts}>
        {(data) => (
          <>
            {data.items.map((p) => (
              <article key={p.id} className="mb-4">
                <h2 className="h5"><Link to={`/blog/${p.slug}`}>{p.title}</Link></h2>
                <p className="text-muted small">{new Date(p.publishedAt).toLocaleDateString()}</p>
                <p>{p.excerpt}</p>
              </article>
            ))}
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}

export function PostPage() {
  const { slug = '' } = useParams();
  const post = usePost(slug);
  return (
    <QueryState query={post} page>
      {(p) => (
        <article>
          <h1>{p.title}</h1>
          <p className="text-muted">{new Date(p.publishedAt).toLocaleDateString()}</p>
          {p.imageUrl && <img src={p.imageUrl} alt="" className="img-fluid rounded mb-3" />}
          <HtmlContent html={p.bodyHtml} />
        </article>
      )}
    </QueryState>
  );
}
