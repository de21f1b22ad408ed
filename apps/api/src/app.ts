import 'reflect-metadata';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { API_PREFIX } from '@pishop/shared';
import { ROOT_DIR, type AppConfig } from './config';
import { createValidatorCompiler } from './lib/validation';
import configPlugin from './plugins/config';
import dbPlugin from './plugins/db';
import readCachePlugin from './plugins/read-cache';
import errorsPlugin, { sendFrameworkError, sendNotFound } from './plugins/errors';
import securityHeaders from './plugins/security-headers';
import corsPlugin from './plugins/cors';
import rateLimitPlugin from './plugins/rate-limit';
import docsPlugin from './plugins/docs';
import authPlugin from './plugins/auth';
import mailerPlugin, { type MailTransport } from './plugins/mailer';
import requestGuards from './plugins/request-guards';
import eventsPlugin from './plugins/events';
import versioningPlugin from './plugins/versioning';
import piPlatformPlugin from './plugins/pi-platform';
import spaPlugin, { type SpaApp } from './plugins/spa';
import compressPlugin from './plugins/compress';
import { healthRoutes } from './modules/health/health.routes';
import mediaModule from './modules/media';
import accountsModule from './modules/accounts';
import catalogModule from './modules/catalog';
import contentModule from './modules/content';
import inboxModule from './modules/inbox';
import ordersModule from './modules/orders';
import paymentsModule from './modules/payments';
import dashboardModule from './modules/dashboard';
import apiKeysModule from './modules/api-keys';
import webhooksModule from './modules/webhooks';
import siteModule from './modules/site';

export interface BuildAppOptions {
  dataSource: DataSource;
  /** Close the DataSource when the app closes (default true). */
  closeDataSource?: boolean;
  /** Serve the built SPAs (default: the SERVE_SPAS setting). */
  serveSpas?: boolean;
  /** Where mail goes (default: SMTP with SMTP_URL, else the log); the test harness captures it. */
  mailTransport?: MailTransport;
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

function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** The app factory used by the server, the tests and the CLI. */
export async function buildApp(config: AppConfig, opts: BuildAppOptions): Promise<FastifyInstance> {
  const { edge } = config;
  const app: FastifyInstance = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel, redact: LOG_REDACT_PATHS, ...(opts.logStream && { stream: opts.logStream }) },
    // A hop count trusts that many proxies nearest to us (Fastify's types lack the number form).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Routes may set a lower (sign-in) or higher limit of their own.
    bodyLimit: edge.bodyLimitBytes,
    requestTimeout: edge.requestTimeoutMs,
    connectionTimeout: edge.connectionTimeoutMs,
    // Slow headers are cut after HEADERS_TIMEOUT_SECONDS; Node checks every second, not every 30.
    http: { headersTimeout: edge.headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, edge.headersTimeoutMs) },
    // Path parameters up to 256 characters reach their route (slugs may be 200 long); longer ones are refused as 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 },
    frameworkErrors: sendFrameworkError,
  });
  app.setValidatorCompiler(createValidatorCompiler(edge));
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  // Cross-cutting plugins, in dependency order.
  await app.register(configPlugin, { config });
  await app.register(errorsPlugin);
  await app.register(requestGuards);
  await app.register(dbPlugin, { dataSource: opts.dataSource, closeWithApp: opts.closeDataSource ?? true });
  await app.register(readCachePlugin);
  await app.register(securityHeaders);
  await app.register(versioningPlugin);
  await app.register(compressPlugin);
  await app.register(corsPlugin);
  await app.register(rateLimitPlugin);
  await app.register(docsPlugin);
  await app.register(authPlugin);
  await app.register(mailerPlugin, { transport: opts.mailTransport });
  await app.register(eventsPlugin);
  await app.register(piPlatformPlugin);

  // Domain modules, each after the modules it depends on (the module graph, bottom up):
  // media; accounts; catalog → media; content → catalog, media; inbox → accounts;
  // orders → catalog, content, inbox; payments → orders, inbox, accounts.
  // api-keys first: its onRequest hook (API key, scope, acting user) must apply to every route.
  await app.register(apiKeysModule);
  await app.register(healthRoutes, { prefix: API_PREFIX });
  await app.register(mediaModule);
  await app.register(accountsModule);
  await app.register(catalogModule);
  await app.register(contentModule);
  await app.register(inboxModule);
  await app.register(ordersModule);
  await app.register(paymentsModule);
  await app.register(dashboardModule);
  // webhooks → every module's domain events (an outbox row per subscribed endpoint).
  await app.register(webhooksModule);
  // Site files and the storefront's per-URL head tags (reads catalog and content).
  await app.register(siteModule);

  if (opts.serveSpas ?? config.serveSpas) {
    await app.register(spaPlugin, { apps: opts.spas ?? defaultSpas, head: app.storefrontHead });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (app.hasDecorator('serveSpaIndex') && (await app.serveSpaIndex(request, reply))) return reply;
    return sendNotFound(request, reply);
  });
  return app;
}
