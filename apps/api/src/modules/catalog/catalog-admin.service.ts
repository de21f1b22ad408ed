import { In, type EntityManager } from 'typeorm';
import type { AdminService, BulkResult, ServiceBulkAction, ServiceInput } from '@pishop/shared';
import { CatalogErrorCodes } from '@pishop/shared';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { chooseSlug, withSlugGuard } from '../../lib/slug';
import { reorderByIds, updateAllOrNone } from '../../lib/admin-bulk';
import { assertMediaReferences } from '../../lib/media-urls';
import { Service, ServiceFaq, ServiceFeature } from './catalog.entity';
import { adminService } from './catalog.views';
import { replaceParts } from './service-parts-inline';
import { serviceNotFound, type CatalogService, type CatalogDeps } from './catalog.service';

export const servicesSpec: SimpleRestSpec = {
  resource: 'services',
  sortable: {
    id: 's.id', title: 'LOWER(s.title)', slug: 's.slug', priceEurCents: 's.priceEurCents', active: 's.active',
    featured: 's.featured', position: 's.position', createdAt: 's.createdAt', updatedAt: 's.updatedAt',
  },
  defaultSort: ['position', 'ASC'],
  filters: {
    q: { type: 'search', columns: ['s.title', 's.slug', 's.summary'] },
    id: { type: 'int', column: 's.id' },
    active: { type: 'boolean', column: 's.active' },
    featured: { type: 'boolean', column: 's.featured' },
    priceEurCents_gte: { type: 'int', column: 's.priceEurCents', op: 'gte' },
    priceEurCents_lte: { type: 'int', column: 's.priceEurCents', op: 'lte' },
    createdAt_gte: { type: 'date', column: 's.createdAt', op: 'gte' },
    createdAt_lte: { type: 'date', column: 's.createdAt', op: 'lte' },
    updatedAt_gte: { type: 'date', column: 's.updatedAt', op: 'gte' },
    updatedAt_lte: { type: 'date', column: 's.updatedAt', op: 'lte' },
  },
};

/** Back-office writes on services: slugs, defaults, bulk status, ordering. */
export class ServiceAdminService {
  constructor(
    private readonly deps: CatalogDeps,
    private readonly catalog: CatalogService,
  ) {}

  private async view(rows: Service[]): Promise<AdminService[]> {
    const ids = rows.map((s) => s.id);
    const order = { serviceId: 'ASC', position: 'ASC', id: 'ASC' } as const;
    const db = this.deps.db;
    const [ctx, features, faqs] = await Promise.all([
      this.catalog.context(rows),
      ids.length ? db.getRepository(ServiceFeature).find({ where: { serviceId: In(ids) }, order }) : [],
      ids.length ? db.getRepository(ServiceFaq).find({ where: { serviceId: In(ids) }, order }) : [],
    ]);
    return rows.map((s) => adminService(s, ctx, features.filter((f) => f.serviceId === s.id), faqs.filter((f) => f.serviceId === s.id)));
  }

  private checkMedia(input: ServiceInput, current?: Service): Promise<void> {
    return assertMediaReferences(this.deps.mediaKinds, [
      { field: 'imageMediaId', id: input.imageMediaId, kind: 'image', current: current?.imageMediaId },
      { field: 'previewMediaId', id: input.previewMediaId, kind: 'video', current: current?.previewMediaId },
    ]);
  }

  /** Features and FAQs given with the service, saved in the service's transaction. */
  private async saveParts(em: EntityManager, serviceId: number, input: ServiceInput, given?: string[]): Promise<void> {
    const wants = (key: 'features' | 'faqs') => input[key] !== undefined && (!given || given.includes(key));
    if (wants('features')) await replaceParts(em, ServiceFeature, 'features', serviceId, input.features!);
    if (wants('faqs')) await replaceParts(em, ServiceFaq, 'faqs', serviceId, input.faqs!);
  }

  async list(params: ListParams): Promise<ListResult<AdminService>> {
    const result = await fetchList(this.deps.db.getRepository(Service).createQueryBuilder('s'), params);
    return { ...result, rows: await this.view(result.rows) };
  }

  async get(id: number): Promise<AdminService> {
    const row = await this.deps.db.getRepository(Service).findOne({ where: { id } });
    if (!row) throw serviceNotFound();
    return (await this.view([row]))[0];
  }

  async create(input: ServiceInput): Promise<AdminService> {
    await this.checkMedia(input);
    const saved = await this.deps.db.transaction(async (em) => {
      const slug = await chooseSlug(em, Service, input);
      const position = input.position ?? (await nextPosition(em));
      const row = em.getRepository(Service).create({
        title: input.title,
        slug,
        summary: input.summary ?? '',
        description: input.description ?? '',
        priceEurCents: input.priceEurCents,
        imageMediaId: input.imageMediaId ?? null,
        previewMediaId: input.previewMediaId ?? null,
        active: input.active ?? true,
        featured: input.featured ?? false,
        position,
      });
      const stored = await withSlugGuard(slug, () => em.getRepository(Service).save(row));
      await this.saveParts(em, stored.id, input);
      return stored;
    });
    return this.get(saved.id);
  }

  /**
   * PUT: the record completed with stored values; `given` names the fields the client sent
   * (features and FAQs are replaced only when sent). A field left out keeps its value.
   */
  async update(id: number, input: ServiceInput, given?: string[]): Promise<AdminService> {
    await this.deps.db.transaction(async (em) => {
      const repo = em.getRepository(Service);
      const row = await repo.findOne({ where: { id } });
      if (!row) throw serviceNotFound();
      await this.checkMedia(input, row);
      const slug = await chooseSlug(em, Service, input, row);
      repo.merge(row, {
        title: input.title,
        slug,
        priceEurCents: input.priceEurCents,
        ...(input.summary !== undefined && { summary: input.summary }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.imageMediaId !== undefined && { imageMediaId: input.imageMediaId }),
        ...(input.previewMediaId !== undefined && { previewMediaId: input.previewMediaId }),
        // null (an emptied input) keeps the value, like a missing field.
        ...(input.active != null && { active: input.active }),
        ...(input.featured != null && { featured: input.featured }),
        ...(input.position != null && { position: input.position }),
      });
      await withSlugGuard(slug, () => repo.save(row));
      await this.saveParts(em, id, input, given);
    });
    return this.get(id);
  }

  /** Deletes the service with its features and FAQs; answers it as it was. */
  async remove(id: number): Promise<AdminService> {
    const before = await this.get(id);
    await this.deps.db.transaction(async (em) => {
      const result = await em.getRepository(Service).delete({ id });
      if (!result.affected) throw serviceNotFound();
    });
    return before;
  }

  /** Activates or deactivates every listed service; all must exist, else nothing changes. */
  async bulk(ids: number[], action: ServiceBulkAction): Promise<BulkResult> {
    const unique = [...new Set(ids)];
    await this.deps.db.transaction((em) =>
      updateAllOrNone(em, Service, unique, { active: action === 'activate' }, CatalogErrorCodes.SERVICE_NOT_FOUND, 'Services not found'),
    );
    return { action, ids: unique };
  }

  async reorder(ids: number[]): Promise<{ ids: number[] }> {
    return {
      ids: await this.deps.db.transaction((em) => reorderByIds(em, Service, ids, CatalogErrorCodes.SERVICE_NOT_FOUND)),
    };
  }
}

async function nextPosition(em: EntityManager): Promise<number> {
  const raw = await em.getRepository(Service).createQueryBuilder('s').select('MAX(s.position)', 'max').getRawOne<{ max: number | string | null }>();
  return Number(raw?.max ?? 0) + 1;
}
