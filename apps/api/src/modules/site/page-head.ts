import escapeHtml from 'escape-html';

/** What a storefront URL says about itself before any JavaScript runs. */
export interface PageHead {
  /** 200 for a page that exists, 404 for an unknown path or slug. */
  status: 200 | 404;
  title: string;
  description: string;
  /** Path of the canonical URL (joined with PUBLIC_URL). */
  path: string;
  /** Absolute or site-relative image URL. */
  image: string;
  type: 'website' | 'article' | 'product';
  /** Pages that only make sense signed in, and the not-found page, are kept out of search. */
  noindex?: boolean;
  jsonLd?: Record<string, unknown>;
  /** The storefront source module that renders this URL (its chunk is preloaded). */
  module?: string;
}

const absolute = (url: string, base: string) => new URL(url, base + '/').toString();

/** JSON inside <script>: `<` escaped so no value can close the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The head tags for a page; every value is escaped (titles come from the back office). */
export function renderHead(head: PageHead, publicUrl: string, siteName: string): string {
  const canonical = absolute(head.path, publicUrl);
  const image = absolute(head.image, publicUrl);
  const meta = (attr: 'name' | 'property', key: string, value: string) =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    `<title>${escapeHtml(head.title)}</title>`,
    meta('name', 'description', head.description),
    head.noindex ? meta('name', 'robots', 'noindex') : '',
    head.status === 200 ? `<link rel="canonical" href="${escapeHtml(canonical)}" />` : '',
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:title', head.title),
    meta('property', 'og:description', head.description),
    meta('property', 'og:type', head.type),
    meta('property', 'og:url', canonical),
    meta('property', 'og:image', image),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', head.title),
    meta('name', 'twitter:description', head.description),
    meta('name', 'twitter:image', image),
    head.jsonLd ? `<script type="application/ld+json">${scriptJson(head.jsonLd)}</script>` : '',
  ];
  return tags.filter(Boolean).join('\n    ');
}
