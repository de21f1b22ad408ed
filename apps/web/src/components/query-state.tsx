import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AxiosError } from 'axios';
import { errorMessage } from '../lib/api-client';
import { NotFound } from './not-found';

/**
 * Loading and error states of a query, the same everywhere. `page`: the query is the whole
 * page, so a 404 shows the not-found page and other errors get the page's heading.
 */
export function QueryState<T>({ query, children, page = false }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; page?: boolean }) {
  if (query.isPending) return <p className="text-body-secondary" role="status">Loading…</p>;
  if (query.isError) {
    const notFound = query.error instanceof AxiosError && query.error.response?.status === 404;
    if (page && notFound) return <NotFound />;
    const alert = <div className="alert alert-danger" role="alert">{errorMessage(query.error)}</div>;
    return page ? (
      <>
        <h1 className="h3">This page could not be loaded</h1>
        {alert}
      </>
    ) : alert;
  }
  return <>{children(query.data)}</>;
}
