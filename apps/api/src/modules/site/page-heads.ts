import sanitizeHtml from 'sanitize-html';
import { ERROR_STATUS, type ServiceDetail, type PostDetail } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import type { CatalogService } from '../catalog';
import type { ContentService } from '../content';
import type { PageHead } from './page-head';

export const SITE_NAME = 'Pi Services Studio';
export const SITE_DESCRIPTION = 'Fixed-price software services, paid in Pi.';
/** The shared-link picture when a page has none of its own (apps/web/public). */
export const DEFAULT_IMAGE = '/icons/og-default.png';
export const LEGAL_PAGES = ['privacy', 'terms', 'cookies'] as const;

export interface PageHeadDeps {
  catalog: CatalogService;
  content: ContentService;
}

type Head = Omit<PageHead, 'status' | 'path' | 'image' | 'type'> & Partial<Pick<PageHead, 'image' | 'type'>>;

/** Static storefront routes: path → head (the list mirrors apps/web/src/app/router.tsx). */
const STATIC: Record<string, Head> = {
  '/': { title: `${SITE_NAME} · Software services paid in Pi`, description: SITE_DESCRIPTION },
  '/services': { title: `Services · ${SITE_NAME}`, description: 'Fixed-price software services: see what is included, the price in EUR and π, and order in a few taps.' },
  '/projects': { title: `Projects · ${SITE_NAME}`, description: 'A portfolio of projects delivered for customers, with previews.' },
  '/blog': { title: `Blog · ${SITE_NAME}`, description: 'Notes on building software, the Pi Network and the projects we ship.' },
  '/login': { title: `Sign in · ${SITE_NAME}`, description: 'Sign in to follow your orders and messages.', noindex: true },
  '/register': { title: `Create an account · ${SITE_NAME}`, description: 'Create an account to order services and pay in π.', noindex: true },
  '/password-reset': { title: `Reset your password · ${SITE_NAME}`, description: 'Get a link to choose a new password.', noindex: true },
  '/reset-password': { title: `Choose a new password · ${SITE_NAME}`, description: 'Choose a new password for your account.', noindex: true },
  '/orders': { title: `Your orders · ${SITE_NAME}`, description: 'Your orders and their payments.', noindex: true },
  '/profile': { title: `Your profile · ${SITE_NAME}`, description: 'Your account details.', noindex: true },
  '/inbox': { title: `Messages · ${SITE_NAME}`, description: 'Your conversations about your orders.', noindex: true },
};

/** The storefront modules of the public pages (apps/web/src/app/router.tsx), so their chunks load with the page. */
const MODULES = {
  home: 'src/features/content/components/home-page.tsx',
  services: 'src/features/catalog/components/service-list.tsx',
  service: 'src/features/catalog/components/service-page.tsx',
  projects: 'src/features/content/components/projects-page.tsx',
  blog: 'src/features/content/components/blog-pages.tsx',
  legal: 'src/features/content/components/legal-page.tsx',
} as const;
const STATIC_MODULES: Record<string, string> = {
  '/': MODULES.home,
  '/services': MODULES.services,
  '/projects': MODULES.projects,
  '/blog': MODULES.blog,
};

/** Signed-in pages with an id in the path: the server cannot see the user, so they answer 200 un-indexed. */
const PRIVATE_DETAIL: [RegExp, Head][] = [
  [/^\/orders\/[^/]+$/, { title: `Order · ${SITE_NAME}`, description: 'An order, its payment and its messages.', noindex: true }],
  [/^\/payments\/[^/]+$/, { title: `Receipt · ${SITE_NAME}`, description: 'The receipt of a payment.', noindex: true }],
  [/^\/inbox\/[^/]+$/, { title: `Conversation · ${SITE_NAME}`, description: 'A conversation about an order.', noindex: true }],
];

export const NOT_FOUND_HEAD = (path: string): PageHead => ({
  status: 404,
  title: `Page not found · ${SITE_NAME}`,
  description: 'There is no page at this address.',
  path,
  image: DEFAULT_IMAGE,
  type: 'website',
  noindex: true,
});

/** Plain text for a description: tags dropped, whitespace folded, cut at about 160 characters. */
export function plainText(html: string, max = 160): string {
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : text.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

const isNotFound = (err: unknown) => err instanceof AppError && ERROR_STATUS[err.code] === 404;

/** Null when the entity does not exist (any other failure is a real error). */
async function orNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

function serviceHead(s: ServiceDetail, path: string, publicUrl: string): PageHead {
  const url = new URL(path, publicUrl + '/').toString();
  const image = s.imageUrl ?? DEFAULT_IMAGE;
  return {
    status: 200,
    title: `${s.title} · ${SITE_NAME}`,
    description: s.summary || plainText(s.descriptionHtml),
    path,
    image,
    type: 'product',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: s.title,
      description: s.summary || plainText(s.descriptionHtml, 500),
      url,
      image: new URL(image, publicUrl + '/').toString(),
      brand: { '@type': 'Brand', name: SITE_NAME },
      offers: {
        '@type': 'Offer',
        price: (s.priceEurCents / 100).toFixed(2),
        priceCurrency: 'EUR',
        availability: 'https://schema.org/InStock',
        url,
      },
    },
  };
}

function postHead(p: PostDetail, path: string, publicUrl: string): PageHead {
  const image = p.imageUrl ?? DEFAULT_IMAGE;
  return {
    status: 200,
    title: `${p.title} · ${SITE_NAME}`,
    description: p.excerpt || plainText(p.bodyHtml),
    path,
    image,
    type: 'article',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: p.title,
      description: p.excerpt || plainText(p.bodyHtml, 500),
      datePublished: p.publishedAt,
      dateModified: p.updatedAt,
      url: new URL(path, publicUrl + '/').toString(),
      mainEntityOfPage: new URL(path, publicUrl + '/').toString(),
      image: new URL(image, publicUrl + '/').toString(),
      author: { '@type': 'Organization', name: SITE_NAME },
      publisher: { '@type': 'Organization', name: SITE_NAME },
    },
  };
}

/** One path segment, decoded; null when it cannot be (a 404, not a 500). */
function segment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The head of every storefront URL, read through the catalog and content modules' public
 * services. Unknown paths and unknown slugs answer 404.
 */
export async function pageHeadFor(pathname: string, deps: PageHeadDeps, publicUrl: string): Promise<PageHead> {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const fixed = STATIC[path];
  if (fixed) return { status: 200, path, image: DEFAULT_IMAGE, type: 'website', module: STATIC_MODULES[path], ...fixed };
  for (const [pattern, head] of PRIVATE_DETAIL) {
    if (pattern.test(path)) return { status: 200, path, image: DEFAULT_IMAGE, type: 'website', ...head };
  }
  const legal = LEGAL_PAGES.find((slug) => path === `/${slug}`);
  if (legal) {
    const page = await orNull(() => deps.content.getPage(legal));
    if (!page) return NOT_FOUND_HEAD(path);
    return { status: 200, path, image: DEFAULT_IMAGE, type: 'website', module: MODULES.legal, title: `${page.title} · ${SITE_NAME}`, description: plainText(page.bodyHtml) || page.title };
  }
  const service = /^\/services\/([^/]+)$/.exec(path);
  if (service) {
    const slug = segment(service[1]);
    const found = slug === null ? null : await orNull(() => deps.catalog.getServiceBySlug(slug));
    return found ? { ...serviceHead(found, `/services/${encodeURIComponent(found.slug)}`, publicUrl), module: MODULES.service } : NOT_FOUND_HEAD(path);
  }
  const post = /^\/blog\/([^/]+)$/.exec(path);
  if (post) {
    const slug = segment(post[1]);
    const found = slug === null ? null : await orNull(() => deps.content.getPostBySlug(slug));
    return found ? { ...postHead(found, `/blog/${encodeURIComponent(found.slug)}`, publicUrl), module: MODULES.blog } : NOT_FOUND_HEAD(path);
  }
  return NOT_FOUND_HEAD(path);
}
