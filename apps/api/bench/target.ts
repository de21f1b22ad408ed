import 'reflect-metadata';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AbstractLogger, DataSource } from 'typeorm';
import { PI_SANDBOX_DEV_APP_WALLET_SEED } from '@pishop/pi-protocol';
import { buildPiSandbox } from '@pishop/pi-sandbox';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDataSource } from '../src/db/database';

/**
 * One server under test, in its own process so its CPU time and memory can be read apart
 * from the load generator's. Started by run.ts with `BENCH_TARGET` = `api` | `bare` |
 * `sandbox` (+ `BENCH_ENV`, JSON of settings for the API). It prints `listening <url>` and
 * answers `{type: 'stats'}` messages over IPC with its CPU time, RSS and SQL query count.
 */
export interface TargetStats {
  cpuMicros: number;
  rss: number;
  queries: number;
}

let queries = 0;

/** Counts every SQL statement TypeORM sends, whatever the driver, by wrapping its logger. */
function countQueries(ds: DataSource): void {
  const logger = ds.logger as AbstractLogger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (...args: Parameters<typeof logQuery>) => {
    queries += 1;
    return logQuery(...args);
  };
}

/** The reference: Fastify 5 with one JSON route and nothing else. */
async function bare(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/json', async () => ({ hello: 'world', items: [1, 2, 3] }));
  return app;
}

async function api(): Promise<FastifyInstance> {
  const env = JSON.parse(process.env.BENCH_ENV ?? '{}') as Record<string, string>;
  const config = loadConfig(env);
  const ds = await openDataSource(config.database, { transactionRetries: config.dbTransactionRetries });
  countQueries(ds);
  // Logging stays on at the configured level (its cost is part of a request), into a sink.
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  return buildApp(config, { dataSource: ds, serveSpas: false, logStream: sink });
}

async function main() {
  const kind = process.env.BENCH_TARGET;
  const app = kind === 'bare' ? await bare() : kind === 'sandbox' ? buildPiSandbox({ apiKey: process.env.BENCH_PI_KEY!, appWalletSeed: PI_SANDBOX_DEV_APP_WALLET_SEED }) : await api();
  process.on('message', (msg: { type: string }) => {
    if (msg.type !== 'stats') return;
    const cpu = process.cpuUsage();
    const stats: TargetStats = { cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss, queries };
    process.send?.({ type: 'stats', stats });
  });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ type: 'listening', url });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
