import 'reflect-metadata';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { API_PREFIX } from '@pishop/shared';
import { ROOT_DIR, type AppConfig } from './config';
import { validatorCompiler } from './lib/validation';
import configPlugin from './plugins/config';
import dbPlugin from './plugins/db';
import errorsPlugin, { sendNotFound } from './plugins/errors';
import securityHeaders from './plugins/security-headers';
import corsPlugin from './plugins/cors';
import rateLimitPlugin from './plugins/rate-limit';
import docsPlugin from './plugins/docs';
import authPlugin from './plugins/auth';
import mailerPlugin from './plugins/mailer';
import eventsPlugin from './plugins/events';
import piPlatformPlugin from './plugins/pi-platform';
import spaPlugin, { type SpaApp } from './plugins/spa';
import { healthRoutes } from './modules/health/health.routes';
import { siteRoutes } from './modules/site/site.routes';
import mediaModule from './modules/media';
import accountsModule from './modules/accounts';
import catalogModule from './modules/catalog';
import contentModule from './modules/content';
import inboxModule from './modules/inbox';
import ordersModule from './modules/orders';
import paymentsModule from './modules/payments';

export interface BuildAppOptions {
  dataSource: DataSource;
  /** Close the DataSource when the app closes (default true). */
  closeDataSource?: boolean;
  /** Serve the built SPAs (default: true outside tests). */
  serveSpas?: boolean;
  /** Where the built SPAs are (default: apps/admin/dist at /admin/, apps/web/dist at /). */
  spas?: SpaApp[];
  logger?: boolean;
  /** Where the JSON log lines go (default stdout), e.g. a file or a collector. */
  logStream?: { write(line: string): void };
}

/** Never logged: credentials, and the wallet seed wherever it might ride along (it is also a `Secret`). */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'PI_WALLET_PRIVATE_SEED',
  '*.PI_WALLET_PRIVATE_SEED',
  'walletSeed',
  '*.walletSeed',
  '*.*.walletSeed',
];

const defaultSpas: SpaApp[] = [
  { prefix: '/admin/', root: path.join(ROOT_DIR, 'apps/admin/dist') },
  { prefix: '/', root: path.join(ROOT_DIR, 'apps/web/dist') },
];

/** The app factory used by the server, the tests and the CLI. */
export async function buildApp(config: AppConfig, opts: BuildAppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel, redact: LOG_REDACT_PATHS, ...(opts.logStream && { stream: opts.logStream }) },
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  // Cross-cutting plugins, in dependency order.
  await app.register(configPlugin, { config });
  await app.register(errorsPlugin);
  await app.register(dbPlugin, { dataSource: opts.dataSource, closeWithApp: opts.closeDataSource ?? true });
  await app.register(securityHeaders);
  await app.register(corsPlugin);
  await app.register(rateLimitPlugin);
  await app.register(docsPlugin);
  await app.register(authPlugin);
  await app.register(mailerPlugin);
  await app.register(eventsPlugin);
  await app.register(piPlatformPlugin);

  // Domain modules, each after the modules it depends on (the module graph, bottom up):
  // media; accounts; catalog → media; content → catalog, media; inbox → accounts;
  // orders → catalog, content, inbox; payments → orders, inbox, accounts.
  await app.register(healthRoutes, { prefix: API_PREFIX });
  await app.register(siteRoutes);
  await app.register(mediaModule);
  await app.register(accountsModule);
  await app.register(catalogModule);
  await app.register(contentModule);
  await app.register(inboxModule);
  await app.register(ordersModule);
  await app.register(paymentsModule);

  if (opts.serveSpas ?? config.env !== 'test') {
    await app.register(spaPlugin, { apps: opts.spas ?? defaultSpas });
  }
  app.setNotFoundHandler((request, reply) => {
    if (app.hasDecorator('serveSpaIndex') && app.serveSpaIndex(request, reply)) return reply;
    return sendNotFound(request, reply);
  });
  return app;
}
