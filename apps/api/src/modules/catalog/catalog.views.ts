import type {
  AdminService, AdminServiceFaq, AdminServiceFeature, ServiceDetail, ServiceSummary,
} from '@pishop/shared';
import { renderMarkdown } from '../../lib/markdown';
import { imageUrlOf, previewUrlOf, type MediaUrls } from '../../lib/media-urls';
import { eurCentsToPi } from './pricing';
import type { Service, ServiceFaq, ServiceFeature } from './catalog.entity';

/** What every read model needs besides the row: today's rate and the resolved media. */
export interface ViewContext {
  eurPerPi: string;
  media: Map<number, MediaUrls>;
}

export const mediaIdsOf = (services: Service[]) => services.flatMap((s) => [s.imageMediaId, s.previewMediaId]);

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function serviceSummary(s: Service, ctx: ViewContext): ServiceSummary {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    summary: s.summary,
    featured: s.featured,
    priceEurCents: s.priceEurCents,
    pricePi: eurCentsToPi(s.priceEurCents, ctx.eurPerPi),
    imageUrl: imageUrlOf(ctx.media, s.imageMediaId),
    previewUrl: previewUrlOf(ctx.media, s.previewMediaId),
  };
}

export function serviceDetail(s: Service, features: ServiceFeature[], faqs: ServiceFaq[], ctx: ViewContext): ServiceDetail {
  return {
    ...serviceSummary(s, ctx),
    descriptionHtml: renderMarkdown(s.description),
    features: features.map((f) => ({ id: f.id, title: f.title, description: f.description })),
    faqs: faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer })),
    updatedAt: iso(s.updatedAt),
  };
}

export function adminService(s: Service, ctx: ViewContext, features: ServiceFeature[] = [], faqs: ServiceFaq[] = []): AdminService {
  return {
    ...serviceSummary(s, ctx),
    description: s.description,
    descriptionHtml: renderMarkdown(s.description),
    imageMediaId: s.imageMediaId,
    previewMediaId: s.previewMediaId,
    active: s.active,
    position: s.position,
    features: features.map((f) => ({ id: f.id, title: f.title, description: f.description })),
    faqs: faqs.map((f) => ({ id: f.id, question: f.question, answer: f.answer })),
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  };
}

export function adminFeature(f: ServiceFeature): AdminServiceFeature {
  return {
    id: f.id, serviceId: f.serviceId, title: f.title, description: f.description, position: f.position,
    createdAt: iso(f.createdAt), updatedAt: iso(f.updatedAt),
  };
}

export function adminFaq(f: ServiceFaq): AdminServiceFaq {
  return {
    id: f.id, serviceId: f.serviceId, question: f.question, answer: f.answer, position: f.position,
    createdAt: iso(f.createdAt), updatedAt: iso(f.updatedAt),
  };
}
