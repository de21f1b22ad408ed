import 'reflect-metadata';
import { PI_SANDBOX_PREFIX } from '@pishop/shared';
import { ConfigError, ensureJwtSecret, loadConfigFromEnvFile, type AppConfig } from './config';
import { buildApp } from './app';
import { dataSourceSettings, openDataSource, runMigrations } from './db/database';
import { runSeeders } from './db/seed';
import { seedDemoMedia } from './db/demo-media';

async function main() {
  const config = readConfigOrExit();
  const ds = await openDataSource(config.database, dataSourceSettings(config));
  const applied = await runMigrations(ds);
  const app = await buildApp(config, { dataSource: ds });
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (config.demoData) await runSeeders(ds, config, (msg) => app.log.info(msg));
  if (config.pi.sandboxLocal) await mountPiSandbox(app, config);
  if (config.demoData && config.demoMedia) {
    // After ready: the media job runner makes the clips' previews.
    await app.ready();
    await seedDemoMedia(ds, app.media, config, (msg) => app.log.info(msg)).catch((err) => app.log.error({ err }, 'demo media: not made'));
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      void app.close().then(() => process.exit(0));
    });
  }
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`storefront ${config.publicUrl}/  admin ${config.publicUrl}/admin/  API docs ${config.publicUrl}/api/docs`);
}

/** The local Pi Platform stand-in, reached by the API over HTTP like the real one. */
async function mountPiSandbox(app: Awaited<ReturnType<typeof buildApp>>, config: AppConfig) {
  const { piSandboxPlugin } = await import('@pishop/pi-sandbox');
  await app.register(piSandboxPlugin, {
    prefix: PI_SANDBOX_PREFIX,
    apiKey: config.pi.apiKey,
    network: config.pi.network,
    appWalletSeed: config.pi.sandboxAppWalletSeed?.reveal(),
    approvalTimeoutMs: config.pi.sandboxApprovalTimeoutMs,
    enableControl: config.pi.sandboxControl,
  });
  app.log.warn(`Pi sandbox mounted at ${PI_SANDBOX_PREFIX}: payments are simulated, not real π`);
}

function readConfigOrExit(): AppConfig {
  try {
    // Without JWT_SECRET (development) the secret is read from, or first written to, the data folder.
    return ensureJwtSecret(loadConfigFromEnvFile());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

main().catch((err) => {
  console.error('Failed to start:', err);
  process.exit(1);
});
