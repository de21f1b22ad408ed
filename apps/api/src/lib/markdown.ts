import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → HTML that is safe to inject into the storefront. markdown-it accepts inline
 * HTML (authors may use a <details> or a <br>), and sanitize-html is the gatekeeper: an
 * allow-list of tags and attributes, http(s)/mailto links only, no event handlers, no
 * styles, no scripts (their content is dropped too).
 */
const md = new MarkdownIt({ html: true, linkify: true, typographer: true, breaks: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em', 'strong',
    'del', 's', 'sub', 'sup', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'details', 'summary', 'kbd', 'mark', 'abbr',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    abbr: ['title'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' } : attribs,
      };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
};

export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/**
 * Rendering happens on read (sources are stored as written), with a small cache keyed by a
 * hash of the source so hot pages are rendered once.
 */
const cache = new Map<string, string>();
const CACHE_ENTRIES = 500;

export function renderMarkdown(source: string): string {
  if (!source) return '';
  const key = createHash('sha1').update(source).digest('base64url');
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const html = sanitizeRenderedHtml(md.render(source)).trim();
  cache.set(key, html);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  return html;
}

/** Markdown sources stay below MySQL's TEXT limit (64 KB) even in 4-byte characters. */
export const MARKDOWN_MAX_LENGTH = 16_000;
