import { HtmlContent } from '../../../components/html-content';
import { QueryState } from '../../../components/query-state';
import { useLegalPage } from '../api/content';

export function LegalPage({ slug }: { slug: string }) {
  const page = useLegalPage(slug);
  return (
    <QueryState query={page} page>
      {(p) => (
        <article>
          <h1>{p.title}</h1>
          <HtmlContent html={p.bodyHtml} />
        </article>
      )}
    </QueryState>
  );
}
