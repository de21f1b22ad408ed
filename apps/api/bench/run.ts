import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDataSource, runMigrations } from '../src/db/database';
import { runSeeders } from '../src/db/seed';

/**
 * `pnpm bench`: the public read paths over real HTTP on loopback, on a fresh SQLite file
 * with the demo data. Bounded: each scenario runs BENCH_SECONDS (default 5).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-bench-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: `sqlite:${path.join(dir, 'bench.sqlite')}`, MEDIA_ROOT: path.join(dir, 'media'), RATE_LIMIT_MAX: '100000000' });
  const ds = await openDataSource(config.database);
  await runMigrations(ds);
  await runSeeders(ds, config);
  const app = await buildApp(config, { dataSource: ds, logger: false, serveSpas: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const slug = ((await (await fetch(`${address}/api/v1/services`)).json()) as { items: { slug: string }[] }).items[0].slug;

  const scenarios: [string, string][] = [
    ['health', '/api/v1/health'],
    ['services list', '/api/v1/services?page=1&pageSize=20'],
    ['service detail', `/api/v1/services/${slug}`],
    ['home', '/api/v1/home'],
  ];
  console.log(`${connections} connections, ${seconds}s each, SQLite, Node ${process.version}\n`);
  console.log('scenario          req/s    p50 ms   p99 ms   non-2xx');
  for (const [name, url] of scenarios) {
    const r = await autocannon({ url: address + url, connections, duration: seconds });
    const bad = r.non2xx;
    console.log(`${name.padEnd(16)} ${String(Math.round(r.requests.average)).padStart(6)} ${String(r.latency.p50).padStart(9)} ${String(r.latency.p99).padStart(8)} ${String(bad).padStart(9)}`);
  }
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
