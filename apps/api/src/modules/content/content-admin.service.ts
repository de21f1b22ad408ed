import type { DataSource, EntityManager } from 'typeorm';
import {
  ContentErrorCodes, type AdminPage, type AdminPost, type AdminProject, type PageInput, type PostInput, type ProjectInput,
} from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { chooseSlug, withSlugGuard } from '../../lib/slug';
import { reorderByIds, updateAllOrNone } from '../../lib/admin-bulk';
import { assertMediaReferences, type MediaKindLookup, type MediaUrls } from '../../lib/media-urls';
import { Post, Project, SitePage } from './content.entity';
import { adminPage, adminPost, adminProject } from './content.views';

type MediaLookup = (ids: (number | null)[]) => Promise<Map<number, MediaUrls>>;

const dates = (alias: string) => ({
  createdAt_gte: { type: 'date', column: `${alias}.createdAt`, op: 'gte' },
  createdAt_lte: { type: 'date', column: `${alias}.createdAt`, op: 'lte' },
  updatedAt_gte: { type: 'date', column: `${alias}.updatedAt`, op: 'gte' },
  updatedAt_lte: { type: 'date', column: `${alias}.updatedAt`, op: 'lte' },
}) as const;

export const postsSpec: SimpleRestSpec = {
  resource: 'posts',
  sortable: {
    id: 'p.id', title: 'LOWER(p.title)', slug: 'p.slug', published: 'p.published', publishedAt: 'p.publishedAt',
    createdAt: 'p.createdAt', updatedAt: 'p.updatedAt',
  },
  defaultSort: ['publishedAt', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['p.title', 'p.slug', 'p.excerpt'] },
    id: { type: 'int', column: 'p.id' },
    published: { type: 'boolean', column: 'p.published' },
    publishedAt_gte: { type: 'date', column: 'p.publishedAt', op: 'gte' },
    publishedAt_lte: { type: 'date', column: 'p.publishedAt', op: 'lte' },
    ...dates('p'),
  },
};

export const projectsSpec: SimpleRestSpec = {
  resource: 'projects',
  sortable: { id: 'p.id', title: 'LOWER(p.title)', slug: 'p.slug', position: 'p.position', createdAt: 'p.createdAt', updatedAt: 'p.updatedAt' },
  defaultSort: ['position', 'ASC'],
  filters: {
    q: { type: 'search', columns: ['p.title', 'p.slug', 'p.description'] },
    id: { type: 'int', column: 'p.id' },
    ...dates('p'),
  },
};

export const pagesSpec: SimpleRestSpec = {
  resource: 'pages',
  sortable: { id: 'p.id', slug: 'p.slug', title: 'LOWER(p.title)', createdAt: 'p.createdAt', updatedAt: 'p.updatedAt' },
  defaultSort: ['slug', 'ASC'],
  filters: {
    q: { type: 'search', columns: ['p.slug', 'p.title'] },
    id: { type: 'int', column: 'p.id' },
    slug: { type: 'string', column: 'p.slug' },
    ...dates('p'),
  },
};

/** A published post needs a date; one without gets "now". */
function publication(input: PostInput, current?: Post): { published: boolean; publishedAt: Date | null } {
  const published = input.published ?? current?.published ?? false;
  let publishedAt = input.publishedAt === undefined ? current?.publishedAt ?? null : input.publishedAt === null ? null : new Date(input.publishedAt);
  if (published && !publishedAt) publishedAt = new Date();
  return { published, publishedAt };
}

const keep = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

const noMediaCheck: MediaKindLookup = async () => undefined;

export class PostAdmin {
  constructor(private readonly db: DataSource, private readonly media: MediaLookup, private readonly mediaKinds = noMediaCheck) {}

  private checkMedia(input: PostInput, current?: Post): Promise<void> {
    return assertMediaReferences(this.mediaKinds, [{ field: 'imageMediaId', id: input.imageMediaId, kind: 'image', current: current?.imageMediaId }]);
  }

  private notFound = () => new AppError(ContentErrorCodes.POST_NOT_FOUND, 'Post not found');

  async list(params: ListParams): Promise<ListResult<AdminPost>> {
    const result = await fetchList(this.db.getRepository(Post).createQueryBuilder('p'), params);
    const media = await this.media(result.rows.map((p) => p.imageMediaId));
    return { ...result, rows: result.rows.map((p) => adminPost(p, media)) };
  }

  async get(id: number): Promise<AdminPost> {
    const row = await this.db.getRepository(Post).findOne({ where: { id } });
    if (!row) throw this.notFound();
    return adminPost(row, await this.media([row.imageMediaId]));
  }

  async create(input: PostInput): Promise<AdminPost> {
    await this.checkMedia(input);
    const saved = await this.db.transaction(async (em) => {
      const slug = await chooseSlug(em, Post, input);
      const row = em.getRepository(Post).create({
        title: input.title, slug, excerpt: input.excerpt ?? '', body: input.body ?? '',
        imageMediaId: input.imageMediaId ?? null, ...publication(input),
      });
      return withSlugGuard(slug, () => em.getRepository(Post).save(row));
    });
    return this.get(saved.id);
  }

  async update(id: number, input: PostInput): Promise<AdminPost> {
    await this.db.transaction(async (em) => {
      const repo = em.getRepository(Post);
      const row = await repo.findOne({ where: { id } });
      if (!row) throw this.notFound();
      await this.checkMedia(input, row);
      const slug = await chooseSlug(em, Post, input, row);
      repo.merge(row, {
        title: input.title, slug, ...keep('excerpt', input.excerpt), ...keep('body', input.body),
        ...keep('imageMediaId', input.imageMediaId), ...publication(input, row),
      });
      await withSlugGuard(slug, () => repo.save(row));
    });
    return this.get(id);
  }

  async remove(id: number): Promise<AdminPost> {
    const before = await this.get(id);
    await this.db.getRepository(Post).delete({ id });
    return before;
  }

  /** Bulk "clear image": every listed post loses its image; unknown ids change nothing. */
  async clearImages(ids: number[]): Promise<{ action: 'clear-image'; ids: number[] }> {
    const unique = [...new Set(ids)];
    await this.db.transaction((em) =>
      updateAllOrNone(em, Post, unique, { imageMediaId: null }, ContentErrorCodes.POST_NOT_FOUND, 'Posts not found'),
    );
    return { action: 'clear-image', ids: unique };
  }
}

export class ProjectAdmin {
  constructor(private readonly db: DataSource, private readonly media: MediaLookup, private readonly mediaKinds = noMediaCheck) {}

  private checkMedia(input: ProjectInput, current?: Project): Promise<void> {
    return assertMediaReferences(this.mediaKinds, [
      { field: 'imageMediaId', id: input.imageMediaId, kind: 'image', current: current?.imageMediaId },
      { field: 'previewMediaId', id: input.previewMediaId, kind: 'video', current: current?.previewMediaId },
    ]);
  }

  private notFound = () => new AppError(ContentErrorCodes.PROJECT_NOT_FOUND, 'Project not found');

  private async views(rows: Project[]) {
    const media = await this.media(rows.flatMap((p) => [p.imageMediaId, p.previewMediaId]));
    return rows.map((p) => adminProject(p, media));
  }

  async list(params: ListParams): Promise<ListResult<AdminProject>> {
    const result = await fetchList(this.db.getRepository(Project).createQueryBuilder('p'), params);
    return { ...result, rows: await this.views(result.rows) };
  }

  async get(id: number): Promise<AdminProject> {
    const row = await this.db.getRepository(Project).findOne({ where: { id } });
    if (!row) throw this.notFound();
    return (await this.views([row]))[0];
  }

  async create(input: ProjectInput): Promise<AdminProject> {
    await this.checkMedia(input);
    const saved = await this.db.transaction(async (em) => {
      const slug = await chooseSlug(em, Project, input);
      const row = em.getRepository(Project).create({
        title: input.title, slug, description: input.description ?? '', link: input.link || null,
        imageMediaId: input.imageMediaId ?? null, previewMediaId: input.previewMediaId ?? null,
        position: input.position ?? (await nextPosition(em)),
      });
      return withSlugGuard(slug, () => em.getRepository(Project).save(row));
    });
    return this.get(saved.id);
  }

  async update(id: number, input: ProjectInput): Promise<AdminProject> {
    await this.db.transaction(async (em) => {
      const repo = em.getRepository(Project);
      const row = await repo.findOne({ where: { id } });
      if (!row) throw this.notFound();
      await this.checkMedia(input, row);
      const slug = await chooseSlug(em, Project, input, row);
      repo.merge(row, {
        title: input.title, slug, ...keep('description', input.description),
        ...(input.link !== undefined && { link: input.link || null }),
        ...keep('imageMediaId', input.imageMediaId), ...keep('previewMediaId', input.previewMediaId),
        ...keep('position', input.position ?? undefined),
      });
      await withSlugGuard(slug, () => repo.save(row));
    });
    return this.get(id);
  }

  async remove(id: number): Promise<AdminProject> {
    const before = await this.get(id);
    await this.db.getRepository(Project).delete({ id });
    return before;
  }

  async reorder(ids: number[]): Promise<{ ids: number[] }> {
    return { ids: await this.db.transaction((em) => reorderByIds(em, Project, ids, ContentErrorCodes.PROJECT_NOT_FOUND)) };
  }
}

async function nextPosition(em: EntityManager): Promise<number> {
  const raw = await em.getRepository(Project).createQueryBuilder('p').select('MAX(p.position)', 'max').getRawOne<{ max: number | string | null }>();
  return Number(raw?.max ?? 0) + 1;
}

export class PageAdmin {
  constructor(private readonly db: DataSource) {}

  private notFound = () => new AppError(ContentErrorCodes.PAGE_NOT_FOUND, 'Page not found');

  async list(params: ListParams): Promise<ListResult<AdminPage>> {
    const result = await fetchList(this.db.getRepository(SitePage).createQueryBuilder('p'), params);
    return { ...result, rows: result.rows.map(adminPage) };
  }

  async get(id: number): Promise<AdminPage> {
    const row = await this.db.getRepository(SitePage).findOne({ where: { id } });
    if (!row) throw this.notFound();
    return adminPage(row);
  }

  async create(input: PageInput): Promise<AdminPage> {
    const saved = await this.db.transaction(async (em) => {
      const slug = await chooseSlug(em, SitePage, input);
      const row = em.getRepository(SitePage).create({ slug, title: input.title, body: input.body ?? '' });
      return withSlugGuard(slug, () => em.getRepository(SitePage).save(row));
    });
    return this.get(saved.id);
  }

  async update(id: number, input: PageInput): Promise<AdminPage> {
    await this.db.transaction(async (em) => {
      const repo = em.getRepository(SitePage);
      const row = await repo.findOne({ where: { id } });
      if (!row) throw this.notFound();
      const slug = await chooseSlug(em, SitePage, input, row);
      repo.merge(row, { title: input.title, slug, ...keep('body', input.body) });
      await withSlugGuard(slug, () => repo.save(row));
    });
    return this.get(id);
  }

  async remove(id: number): Promise<AdminPage> {
    const before = await this.get(id);
    await this.db.getRepository(SitePage).delete({ id });
    return before;
  }
}
