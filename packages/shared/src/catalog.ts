/** Catalog contracts: services with their features and FAQs (public reads and admin records). */
import type { PageQuery } from './pagination';

/** Public list orders: `position` (the seller's order), price up/down, newest first, title. */
export const SERVICE_SORTS = ['position', 'price', '-price', 'newest', 'title'] as const;
export type ServiceSort = (typeof SERVICE_SORTS)[number];

/** Every read that shows a price carries both: EUR cents (integer) and π (decimal string, 7 places). */
export interface Priced {
  priceEurCents: number;
  pricePi: string;
}

export interface ServiceListQuery extends PageQuery {
  q?: string;
  featured?: boolean;
  sort?: ServiceSort;
}

export interface ServiceSummary extends Priced {
  id: number;
  slug: string;
  title: string;
  summary: string;
  featured: boolean;
  /** Resolved by the media module; null while a service has no image (or media is absent). */
  imageUrl: string | null;
  previewUrl: string | null;
}

export interface ServiceFeatureView {
  id: number;
  title: string;
  description: string;
}

export interface ServiceFaqView {
  id: number;
  question: string;
  answer: string;
}

export interface ServiceDetail extends ServiceSummary {
  /** The description rendered from Markdown and sanitised. */
  descriptionHtml: string;
  features: ServiceFeatureView[];
  faqs: ServiceFaqView[];
  updatedAt: string;
}

// ---- Admin (ra-data-simple-rest records and inputs) ----

/**
 * Create and update (PUT) body. On update, a field left out keeps its current value;
 * read-only fields (id, dates, rendered HTML, URLs, pricePi) are ignored.
 */
export interface ServiceInput {
  title: string;
  /** Made from the title when empty; lowercase letters, digits and dashes. */
  slug?: string;
  summary?: string;
  /** Markdown. */
  description?: string;
  priceEurCents: number;
  imageMediaId?: number | null;
  previewMediaId?: number | null;
  active?: boolean;
  featured?: boolean;
  position?: number;
  /**
   * The whole list of features, saved with the service in one transaction: items with an
   * `id` of this service are updated, items without one are created, the service's other
   * features are removed, and the list order becomes their order. Left out: unchanged.
   */
  features?: ServiceFeatureItem[];
  /** The whole list of FAQs, saved like `features`. */
  faqs?: ServiceFaqItem[];
}

/** One feature inside `ServiceInput.features` / `AdminService.features`. */
export interface ServiceFeatureItem {
  id?: number;
  title: string;
  description?: string;
}

/** One FAQ inside `ServiceInput.faqs` / `AdminService.faqs`. */
export interface ServiceFaqItem {
  id?: number;
  question: string;
  answer: string;
}

export interface AdminService extends Priced {
  id: number;
  title: string;
  slug: string;
  summary: string;
  description: string;
  descriptionHtml: string;
  imageMediaId: number | null;
  previewMediaId: number | null;
  imageUrl: string | null;
  previewUrl: string | null;
  active: boolean;
  featured: boolean;
  position: number;
  /** In display order. */
  features: Required<Pick<ServiceFeatureItem, 'id' | 'title' | 'description'>>[];
  faqs: Required<ServiceFaqItem>[];
  createdAt: string;
  updatedAt: string;
}

export interface ServiceFeatureInput {
  serviceId: number;
  title: string;
  description?: string;
  position?: number;
}

export interface AdminServiceFeature {
  id: number;
  serviceId: number;
  title: string;
  description: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceFaqInput {
  serviceId: number;
  question: string;
  answer: string;
  position?: number;
}

export interface AdminServiceFaq {
  id: number;
  serviceId: number;
  question: string;
  answer: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export const SERVICE_BULK_ACTIONS = ['activate', 'deactivate'] as const;
export type ServiceBulkAction = (typeof SERVICE_BULK_ACTIONS)[number];

export interface ServiceBulkRequest {
  ids: number[];
  action: ServiceBulkAction;
}

export interface BulkResult {
  action: string;
  /** The ids that were changed (all that were asked for). */
  ids: number[];
}

/** Admin reorder: the listed records take positions 1..n in the listed order. */
export interface ReorderRequest {
  ids: number[];
}

export interface ReorderResult {
  ids: number[];
}

/** Error codes of the catalog (status by suffix: _NOT_FOUND → 404, _TAKEN → 409). */
export const CatalogErrorCodes = {
  SERVICE_NOT_FOUND: 'SERVICE_NOT_FOUND',
  SERVICE_FEATURE_NOT_FOUND: 'SERVICE_FEATURE_NOT_FOUND',
  SERVICE_FAQ_NOT_FOUND: 'SERVICE_FAQ_NOT_FOUND',
  SLUG_TAKEN: 'SLUG_TAKEN',
} as const;
