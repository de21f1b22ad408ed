import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SpaApp {
  /** URL prefix, '/' or '/admin/'. */
  prefix: string;
  /** The Vite build output folder. */
  root: string;
}

/** A URL's status and the head tags to put into index.html (the site module's `storefrontHead`). */
export type HeadResolver = (pathname: string) => Promise<{ status: 200 | 404; tags: string; modules?: string[] }>;

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
type ViteManifest = Record<string, ManifestChunk>;

/** Vite's build manifest (build.manifest), or null when the build has none. */
function readManifest(root: string): ViteManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, '.vite', 'manifest.json'), 'utf8')) as ViteManifest;
  } catch {
    return null;
  }
}

/**
 * `<link rel="modulepreload">` for the chunks of the given source modules that index.html
 * does not load already, so a page's own code downloads with the shell instead of after it.
 */
export function preloadLinks(manifest: ViteManifest | null, modules: string[]): string {
  if (!manifest || modules.length === 0) return '';
  const files = (key: string, seen: Set<string>) => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) files(dep, seen);
    return seen;
  };
  const shell = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) files(key, shell);
  const wanted = new Set<string>();
  for (const m of modules) files(m, wanted);
  return [...wanted]
    .filter((key) => !shell.has(key))
    .map((key) => `<link rel="modulepreload" crossorigin href="/${manifest[key].file}" />`)
    .join('\n    ');
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a deep link with the matching SPA's index.html; false when none applies. */
    serveSpaIndex: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
  }
}

const HASHED_ASSET = /\/assets\//;
const HEAD_START = '<!--page-head-->';
const HEAD_END = '<!--/page-head-->';

/**
 * Puts a page's head tags into the built index.html: between the `<!--page-head-->`
 * markers when the build has them (apps/web/index.html), else before `</head>`.
 */
export function injectHead(indexHtml: string, tags: string): string {
  const start = indexHtml.indexOf(HEAD_START);
  const end = indexHtml.indexOf(HEAD_END);
  if (start >= 0 && end > start) return indexHtml.slice(0, start) + tags + indexHtml.slice(end + HEAD_END.length);
  const close = indexHtml.indexOf('</head>');
  if (close >= 0) return indexHtml.slice(0, close) + tags + '\n  ' + indexHtml.slice(close);
  return tags + indexHtml;
}

/**
 * Serves the built storefront and back office. Hashed assets are immutable for a year;
 * index.html is never cached so a deploy is seen at once. Files the build precompressed
 * (`.br`, `.gz` beside them) are sent by content negotiation. With `head`, the storefront's
 * index.html carries each URL's own title, description and link-preview tags, and an
 * unknown URL answers 404 (still the SPA's HTML, which renders the not-found page).
 */
export default fp<{ apps: SpaApp[]; head?: HeadResolver }>(
  async (app, opts) => {
    const built = opts.apps.filter((a) => fs.existsSync(path.join(a.root, 'index.html')));
    // Longest prefix first so /admin/ wins over /.
    built.sort((a, b) => b.prefix.length - a.prefix.length);
    for (const [i, spa] of built.entries()) {
      await app.register(fastifyStatic, {
        root: spa.root,
        prefix: spa.prefix,
        decorateReply: i === 0,
        wildcard: true,
        index: false,
        preCompressed: true,
        // Source maps and the build manifest stay on the server (the build omits maps; this guards old builds).
        allowedPath: (pathName) => !pathName.endsWith('.map') && !pathName.includes('/.vite/'),
        setHeaders: (res, filePath) => {
          const cache = HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
          res.header('Cache-Control', filePath.endsWith('index.html') ? 'no-cache' : cache);
        },
      });
    }

    const manifests = new Map(built.map((spa) => [spa.prefix, readManifest(spa.root)]));
    const sendIndex = async (spa: SpaApp, request: FastifyRequest, reply: FastifyReply) => {
      const html = await fs.promises.readFile(path.join(spa.root, 'index.html'), 'utf8');
      reply.header('Cache-Control', 'no-cache');
      reply.type('text/html; charset=utf-8');
      if (spa.prefix !== '/' || !opts.head) return reply.send(html);
      const head = await opts.head(request.url.split('?')[0]);
      const preload = preloadLinks(manifests.get(spa.prefix) ?? null, head.modules ?? []);
      return reply.status(head.status).send(injectHead(html, preload ? `${head.tags}\n    ${preload}` : head.tags));
    };

    // The SPA roots themselves (static serving answers directories with 403).
    for (const spa of built) {
      app.get(spa.prefix.replace(/(.)\/$/, '$1'), { schema: { hide: true } }, (request, reply) => sendIndex(spa, request, reply));
    }

    app.decorate('serveSpaIndex', async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const url = request.url.split('?')[0];
      if (url.startsWith('/api/') || url.startsWith('/pi-sandbox/') || path.extname(url)) return false;
      const spa = built.find((a) => url === a.prefix.replace(/\/$/, '') || url.startsWith(a.prefix));
      if (!spa) return false;
      await sendIndex(spa, request, reply);
      return true;
    });
  },
  { name: 'spa' },
);
