import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { useThreads } from '../api/inbox';

export function InboxPage() {
  const threads = useThreads();
  return (
    <>
      <h1 className="h3 mb-3">Messages</h1>
      <QueryState query={threads}>
        {(data) =>
          data.items.length === 0 ? (
            <p>No conversations yet: each order opens one.</p>
          ) : (
            <ul className="list-group">
              {data.items.map((t) => (
                <li key={t.id} className="list-group-item d-flex justify-content-between align-items-center gap-2 position-relative">
                  <span className="min-w-0">
                    <Link to={`/inbox/${t.id}`} className="stretched-link fw-semibold">Order {t.orderNumber}</Link>
                    <span className="d-block text-body-secondary text-truncate">{t.lastMessagePreview}</span>
                  </span>
                  {t.unread > 0 && <span className="badge text-bg-primary" aria-label={`${t.unread} unread`}>{t.unread}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
