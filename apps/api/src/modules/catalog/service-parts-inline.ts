import { In, type EntityManager } from 'typeorm';
import type { ServiceFaqItem, ServiceFeatureItem } from '@pishop/shared';
import { validationFailed } from '../../lib/app-error';
import { ServiceFaq, ServiceFeature } from './catalog.entity';

type PartEntity = typeof ServiceFeature | typeof ServiceFaq;

/**
 * Replaces a service's features or FAQs with `items`, inside the caller's transaction:
 * items carrying an id of this service are updated, items without one are created, the
 * service's other rows are deleted, and positions become 1..n in list order. An id that
 * belongs to no row of this service refuses the whole save (400, field `<field>.<index>.id`).
 */
export async function replaceParts(
  em: EntityManager,
  entity: PartEntity,
  field: 'features' | 'faqs',
  serviceId: number,
  items: (ServiceFeatureItem | ServiceFaqItem)[],
): Promise<void> {
  const repo = em.getRepository<ServiceFeature | ServiceFaq>(entity);
  const existing = await repo.find({ where: { serviceId } });
  const byId = new Map(existing.map((r) => [r.id, r]));
  const seen = new Set<number>();
  const bad: Record<string, string> = {};
  items.forEach((item, i) => {
    if (item.id === undefined || item.id === null) return;
    if (!byId.has(item.id)) bad[`${field}.${i}.id`] = `is not one of this service's ${field}`;
    else if (seen.has(item.id)) bad[`${field}.${i}.id`] = 'is listed twice';
    seen.add(item.id);
  });
  if (Object.keys(bad).length > 0) throw validationFailed(bad);

  const gone = existing.filter((r) => !seen.has(r.id)).map((r) => r.id);
  if (gone.length > 0) await repo.delete({ id: In(gone) });
  let position = 0;
  for (const item of items) {
    position += 1;
    const fields = 'title' in item
      ? { title: item.title, description: item.description ?? '' }
      : { question: item.question, answer: item.answer };
    const row = item.id ? byId.get(item.id)! : repo.create({ serviceId });
    repo.merge(row, { ...fields, position } as Partial<ServiceFeature & ServiceFaq>);
    await repo.save(row);
  }
}
