import type { FastifyPluginAsync } from 'fastify';
import { createSandbox } from './core/sandbox';
import { isolateContext } from './http/context';
import { controlRoutes } from './http/control-routes';
import { ledgerRoutes } from './http/ledger-routes';
import { platformRoutes } from './http/platform-routes';
import { sdkRoute } from './http/sdk-route';
import { type PiSandboxOptions, resolveOptions } from './options';

/**
 * The whole sandbox as one encapsulated Fastify plugin (deliberately not wrapped with
 * fastify-plugin): its parsers, error handler and state stay inside its prefix.
 */
export const piSandboxPlugin: FastifyPluginAsync<PiSandboxOptions> = async (app, opts) => {
  const sandbox = createSandbox(resolveOptions(opts));
  const mountPrefix = app.prefix;
  app.addHook('onClose', async () => sandbox.close());
  // Expiries are applied when due: before any request can observe the state, and when the clock moves.
  app.addHook('onRequest', async () => sandbox.payments.expireDue());

  isolateContext(app, mountPrefix);
  platformRoutes(app, sandbox, mountPrefix);
  ledgerRoutes(app, sandbox, mountPrefix);
  sdkRoute(app);
  // Without control there is no wallet side at all: its routes fall through to the 404 handler.
  if (sandbox.options.enableControl) controlRoutes(app, sandbox, mountPrefix);
};
