import { LessThanOrEqual, type DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  ContentErrorCodes, type HomeResponse, type Page, type PageView, type PostDetail, type PostListQuery, type PostSort,
  type PostSummary, type ProjectListQuery, type ProjectSort, type ProjectView, type ServiceSummary,
  type ErrorCode,
} from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { likeContains } from '../../lib/simple-rest';
import { pageWindow, toPage } from '../../lib/pagination';
import type { MediaUrls } from '../../lib/media-urls';
import { Post, Project, SitePage } from './content.entity';
import { pageView, postDetail, postSummary, projectView } from './content.views';
import type { HomeCounterRegistry } from './home-counters';

export interface ContentDeps {
  db: DataSource;
  media: (ids: (number | null)[]) => Promise<Map<number, MediaUrls>>;
  /** What /home needs from the catalog (reached through `app.catalog`). */
  catalog: { featuredServices(limit: number): Promise<ServiceSummary[]>; countActiveServices(): Promise<number> };
  counters: HomeCounterRegistry;
  now?: () => Date;
}

export const HOME_LIMITS = { featuredServices: 6, latestProjects: 3, latestPosts: 3 } as const;

const POST_ORDER: Record<PostSort, [string, 'ASC' | 'DESC'][]> = {
  newest: [['p.publishedAt', 'DESC'], ['p.id', 'DESC']],
  oldest: [['p.publishedAt', 'ASC'], ['p.id', 'ASC']],
  title: [['LOWER(p.title)', 'ASC'], ['p.id', 'ASC']],
};
const PROJECT_ORDER: Record<ProjectSort, [string, 'ASC' | 'DESC'][]> = {
  position: [['p.position', 'ASC'], ['p.id', 'ASC']],
  newest: [['p.createdAt', 'DESC'], ['p.id', 'DESC']],
  title: [['LOWER(p.title)', 'ASC'], ['p.id', 'ASC']],
};

function ordered<T extends object>(qb: SelectQueryBuilder<T>, order: [string, 'ASC' | 'DESC'][]) {
  order.forEach(([column, dir], i) => (i === 0 ? qb.orderBy(column, dir) : qb.addOrderBy(column, dir)));
  return qb;
}

const notFound = (code: ErrorCode, what: string) => new AppError(code, `${what} not found`);

/**
 * Public content reads. A post exists for the public only when it is published and its
 * publication date has come.
 */
export class ContentService {
  constructor(private readonly deps: ContentDeps) {}

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  private publishedPosts() {
    return this.deps.db.getRepository(Post).createQueryBuilder('p')
      .where('p.published = :published', { published: true })
      .andWhere('p.publishedAt IS NOT NULL AND p.publishedAt <= :now', { now: this.now() });
  }

  /** When the next scheduled post goes public (the read cache moves on then), or null. */
  async nextPublishTime(): Promise<number | null> {
    const next = await this.deps.db.getRepository(Post).createQueryBuilder('p')
      .select('MIN(p.publishedAt)', 'at')
      .where('p.published = :published', { published: true })
      .andWhere('p.publishedAt > :now', { now: this.now() })
      .getRawOne<{ at: Date | string | null }>();
    if (!next?.at) return null;
    // SQLite hands back 'YYYY-MM-DD HH:MM:SS.sss' in UTC, without a zone.
    return next.at instanceof Date ? next.at.getTime() : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(next.at) ? next.at : `${next.at.replace(' ', 'T')}Z`).getTime();
  }

  async listPosts(query: PostListQuery): Promise<Page<PostSummary>> {
    const window = pageWindow(query);
    const qb = this.publishedPosts();
    if (query.q) {
      qb.andWhere("(p.title LIKE :q ESCAPE '!' OR p.excerpt LIKE :q ESCAPE '!' OR p.body LIKE :q ESCAPE '!')", { q: likeContains(query.q) });
    }
    const [rows, total] = await ordered(qb, POST_ORDER[query.sort ?? 'newest']).offset(window.offset).limit(window.pageSize).getManyAndCount();
    const media = await this.deps.media(rows.map((p) => p.imageMediaId));
    return toPage(rows.map((p) => postSummary(p, media)), total, window);
  }

  async getPostBySlug(slug: string): Promise<PostDetail> {
    const post = await this.publishedPosts().andWhere('p.slug = :slug', { slug }).getOne();
    if (!post) throw notFound(ContentErrorCodes.POST_NOT_FOUND, 'Post');
    return postDetail(post, await this.deps.media([post.imageMediaId]));
  }

  async listProjects(query: ProjectListQuery): Promise<Page<ProjectView>> {
    const window = pageWindow(query);
    const qb = this.deps.db.getRepository(Project).createQueryBuilder('p');
    if (query.q) {
      qb.where("(p.title LIKE :q ESCAPE '!' OR p.description LIKE :q ESCAPE '!')", { q: likeContains(query.q) });
    }
    const [rows, total] = await ordered(qb, PROJECT_ORDER[query.sort ?? 'position']).offset(window.offset).limit(window.pageSize).getManyAndCount();
    return toPage(await this.projectViews(rows), total, window);
  }

  async getProjectBySlug(slug: string): Promise<ProjectView> {
    const project = await this.deps.db.getRepository(Project).findOne({ where: { slug } });
    if (!project) throw notFound(ContentErrorCodes.PROJECT_NOT_FOUND, 'Project');
    return (await this.projectViews([project]))[0];
  }

  async getPage(slug: string): Promise<PageView> {
    const page = await this.deps.db.getRepository(SitePage).findOne({ where: { slug } });
    if (!page) throw notFound(ContentErrorCodes.PAGE_NOT_FOUND, 'Page');
    return pageView(page);
  }

  /** Featured services, the newest projects and posts, and the stats strip. */
  async home(): Promise<HomeResponse> {
    const db = this.deps.db;
    const [featuredServices, projects, posts, services, projectCount, completedOrders] = await Promise.all([
      this.deps.catalog.featuredServices(HOME_LIMITS.featuredServices),
      db.getRepository(Project).find({ order: { createdAt: 'DESC', id: 'DESC' }, take: HOME_LIMITS.latestProjects }),
      db.getRepository(Post).find({
        where: { published: true, publishedAt: LessThanOrEqual(this.now()) },
        order: { publishedAt: 'DESC', id: 'DESC' },
        take: HOME_LIMITS.latestPosts,
      }),
      this.deps.catalog.countActiveServices(),
      db.getRepository(Project).count(),
      this.deps.counters.read('completedOrders'),
    ]);
    const postMedia = await this.deps.media(posts.map((p) => p.imageMediaId));
    return {
      featuredServices,
      latestProjects: await this.projectViews(projects),
      latestPosts: posts.map((p) => postSummary(p, postMedia)),
      counters: { services, projects: projectCount, completedOrders },
    };
  }

  private async projectViews(rows: Project[]): Promise<ProjectView[]> {
    const media = await this.deps.media(rows.flatMap((p) => [p.imageMediaId, p.previewMediaId]));
    return rows.map((p) => projectView(p, media));
  }
}
