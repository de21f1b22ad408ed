import type { DataSource, DeepPartial, EntityTarget, FindOptionsWhere, Repository } from 'typeorm';
import {
  CatalogErrorCodes, type AdminServiceFaq, type AdminServiceFeature, type ServiceFaqInput, type ServiceFeatureInput,
} from '@pishop/shared';
import type { ErrorCode } from '@pishop/shared';
import { AppError, validationFailed } from '../../lib/app-error';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { reorderByIds } from '../../lib/admin-bulk';
import { Service, ServiceFaq, ServiceFeature } from './catalog.entity';
import { adminFaq, adminFeature } from './catalog.views';

const partSpec = (resource: string, textField: string, searchColumns: string[]): SimpleRestSpec => ({
  resource,
  sortable: {
    id: 'p.id', serviceId: 'p.serviceId', [textField]: `LOWER(p.${textField})`, position: 'p.position',
    createdAt: 'p.createdAt', updatedAt: 'p.updatedAt',
  },
  defaultSort: ['position', 'ASC'],
  filters: {
    q: { type: 'search', columns: searchColumns },
    id: { type: 'int', column: 'p.id' },
    serviceId: { type: 'int', column: 'p.serviceId' },
  },
});

export const featuresSpec = partSpec('service-features', 'title', ['p.title', 'p.description']);
export const faqsSpec = partSpec('service-faqs', 'question', ['p.question', 'p.answer']);

type Part = ServiceFeature | ServiceFaq;
type PartInput = { serviceId: number; position?: number };

/**
 * Features and FAQs of a service: the same rules for both (they belong to an existing
 * service, are ordered by position, new ones go last, and go away with their service).
 */
export class ServicePartAdmin<E extends Part, Input extends PartInput, Rec> {
  constructor(
    private readonly db: DataSource,
    private readonly entity: EntityTarget<E>,
    private readonly toRecord: (row: E) => Rec,
    private readonly notFoundCode: ErrorCode,
    private readonly label: string,
    /** The editable fields of the input; a field left out on update keeps its value. */
    private readonly fields: (input: Input) => DeepPartial<E>,
  ) {}

  private notFound() {
    return new AppError(this.notFoundCode, `${this.label} not found`);
  }

  async list(params: ListParams): Promise<ListResult<Rec>> {
    const result = await fetchList(this.db.getRepository(this.entity).createQueryBuilder('p'), params);
    return { ...result, rows: result.rows.map(this.toRecord) };
  }

  async get(id: number): Promise<Rec> {
    const row = await this.db.getRepository(this.entity).findOne({ where: { id } as FindOptionsWhere<E> });
    if (!row) throw this.notFound();
    return this.toRecord(row);
  }

  async create(input: Input): Promise<Rec> {
    const saved = await this.db.transaction(async (em) => {
      await assertServiceExists(em.getRepository(Service), input.serviceId);
      const repo = em.getRepository(this.entity);
      const max = await repo.createQueryBuilder('p').select('MAX(p.position)', 'max')
        .where('p.serviceId = :serviceId', { serviceId: input.serviceId }).getRawOne<{ max: number | string | null }>();
      const row = repo.create({
        ...this.fields(input),
        serviceId: input.serviceId,
        position: input.position ?? Number(max?.max ?? 0) + 1,
      } as DeepPartial<E>);
      return repo.save(row);
    });
    return this.toRecord(saved);
  }

  async update(id: number, input: Input): Promise<Rec> {
    const saved = await this.db.transaction(async (em) => {
      const repo = em.getRepository(this.entity);
      const row = await repo.findOne({ where: { id } as FindOptionsWhere<E> });
      if (!row) throw this.notFound();
      if (input.serviceId !== row.serviceId) await assertServiceExists(em.getRepository(Service), input.serviceId);
      repo.merge(row, {
        ...this.fields(input),
        serviceId: input.serviceId,
        ...(input.position != null && { position: input.position }),
      } as DeepPartial<E>);
      return repo.save(row);
    });
    return this.toRecord(saved);
  }

  async remove(id: number): Promise<Rec> {
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(this.entity);
      const row = await repo.findOne({ where: { id } as FindOptionsWhere<E> });
      if (!row) throw this.notFound();
      const record = this.toRecord(row);
      await repo.delete({ id } as FindOptionsWhere<E>);
      return record;
    });
  }

  /** Positions 1..n in the listed order; all ids must belong to one service. */
  async reorder(ids: number[]): Promise<{ ids: number[] }> {
    return { ids: await this.db.transaction((em) => reorderByIds(em, this.entity, ids, this.notFoundCode, 'serviceId')) };
  }
}

async function assertServiceExists(repo: Repository<Service>, serviceId: number) {
  if (!(await repo.exists({ where: { id: serviceId } }))) {
    throw validationFailed({ serviceId: 'does not match a service' });
  }
}

export function featureAdmin(db: DataSource) {
  return new ServicePartAdmin<ServiceFeature, ServiceFeatureInput, AdminServiceFeature>(
    db, ServiceFeature, adminFeature, CatalogErrorCodes.SERVICE_FEATURE_NOT_FOUND, 'Service feature',
    (i) => ({ title: i.title, ...(i.description !== undefined && { description: i.description }) }),
  );
}

export function faqAdmin(db: DataSource) {
  return new ServicePartAdmin<ServiceFaq, ServiceFaqInput, AdminServiceFaq>(
    db, ServiceFaq, adminFaq, CatalogErrorCodes.SERVICE_FAQ_NOT_FOUND, 'Service FAQ',
    (i) => ({ question: i.question, answer: i.answer }),
  );
}
