import type { DataSource } from 'typeorm';
import { CatalogErrorCodes, type Page, type ServiceDetail, type ServiceListQuery, type ServiceSort, type ServiceSummary } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { likeContains } from '../../lib/simple-rest';
import { pageWindow, toPage } from '../../lib/pagination';
import type { MediaKindLookup, MediaUrls } from '../../lib/media-urls';
import { Service, ServiceFaq, ServiceFeature } from './catalog.entity';
import { mediaIdsOf, serviceDetail, serviceSummary, type ViewContext } from './catalog.views';

export interface CatalogDeps {
  db: DataSource;
  /** Today's EUR per π (config PI_EUR_PER_PI). */
  eurPerPi: () => string;
  media: (ids: (number | null)[]) => Promise<Map<number, MediaUrls>>;
  /** Kinds and states of media ids, to refuse references to missing or wrong-kind media. */
  mediaKinds: MediaKindLookup;
}

/** What checkout needs to sell a service: the live row's price, never a client's word. */
export interface PurchasableService {
  id: number;
  slug: string;
  title: string;
  priceEurCents: number;
}

const ORDER: Record<ServiceSort, [string, 'ASC' | 'DESC'][]> = {
  position: [['s.position', 'ASC'], ['s.id', 'ASC']],
  price: [['s.priceEurCents', 'ASC'], ['s.id', 'ASC']],
  '-price': [['s.priceEurCents', 'DESC'], ['s.id', 'ASC']],
  newest: [['s.createdAt', 'DESC'], ['s.id', 'DESC']],
  title: [['LOWER(s.title)', 'ASC'], ['s.id', 'ASC']],
};

export const serviceNotFound = () => new AppError(CatalogErrorCodes.SERVICE_NOT_FOUND, 'Service not found');

/**
 * Public catalog reads (the storefront, /home, and other modules through `app.catalog`).
 * Inactive services do not exist here.
 */
export class CatalogService {
  constructor(private readonly deps: CatalogDeps) {}

  async context(services: Service[]): Promise<ViewContext> {
    return { eurPerPi: this.deps.eurPerPi(), media: await this.deps.media(mediaIdsOf(services)) };
  }

  async listServices(query: ServiceListQuery): Promise<Page<ServiceSummary>> {
    const window = pageWindow(query);
    const qb = this.deps.db.getRepository(Service).createQueryBuilder('s').where('s.active = :active', { active: true });
    if (query.q) {
      qb.andWhere("(s.title LIKE :q ESCAPE '!' OR s.summary LIKE :q ESCAPE '!' OR s.description LIKE :q ESCAPE '!')", { q: likeContains(query.q) });
    }
    if (query.featured !== undefined) qb.andWhere('s.featured = :featured', { featured: query.featured });
    const [first, ...rest] = ORDER[query.sort ?? 'position'];
    qb.orderBy(...first);
    for (const o of rest) qb.addOrderBy(...o);
    const [rows, total] = await qb.offset(window.offset).limit(window.pageSize).getManyAndCount();
    const ctx = await this.context(rows);
    return toPage(rows.map((s) => serviceSummary(s, ctx)), total, window);
  }

  async getServiceBySlug(slug: string): Promise<ServiceDetail> {
    const db = this.deps.db;
    const service = await db.getRepository(Service).findOne({ where: { slug, active: true } });
    if (!service) throw serviceNotFound();
    const order = { position: 'ASC', id: 'ASC' } as const;
    const [features, faqs, ctx] = await Promise.all([
      db.getRepository(ServiceFeature).find({ where: { serviceId: service.id }, order }),
      db.getRepository(ServiceFaq).find({ where: { serviceId: service.id }, order }),
      this.context([service]),
    ]);
    return serviceDetail(service, features, faqs, ctx);
  }

  async featuredServices(limit: number): Promise<ServiceSummary[]> {
    const rows = await this.deps.db.getRepository(Service).find({
      where: { active: true, featured: true },
      order: { position: 'ASC', id: 'ASC' },
      take: limit,
    });
    const ctx = await this.context(rows);
    return rows.map((s) => serviceSummary(s, ctx));
  }

  countActiveServices(): Promise<number> {
    return this.deps.db.getRepository(Service).count({ where: { active: true } });
  }

  /** For checkout: an active service by slug (404 SERVICE_NOT_FOUND otherwise). */
  async getPurchasable(slug: string): Promise<PurchasableService> {
    const s = await this.deps.db.getRepository(Service).findOne({ where: { slug, active: true } });
    if (!s) throw serviceNotFound();
    return { id: s.id, slug: s.slug, title: s.title, priceEurCents: s.priceEurCents };
  }
}
