/** Every public list pages on the server; no endpoint returns an unbounded list. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** ra-data-simple-rest asks for up to 1,000 rows (the console's export). */
export const MAX_ADMIN_RANGE = 1000;

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
