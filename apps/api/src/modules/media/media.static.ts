import fs from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { MEDIA_KEY } from './storage';

/**
 * Serves stored media at `/media/<key>` from MEDIA_ROOT. Only media keys are served (not
 * work files, not other modules' folders); names are random and never rewritten, so
 * responses are cacheable for a year (`immutable`). Range requests work (video seeking).
 */
export const mediaStaticRoutes: FastifyPluginAsync<{ root: string }> = async (app, opts) => {
  fs.mkdirSync(opts.root, { recursive: true });
  await app.register(fastifyStatic, {
    root: opts.root,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    allowedPath: (pathName) => MEDIA_KEY.test(pathName.replace(/^\/+/, '')),
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    },
    schemaHide: true,
  });
};
