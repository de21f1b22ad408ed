import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/api-client';

/** Loading and error states of a query, the same everywhere. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p className="text-muted">Loading…</p>;
  if (query.isError) return <div className="alert alert-danger" role="alert">{errorMessage(query.error)}</div>;
  return <>{children(query.data)}</>;
}
