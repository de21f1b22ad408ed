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
                <li key={t.id} className="list-group-item d-flex justify-content-between">
                  <span>
                    <Link to={`/inbox/${t.id}`}>Order {t.orderNumber}</Link>
                    <span className="text-muted ms-2">{t.lastMessagePreview}</span>
                  </span>
                  {t.unread > 0 && <span className="badge text-bg-primary">{t.unread}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
