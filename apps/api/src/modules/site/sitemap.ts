import escapeHtml from 'escape-html';
import { MAX_PAGE_SIZE, type Page } from '@pishop/shared';
import { LEGAL_PAGES, type PageHeadDeps } from './page-heads';

interface SitemapEntry {
  path: string;
  lastmod?: string;
}

/** Every page of a paged list (the public lists cap a page at MAX_PAGE_SIZE). */
async function all<T>(read: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await read(page);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

/** The public, indexable storefront pages. */
export async function sitemapEntries(deps: PageHeadDeps): Promise<SitemapEntry[]> {
  const [services, posts, legal] = await Promise.all([
    all((page) => deps.catalog.listServices({ page, pageSize: MAX_PAGE_SIZE })),
    all((page) => deps.content.listPosts({ page, pageSize: MAX_PAGE_SIZE })),
    Promise.all(LEGAL_PAGES.map((slug) => deps.content.getPage(slug).then((p) => p, () => null))),
  ]);
  return [
    ...['/', '/services', '/projects', '/blog'].map((path) => ({ path })),
    ...services.map((s) => ({ path: `/services/${encodeURIComponent(s.slug)}` })),
    ...posts.map((p) => ({ path: `/blog/${encodeURIComponent(p.slug)}`, lastmod: p.publishedAt })),
    ...legal.flatMap((p) => (p ? [{ path: `/${p.slug}`, lastmod: p.updatedAt }] : [])),
  ];
}

export function sitemapXml(entries: SitemapEntry[], publicUrl: string): string {
  const urls = entries.map((e) => {
    const loc = `<loc>${escapeHtml(new URL(e.path, publicUrl + '/').toString())}</loc>`;
    const lastmod = e.lastmod ? `<lastmod>${escapeHtml(new Date(e.lastmod).toISOString())}</lastmod>` : '';
    return `  <url>${loc}${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(publicUrl: string): string {
  const privatePaths = ['/admin/', '/api/', '/orders', '/payments/', '/inbox', '/profile', '/pi-sandbox/'];
  return ['User-agent: *', ...privatePaths.map((p) => `Disallow: ${p}`), 'Allow: /', '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}
