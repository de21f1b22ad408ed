import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageQuery } from '@pishop/shared';

/**
 * Public list paging: `?page=&pageSize=`, answered as `{items, total, page, pageSize}`.
 * A page size above MAX_PAGE_SIZE is capped (the answer says which size was used);
 * non-numbers, zero and negatives are refused with 400. Extend this DTO for a list's
 * own filters.
 */
export class PageQueryDto implements PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  @JSONSchema({ description: 'Page number, from 1', default: 1 })
  page?: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @JSONSchema({ description: `Items per page, capped at ${MAX_PAGE_SIZE}`, default: DEFAULT_PAGE_SIZE })
  pageSize?: number = DEFAULT_PAGE_SIZE;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  offset: number;
}

export function pageWindow(query: PageQuery): PageWindow {
  const page = query.page ?? 1;
  const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}

/** JSON schema of a `Page<item>` answer, for route `response` schemas and OpenAPI. */
export function pageSchema(item: Record<string, unknown>, title?: string): Record<string, unknown> {
  return {
    type: 'object',
    ...(title && { title }),
    required: ['items', 'total', 'page', 'pageSize'],
    properties: {
      items: { type: 'array', items: item },
      total: { type: 'integer', description: 'Items matching the query, over all pages' },
      page: { type: 'integer' },
      pageSize: { type: 'integer', description: `The size used (at most ${MAX_PAGE_SIZE})` },
    },
  };
}
