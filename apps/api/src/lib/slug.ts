import { Not, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import slugifyText from 'slugify';
import { AppError } from './app-error';
import { isUniqueViolation } from './db-errors';

/** Slugs for public URLs: lowercase ASCII letters, digits and single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 200;
/** Room left for a `-N` suffix when a generated slug is taken. */
const BASE_MAX_LENGTH = SLUG_MAX_LENGTH - 8;

// The shop's currency reads as a word in URLs ("π payments" → "pi-payments").
slugifyText.extend({ π: 'pi' });

/** "Café & Crème — Pi Apps!" → "cafe-and-creme-pi-apps"; "" when nothing usable is left. */
export function slugify(text: string): string {
  const slug = slugifyText(text, { lower: true, strict: true, trim: true });
  return slug.slice(0, BASE_MAX_LENGTH).replace(/-+$/, '');
}

/**
 * The first free slug among `base`, `base-2`, `base-3`, ... given a lookup of taken slugs
 * (a record's own slug must not count as taken when it is renamed).
 */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  const root = base || 'item';
  if (!(await isTaken(root))) return root;
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${root}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  return `${root}-${Date.now().toString(36)}`;
}

/** 409 with the field named, so the admin form shows it under the slug input. */
export const slugTaken = (slug: string) =>
  new AppError('SLUG_TAKEN', `The slug "${slug}" is already in use`, { fields: { slug: 'is already in use' } });

/**
 * The slug a record gets on create or update. An explicit slug must be free (409
 * otherwise); a missing slug on update keeps the current one; an empty or missing slug on
 * create (or an emptied one on update) is made from the title, with -2, -3... when taken.
 */
export async function chooseSlug<T extends ObjectLiteral & { id: number; slug: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  input: { slug?: string; title: string },
  current?: { id: number; slug: string },
): Promise<string> {
  const repo = em.getRepository(entity);
  const isTaken = (slug: string) =>
    repo.exists({ where: (current ? { slug, id: Not(current.id) } : { slug }) as unknown as FindOptionsWhere<T> });
  if (input.slug) {
    if (current && input.slug === current.slug) return current.slug;
    if (await isTaken(input.slug)) throw slugTaken(input.slug);
    return input.slug;
  }
  if (input.slug === undefined && current) return current.slug;
  return uniqueSlug(slugify(input.title), isTaken);
}

/** Runs a write; a unique-key violation from a concurrent writer becomes the same 409. */
export async function withSlugGuard<R>(slug: string, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(slug);
    throw err;
  }
}
