/** Content contracts: blog posts, portfolio projects, legal pages and the home page. */
import type { PageQuery } from './pagination';
import type { ServiceSummary } from './catalog';

export const POST_SORTS = ['newest', 'oldest', 'title'] as const;
export type PostSort = (typeof POST_SORTS)[number];

export const PROJECT_SORTS = ['position', 'newest', 'title'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface PostListQuery extends PageQuery {
  q?: string;
  sort?: PostSort;
}

export interface ProjectListQuery extends PageQuery {
  q?: string;
  sort?: ProjectSort;
}

export interface PostSummary {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  imageUrl: string | null;
  publishedAt: string;
}

export interface PostDetail extends PostSummary {
  /** The body rendered from Markdown and sanitised. */
  bodyHtml: string;
  updatedAt: string;
}

export interface ProjectView {
  id: number;
  slug: string;
  title: string;
  descriptionHtml: string;
  imageUrl: string | null;
  previewUrl: string | null;
  link: string | null;
  position: number;
}

export interface PageView {
  slug: string;
  title: string;
  bodyHtml: string;
  updatedAt: string;
}

export interface HomeCounters {
  services: number;
  projects: number;
  /** 0 until the orders module registers its counter. */
  completedOrders: number;
}

export interface HomeResponse {
  featuredServices: ServiceSummary[];
  latestProjects: ProjectView[];
  latestPosts: PostSummary[];
  counters: HomeCounters;
}

// ---- Admin (ra-data-simple-rest records and inputs) ----

/** Create and update (PUT) bodies: on update a field left out keeps its value; read-only fields are ignored. */
export interface PostInput {
  title: string;
  slug?: string;
  excerpt?: string;
  /** Markdown. */
  body?: string;
  imageMediaId?: number | null;
  published?: boolean;
  /** ISO date-time; set to now when a post is published without one. Future dates stay hidden until then. */
  publishedAt?: string | null;
}

export interface AdminPost {
  id: number;
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  bodyHtml: string;
  imageMediaId: number | null;
  imageUrl: string | null;
  published: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectInput {
  title: string;
  slug?: string;
  /** Markdown. */
  description?: string;
  imageMediaId?: number | null;
  previewMediaId?: number | null;
  /** http(s) URL of the live project. */
  link?: string | null;
  position?: number;
}

export interface AdminProject {
  id: number;
  title: string;
  slug: string;
  description: string;
  descriptionHtml: string;
  imageMediaId: number | null;
  previewMediaId: number | null;
  imageUrl: string | null;
  previewUrl: string | null;
  link: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface PageInput {
  /** e.g. `privacy`, `terms`, `cookies`; made from the title when empty. */
  slug?: string;
  title: string;
  /** Markdown. */
  body?: string;
}

export interface AdminPage {
  id: number;
  slug: string;
  title: string;
  body: string;
  bodyHtml: string;
  createdAt: string;
  updatedAt: string;
}

/** Error codes of the content module (status by suffix: _NOT_FOUND → 404; slugs reuse SLUG_TAKEN → 409). */
export const ContentErrorCodes = {
  POST_NOT_FOUND: 'POST_NOT_FOUND',
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  PAGE_NOT_FOUND: 'PAGE_NOT_FOUND',
} as const;

/** Bulk actions on posts: `clear-image` removes the image of every listed post. */
export const POST_BULK_ACTIONS = ['clear-image'] as const;
export type PostBulkAction = (typeof POST_BULK_ACTIONS)[number];

export interface PostBulkRequest {
  ids: number[];
  action: PostBulkAction;
}
