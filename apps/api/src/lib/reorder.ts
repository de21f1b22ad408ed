import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AppError, badRequest } from './app-error';

/**
 * Admin reordering: the listed rows take positions 1..n in the listed order; rows not
 * listed keep theirs. Every id must exist (else `notFoundCode`, nothing changes); with
 * `sameParent`, all rows must share that column's value (e.g. the features of one service).
 */
export async function reorderByIds<T extends ObjectLiteral & { id: number; position: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
  notFoundCode: string,
  sameParent?: keyof T & string,
): Promise<number[]> {
  if (new Set(ids).size !== ids.length) throw badRequest('Each id may be listed once', { fields: { ids: 'lists an id twice' } });
  const repo = em.getRepository(entity);
  const rows = await repo.find({ where: { id: In(ids) } as FindOptionsWhere<T> });
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError(notFoundCode, `Not found: ${missing.join(', ')}`, { missing });
  if (sameParent && new Set(rows.map((r) => r[sameParent])).size > 1) {
    throw badRequest(`All listed rows must share the same ${sameParent}`, { fields: { ids: `mixes several ${sameParent} values` } });
  }
  for (const [index, id] of ids.entries()) {
    await repo.update({ id } as FindOptionsWhere<T>, { position: index + 1 } as unknown as QueryDeepPartialEntity<T>);
  }
  return ids;
}
