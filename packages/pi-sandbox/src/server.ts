import Fastify, { type FastifyInstance } from 'fastify';
import type { PiSandboxOptions } from './options';
import { piSandboxPlugin } from './plugin';

/** A standalone sandbox: the same routes as the mounted plugin, at the root. */
export function buildPiSandbox(opts: PiSandboxOptions): FastifyInstance {
  const app = Fastify({ logger: opts.logger ?? false });
  app.register(piSandboxPlugin, opts);
  return app;
}
