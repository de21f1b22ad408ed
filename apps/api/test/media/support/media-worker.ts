/**
 * A separate API process for the restart tests: it builds the app on the test's database
 * (MEDIA_WORKER_DATABASE, JSON) with the settings in its environment, so its job runner
 * claims queued media jobs, then idles until the test kills it.
 */
import 'reflect-metadata';
import { buildApp } from '../../../src/app';
import { loadConfig, type DatabaseConfig } from '../../../src/config';
import { openDataSource } from '../../../src/db/database';

async function main() {
  const database = JSON.parse(process.env.MEDIA_WORKER_DATABASE ?? '') as DatabaseConfig;
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
  config.database = database;
  const ds = await openDataSource(database);
  const app = await buildApp(config, { dataSource: ds, logger: false, serveSpas: false });
  await app.ready();
  process.stdout.write(`ready ${app.mediaJobs.claimId}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
