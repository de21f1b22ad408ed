import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { MESSAGE_MAX_LENGTH } from '@pishop/shared';
import { QueryState } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { usePostMessage, useThread } from '../api/inbox';

const author = { system: 'Studio (automatic)', admin: 'Studio', customer: 'You' } as const;

export function ThreadPage() {
  const { id = '' } = useParams();
  const thread = useThread(id);
  const post = usePostMessage(id);
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <QueryState query={thread} page>
      {(t) => (
        <>
          <h1 className="h3 mb-3">Order {t.orderNumber}</h1>
          <ol className="list-unstyled">
            {t.messages.map((m) => (
              <li key={m.id} className={`card mb-2 ${m.kind === 'customer' ? 'ms-4 ms-md-5 border-primary-subtle' : 'me-4 me-md-5'}`}>
                <div className="card-body py-2">
                  <div className="small text-body-secondary">{author[m.kind]} · {new Date(m.createdAt).toLocaleString()}</div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{m.body}</div>
                </div>
              </li>
            ))}
          </ol>
          <form onSubmit={submit}>
            {post.error && <div className="alert alert-danger" role="alert">{errorMessage(post.error)}</div>}
            <label htmlFor="message" className="form-label">Your message</label>
            <textarea id="message" className="form-control mb-2" rows={3} maxLength={MESSAGE_MAX_LENGTH} value={body} onChange={(e) => setBody(e.target.value)} />
            <button className="btn btn-primary" disabled={post.isPending || !body.trim()}>Send</button>
          </form>
        </>
      )}
    </QueryState>
  );
}
