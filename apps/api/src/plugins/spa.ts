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

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a deep link with the matching SPA's index.html; false when none applies. */
    serveSpaIndex: (request: FastifyRequest, reply: FastifyReply) => boolean;
  }
}

const HASHED_ASSET = /\/assets\//;

/**
 * Serves the built storefront and back office. Hashed assets are immutable for a year;
 * index.html is never cached so a deploy is seen at once.
 */
export default fp<{ apps: SpaApp[] }>(
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
        setHeaders: (res, filePath) => {
          const cache = HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
          res.header('Cache-Control', filePath.endsWith('index.html') ? 'no-cache' : cache);
        },
      });
    }

    // The SPA roots themselves (static serving answers directories with 403).
    for (const spa of built) {
      app.get(spa.prefix.replace(/(.)\/$/, '$1'), { schema: { hide: true } }, (request, reply) => {
        sendIndex(spa, reply);
      });
    }

    app.decorate('serveSpaIndex', (request: FastifyRequest, reply: FastifyReply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const url = request.url.split('?')[0];
      if (url.startsWith('/api/') || url.startsWith('/pi-sandbox/') || path.extname(url)) return false;
      const spa = built.find((a) => url === a.prefix.replace(/\/$/, '') || url.startsWith(a.prefix));
      if (!spa) return false;
      sendIndex(spa, reply);
      return true;
    });
  },
  { name: 'spa' },
);

function sendIndex(spa: SpaApp, reply: FastifyReply): void {
  reply.header('Cache-Control', 'no-cache');
  reply.type('text/html; charset=utf-8');
  void reply.send(fs.createReadStream(path.join(spa.root, 'index.html')));
}
