import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { ErrorCode } from '@pishop/shared';
import { AppError, badRequest } from './app-error';

/**
 * Admin reordering: the listed rows take positions 1..n in the listed order; rows not
 * listed keep theirs. Every id must exist (else `notFoundCode`, nothing changes); with
 * `sameParent`, all rows must share that column's value (e.g. the features of one service).
 */
/**
 * The rows with these ids, or `notFoundCode` naming the missing ones (bulk admin actions
 * change all listed rows or none).
 */
export async function findAllOrThrow<T extends ObjectLiteral & { id: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
  notFoundCode: ErrorCode,
  label: string,
): Promise<T[]> {
  const rows = await em.getRepository(entity).find({ where: { id: In(ids) } as FindOptionsWhere<T> });
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new AppError(notFoundCode, `${label}: ${missing.join(', ')}`, { missing });
  return rows;
}

/** Applies one change to every listed row, or to none when an id is unknown. */
export async function updateAllOrNone<T extends ObjectLiteral & { id: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
  patch: QueryDeepPartialEntity<T>,
  notFoundCode: ErrorCode,
  label: string,
): Promise<void> {
  await findAllOrThrow(em, entity, ids, notFoundCode, label);
  await em.getRepository(entity).update({ id: In(ids) } as FindOptionsWhere<T>, patch);
}

export async function reorderByIds<T extends ObjectLiteral & { id: number; position: number }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  ids: number[],
  notFoundCode: ErrorCode,
  sameParent?: keyof T & string,
): Promise<number[]> {
  if (new Set(ids).size !== ids.length) throw badRequest('Each id may be listed once', { fields: { ids: 'lists an id twice' } });
  const repo = em.getRepository(entity);
  const rows = await findAllOrThrow(em, entity, ids, notFoundCode, 'Not found');
  if (sameParent && new Set(rows.map((r) => r[sameParent])).size > 1) {
    throw badRequest(`All listed rows must share the same ${sameParent}`, { fields: { ids: `mixes several ${sameParent} values` } });
  }
  for (const [index, id] of ids.entries()) {
    await repo.update({ id } as FindOptionsWhere<T>, { position: index + 1 } as unknown as QueryDeepPartialEntity<T>);
  }
  return ids;
}
