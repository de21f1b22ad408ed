/**
 * The ra-data-simple-rest protocol (react-admin's REST client), in one reusable place.
 *
 *   GET /admin/<resource>?sort=["title","ASC"]&range=[0,24]&filter={"q":"pi","active":true}
 *   → 200, JSON array of records, header `Content-Range: <resource> 0-24/319`
 *
 * - `sort`: `[field, "ASC"|"DESC"]`; the field must be in the resource's `sortable` map.
 * - `range`: `[start, end]`, inclusive, 0-based; capped at MAX_ADMIN_RANGE (1,000) rows
 *   (the Content-Range then tells the rows actually sent). Without `range`, the first
 *   1,000 rows (ra-data-simple-rest's getMany sends only `filter={"id":[...]}`).
 * - `filter`: a JSON object whose keys must all be declared in the resource's `filters`:
 *   text search (`q`), booleans, integers or integer lists (`id` for getMany, `serviceId`
 *   for getManyReference), strings (optionally from a fixed set), dates (`<field>_gte`,
 *   `<field>_lte`; a date without time in `_lte` includes that whole day).
 * - Malformed JSON, unknown sort fields or filters, and values of the wrong type answer 400
 *   with `errors: {sort|range|filter: message}`.
 * - An empty page answers `Content-Range: <resource> *\/<total>` (a star for the empty window).
 *
 * Usage: declare a `SimpleRestSpec`, let the routes call `parseListParams(request.query,
 * spec)`, let the service run `fetchList(queryBuilder, params)`, and answer with
 * `sendList(reply, spec.resource, result)`. `simple-rest-routes.ts` wires all of that
 * (plus GET one / POST / PUT / DELETE) for a resource.
 */
import type { FastifyReply } from 'fastify';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { MAX_ADMIN_RANGE } from '@pishop/shared';
import { validationFailed } from './app-error';

export type SortOrder = 'ASC' | 'DESC';

/** How one filter key applies to the query. Columns are query-builder paths like `s.title`. */
export type FilterDef =
  /** Case-insensitive "contains" over several columns (SQL LIKE, wildcards escaped). */
  | { type: 'search'; columns: string[] }
  | { type: 'boolean'; column: string }
  /** `eq` (default) takes a number or a list of numbers (IN); `gte`/`lte` take one number. */
  | { type: 'int'; column: string; op?: 'eq' | 'gte' | 'lte' }
  /** Equality with a string or a list of strings; `values` restricts what is accepted. */
  | { type: 'string'; column: string; values?: readonly string[] }
  /** ISO date or date-time bound, inclusive. */
  | { type: 'date'; column: string; op: 'gte' | 'lte' };

export interface SimpleRestSpec {
  /** Resource name in the URL and in `Content-Range`. */
  resource: string;
  /** Sort field as the client names it → query-builder column path. */
  sortable: Record<string, string>;
  defaultSort: [field: string, order: SortOrder];
  filters: Record<string, FilterDef>;
  /** Appended to every order so pages are stable (default: the `id` sort column). */
  tieBreaker?: string;
}

export interface AppliedFilter {
  key: string;
  def: FilterDef;
  value: string | number | boolean | Date | number[] | string[];
}

export interface ListParams {
  sort: { field: string; column: string; order: SortOrder };
  /** Inclusive row window, already capped. */
  start: number;
  end: number;
  filters: AppliedFilter[];
  tieBreaker?: string;
}

export interface ListResult<T> {
  rows: T[];
  total: number;
  start: number;
}

export interface SimpleRestQuery {
  sort?: string;
  range?: string;
  filter?: string;
}

/** JSON schema of the three query params, for route schemas and OpenAPI. */
export const simpleRestQuerySchema = {
  type: 'object',
  properties: {
    sort: { type: 'string', description: 'JSON `[field, "ASC"|"DESC"]`, e.g. `["title","ASC"]`' },
    range: { type: 'string', description: `JSON \`[start, end]\` (inclusive, 0-based), at most ${MAX_ADMIN_RANGE} rows, e.g. \`[0,24]\`` },
    filter: { type: 'string', description: 'JSON object of filters, e.g. `{"q":"pi","id":[1,2]}`' },
  },
} as const;

/** Parses and validates `sort`, `range` and `filter`; throws a 400 naming the bad param. */
export function parseListParams(query: SimpleRestQuery, spec: SimpleRestSpec): ListParams {
  const sort = parseSort(query.sort, spec);
  const { start, end } = parseRange(query.range);
  const filters = parseFilter(query.filter, spec);
  return { sort, start, end, filters, tieBreaker: spec.tieBreaker ?? spec.sortable.id };
}

function parseJson(param: 'sort' | 'range' | 'filter', raw: string, example: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw validationFailed({ [param]: `must be JSON like ${example}` });
  }
}

function parseSort(raw: string | undefined, spec: SimpleRestSpec): ListParams['sort'] {
  const [defaultField, defaultOrder] = spec.defaultSort;
  if (raw === undefined || raw === '') return { field: defaultField, column: spec.sortable[defaultField], order: defaultOrder };
  const value = parseJson('sort', raw, '["title","ASC"]');
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw validationFailed({ sort: 'must be a JSON array [field, "ASC"|"DESC"]' });
  }
  const [field, rawOrder] = value as [string, string];
  const order = rawOrder.toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') throw validationFailed({ sort: 'order must be "ASC" or "DESC"' });
  if (!Object.hasOwn(spec.sortable, field)) {
    throw validationFailed({ sort: `cannot sort by "${field}"; use one of ${Object.keys(spec.sortable).join(', ')}` });
  }
  return { field, column: spec.sortable[field], order };
}

function parseRange(raw: string | undefined): { start: number; end: number } {
  if (raw === undefined || raw === '') return { start: 0, end: MAX_ADMIN_RANGE - 1 };
  const value = parseJson('range', raw, '[0,24]');
  if (
    !Array.isArray(value) || value.length !== 2 ||
    !value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0) ||
    (value[0] as number) > (value[1] as number)
  ) {
    throw validationFailed({ range: 'must be a JSON array [start, end] of whole numbers with 0 ≤ start ≤ end' });
  }
  const [start, end] = value as [number, number];
  return { start, end: Math.min(end, start + MAX_ADMIN_RANGE - 1) };
}

function parseFilter(raw: string | undefined, spec: SimpleRestSpec): AppliedFilter[] {
  if (raw === undefined || raw === '') return [];
  const value = parseJson('filter', raw, '{"q":"text"}');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw validationFailed({ filter: 'must be a JSON object' });
  }
  const out: AppliedFilter[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!Object.hasOwn(spec.filters, key)) {
      throw validationFailed({ filter: `unknown filter "${key}"; use ${Object.keys(spec.filters).join(', ')}` });
    }
    if (v === null || v === undefined) continue; // a cleared input
    const def = spec.filters[key];
    out.push({ key, def, value: normaliseFilterValue(key, def, v) });
  }
  return out;
}

function normaliseFilterValue(key: string, def: FilterDef, v: unknown): AppliedFilter['value'] {
  const bad = (what: string) => validationFailed({ filter: `"${key}" ${what}` });
  switch (def.type) {
    case 'search':
      if (typeof v !== 'string' && typeof v !== 'number') throw bad('must be text');
      if (String(v).length > 200) throw bad('is too long (200 characters at most)');
      return String(v).trim();
    case 'boolean':
      if (v === true || v === 'true') return true;
      if (v === false || v === 'false') return false;
      throw bad('must be true or false');
    case 'int': {
      const toInt = (x: unknown) => {
        const n = typeof x === 'string' && /^-?\d+$/.test(x.trim()) ? Number(x) : x;
        if (!Number.isSafeInteger(n)) throw bad('must be a whole number' + ((def.op ?? 'eq') === 'eq' ? ' or a list of them' : ''));
        return n as number;
      };
      if (Array.isArray(v)) {
        if ((def.op ?? 'eq') !== 'eq') throw bad('must be a single number');
        if (v.length > MAX_ADMIN_RANGE) throw bad(`lists at most ${MAX_ADMIN_RANGE} values`);
        return v.map(toInt);
      }
      return toInt(v);
    }
    case 'string': {
      const check = (x: unknown) => {
        if (typeof x !== 'string') throw bad('must be text');
        if (def.values && !def.values.includes(x)) throw bad(`must be one of ${def.values.join(', ')}`);
        return x;
      };
      if (Array.isArray(v)) {
        if (v.length > MAX_ADMIN_RANGE) throw bad(`lists at most ${MAX_ADMIN_RANGE} values`);
        return v.map(check);
      }
      return check(v);
    }
    case 'date': {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim())) {
        throw bad('must be a date like 2025-01-31 or an ISO date-time');
      }
      const text = v.trim();
      const dateOnly = text.length === 10;
      const date = new Date(dateOnly ? `${text}T00:00:00.000Z` : text);
      if (Number.isNaN(date.getTime())) throw bad('is not a valid date');
      // "up to 2025-01-31" means the whole of that day (until 23:59:59.999 UTC).
      if (dateOnly && def.op === 'lte') date.setTime(date.getTime() + 86_400_000 - 1);
      return date;
    }
  }
}

/** Escapes LIKE wildcards; the pattern is used with `ESCAPE '!'` (valid on SQLite and MySQL). */
export function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** Applies filters, order and the row window to a query builder. */
export function applyListParams<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, params: ListParams): SelectQueryBuilder<T> {
  applyFilters(qb, params.filters);
  qb.orderBy(params.sort.column, params.sort.order);
  if (params.tieBreaker && params.tieBreaker !== params.sort.column) qb.addOrderBy(params.tieBreaker, params.sort.order);
  return qb.offset(params.start).limit(params.end - params.start + 1);
}

export function applyFilters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, filters: AppliedFilter[]): SelectQueryBuilder<T> {
  filters.forEach(({ def, value }, i) => {
    const p = `srf${i}`;
    switch (def.type) {
      case 'search':
        if (value === '') return;
        qb.andWhere(`(${def.columns.map((c) => `${c} LIKE :${p} ESCAPE '!'`).join(' OR ')})`, { [p]: likeContains(value as string) });
        return;
      case 'boolean':
        qb.andWhere(`${def.column} = :${p}`, { [p]: value });
        return;
      case 'int':
      case 'string':
        if (Array.isArray(value)) {
          if (value.length === 0) qb.andWhere('1 = 0');
          else qb.andWhere(`${def.column} IN (:...${p})`, { [p]: value });
          return;
        }
        qb.andWhere(`${def.column} ${def.type === 'int' && def.op === 'gte' ? '>=' : def.type === 'int' && def.op === 'lte' ? '<=' : '='} :${p}`, { [p]: value });
        return;
      case 'date':
        qb.andWhere(`${def.column} ${def.op === 'gte' ? '>=' : '<='} :${p}`, { [p]: value });
        return;
    }
  });
  return qb;
}

/** Runs the query for one page and the total count. */
export async function fetchList<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, params: ListParams): Promise<ListResult<T>> {
  const [rows, total] = await applyListParams(qb, params).getManyAndCount();
  return { rows, total, start: params.start };
}

/** `services 0-9/23`, or `services *\/23` when the page is empty. */
export function contentRange(resource: string, start: number, count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${start}-${start + count - 1}/${total}`;
}

/** Sets Content-Range (and no caching) and returns the rows to send. */
export function sendList<T>(reply: FastifyReply, resource: string, result: ListResult<T>): T[] {
  reply.header('Content-Range', contentRange(resource, result.start, result.rows.length, result.total));
  reply.header('Cache-Control', 'private, no-store');
  return result.rows;
}
