import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { PI_SANDBOX_DEV_APP_WALLET_ADDRESS } from '@pishop/pi-protocol';
import { loadConfig, ROOT_DIR } from '../src/config';
import { openDataSource, runMigrations } from '../src/db/database';
import { runSeeders } from '../src/db/seed';
import { ADMIN_LOGIN, BENCH_PASSWORD, growOrders, seedPeopleAndCatalog } from './seed';
import { Target } from './servers';
import { runPayments, type PaymentsResult } from './payments';
import { spaBudgets, type SpaBudget } from './spa';
import { compare, printCases, printGrowth, printPayments, printSpa } from './report';

/**
 * `pnpm bench` (see the README): the API against a bare Fastify route, alternated in rounds,
 * on MariaDB and SQLite; the payment path; a growth run; SPA budgets. `--quick` for a try-out,
 * `--compare A.json B.json` to set two saved runs side by side.
 */
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    compare: { type: 'boolean', default: false },
    'growth-size': { type: 'string' },
    rounds: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    only: { type: 'string' },
    db: { type: 'string', default: 'mariadb,sqlite' },
    cases: { type: 'string' },
  },
  allowPositionals: true,
  strict: true,
});

const RESULTS_DIR = path.join(ROOT_DIR, 'bench', 'results');
const quick = args.quick;
const rounds = Number(args.rounds ?? (quick ? 1 : 3));
const duration = Number(args.duration ?? (quick ? 3 : 10));
const connections = Number(args.connections ?? 50);
const growthSize = Number(args['growth-size'] ?? (quick ? 20_000 : 1_000_000));
const shape = quick ? { customers: 2_000, services: 2_000 } : { customers: 10_000, services: 10_000 };
const BASE_ORDERS = 1_000;
const parts = new Set((args.only ?? 'reads,payments,growth,spa').split(','));
const PI_KEY = 'bench-pi-server-key';

export interface CaseResult {
  db: string;
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerReq: number;
  rssMb: number;
  queriesPerReq: number;
  bareRps: number;
  ratio: number;
  /** Bare CPU per request ÷ API CPU per request: the throughput ratio when CPU is the limit, steadier on a busy machine. */
  cpuRatio: number;
  bareCpuMsPerReq: number;
  rounds: number;
}

export interface GrowthResult {
  db: string;
  name: string;
  small: { orders: number; p50: number; p99: number; rps: number };
  large: { orders: number; p50: number; p99: number; rps: number };
  p50Ratio: number;
}

export interface BenchResult {
  at: string;
  node: string;
  cpus: number;
  loadavg: number[];
  settings: { quick: boolean; rounds: number; duration: number; connections: number; growthSize: number; shape: typeof shape };
  cases: CaseResult[];
  payments: PaymentsResult[];
  growth: GrowthResult[];
  spa: SpaBudget[];
}

interface Case {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(url: string, headers: Record<string, string> = {}, secs = duration, conns = connections): Promise<Load> {
  const r = await autocannon({ url, connections: conns, duration: secs, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx - (r.statusCodeStats?.['304']?.count ?? 0), requests: r.requests.total };
}

/** One measured run against the API: load + the server's CPU, RSS and query count over it. */
async function measure(api: Target, c: Case, secs?: number, conns?: number) {
  const before = await api.stats();
  const l = await load(api.url + c.path, c.headers, secs, conns);
  const after = await api.stats();
  const n = Math.max(1, l.requests);
  return { ...l, cpuMsPerReq: (after.cpuMicros - before.cpuMicros) / 1000 / n, rssMb: after.rss / 2 ** 20, queriesPerReq: (after.queries - before.queries) / n };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function json<T>(url: string, init: RequestInit = {}): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return { body: (await res.json()) as T, headers: res.headers };
}

async function login(api: Target, loginName: string): Promise<string> {
  const { body } = await json<{ accessToken: string }>(`${api.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ login: loginName, password: BENCH_PASSWORD }) });
  return body.accessToken;
}

async function casesFor(api: Target): Promise<Case[]> {
  const list = await fetch(`${api.url}/api/v1/services?page=1&pageSize=24`);
  const etag = list.headers.get('etag');
  const slug = ((await list.json()) as { items: { slug: string }[] }).items[0].slug;
  const customer = await login(api, 'bench_c1');
  const admin = await login(api, ADMIN_LOGIN);
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
  return [
    { name: 'no-db /auth/config', path: '/api/v1/auth/config' },
    { name: '/health', path: '/api/v1/health' },
    { name: '/services (24)', path: '/api/v1/services?page=1&pageSize=24' },
    ...(etag ? [{ name: '/services 304', path: '/api/v1/services?page=1&pageSize=24', headers: { 'if-none-match': etag } }] : []),
    { name: '/services/:slug', path: `/api/v1/services/${slug}` },
    { name: '/home', path: '/api/v1/home' },
    { name: 'customer /orders', path: '/api/v1/orders', headers: bearer(customer) },
    { name: 'admin orders paid', path: `/api/v1/admin/orders?filter=${q({ status: 'paid' })}&sort=${q(['createdAt', 'DESC'])}&range=${q([0, 24])}`, headers: bearer(admin) },
    { name: 'admin payments', path: `/api/v1/admin/payments?range=${q([0, 24])}`, headers: bearer(admin) },
  ].filter((c) => !args.cases || args.cases.split(',').some((want) => c.name.includes(want)));
}

interface Db {
  label: 'mariadb' | 'sqlite';
  url: string;
}

async function freshDatabase(db: Db, mediaRoot: string, log: (m: string) => void) {
  if (db.label === 'mariadb') {
    const u = new URL(db.url);
    const name = decodeURIComponent(u.pathname.slice(1));
    const admin = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
  }
  const config = loadConfig({ DATABASE_URL: db.url, MEDIA_ROOT: mediaRoot });
  const ds = await openDataSource(config.database);
  await runMigrations(ds);
  await runSeeders(ds, config);
  log(`  seeding ${shape.customers.toLocaleString('en')} customers, ${shape.services.toLocaleString('en')} services, ${BASE_ORDERS.toLocaleString('en')} orders`);
  await seedPeopleAndCatalog(ds, shape);
  await growOrders(ds, BASE_ORDERS, log);
  return ds;
}

async function main() {
  if (args.compare) {
    const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
    const read = (f: string) => JSON.parse(fs.readFileSync(fs.existsSync(f) ? f : path.join(RESULTS_DIR, f), 'utf8')) as BenchResult;
    compare(read(a), read(b));
    return;
  }
  const log = (m: string) => console.error(m);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pishop-bench-'));
  const wanted = new Set(args.db.split(','));
  const dbs: Db[] = [
    { label: 'mariadb' as const, url: process.env.BENCH_DATABASE_URL ?? 'mariadb://root@127.0.0.1:3306/pishop_bench' },
    { label: 'sqlite' as const, url: `sqlite:${path.join(work, 'bench.sqlite')}` },
  ].filter((d) => wanted.has(d.label));
  const result: BenchResult = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadavg: os.loadavg(),
    settings: { quick, rounds, duration, connections, growthSize, shape },
    cases: [],
    payments: [],
    growth: [],
    spa: [],
  };
  log(`pnpm bench${quick ? ' --quick' : ''}: ${rounds} round(s), ${duration}s per run, ${connections} connections, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  const bare = await Target.start('bare');
  const sandbox = await Target.start('sandbox', {}, { BENCH_PI_KEY: PI_KEY });
  try {
    for (const db of dbs) {
      if (!parts.has('reads') && !(db.label === 'mariadb' && (parts.has('payments') || parts.has('growth')))) continue;
      log(`\n[${db.label}] fresh database`);
      const mediaRoot = path.join(work, `media-${db.label}`);
      const ds = await freshDatabase(db, mediaRoot, log);
      const env = {
        DATABASE_URL: db.url,
        MEDIA_ROOT: mediaRoot,
        DEMO_DATA: 'false',
        RATE_LIMIT_MAX: '1000000000',
        PI_SANDBOX_LOCAL: 'false',
        PI_API_KEY: PI_KEY,
        PI_API_BASE_URL: sandbox.url,
        PI_HORIZON_URL: `${sandbox.url}/ledger`,
        PI_APP_WALLET_ADDRESS: PI_SANDBOX_DEV_APP_WALLET_ADDRESS,
        PI_RECONCILE_INTERVAL_SECONDS: '0',
        JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789abcdef',
      };
      let api = await Target.start('api', env);
      try {
        const cases = await casesFor(api);
        if (parts.has('reads')) {
          const perCase = new Map<string, { api: Awaited<ReturnType<typeof measure>>[]; bare: Awaited<ReturnType<typeof measure>>[] }>();
          for (let r = 1; r <= rounds; r++) {
            log(`  round ${r}/${rounds}`);
            for (const c of cases) {
              const b = await measure(bare, { name: 'bare', path: '/json' });
              const m = await measure(api, c);
              const entry = perCase.get(c.name) ?? { api: [], bare: [] };
              entry.api.push(m);
              entry.bare.push(b);
              perCase.set(c.name, entry);
              log(`    ${c.name.padEnd(22)} ${Math.round(m.rps)} req/s vs bare ${Math.round(b.rps)} (${(m.rps / b.rps).toFixed(2)})`);
            }
          }
          for (const [name, { api: ms, bare: bs }] of perCase) {
            const ratios = ms.map((m, i) => m.rps / bs[i].rps);
            const pick = ms[ratios.indexOf(median(ratios))];
            result.cases.push({
              db: db.label,
              name,
              rps: pick.rps,
              p50: pick.p50,
              p99: pick.p99,
              errors: ms.reduce((s, m) => s + m.errors, 0),
              cpuMsPerReq: pick.cpuMsPerReq,
              rssMb: pick.rssMb,
              queriesPerReq: pick.queriesPerReq,
              bareRps: bs[ratios.indexOf(median(ratios))].rps,
              bareCpuMsPerReq: median(bs.map((b) => b.cpuMsPerReq)),
              cpuRatio: median(bs.map((b, i) => b.cpuMsPerReq / Math.max(ms[i].cpuMsPerReq, 1e-6))),
              ratio: median(ratios),
              rounds: ms.length,
            });
          }
        }
        if (db.label === 'mariadb' && parts.has('growth')) {
          const listCases = cases.filter((c) => !['no-db /auth/config', '/health', '/services 304'].includes(c.name));
          const gSecs = quick ? 3 : 5;
          const gConns = 10;
          const small = new Map<string, Load>();
          for (const c of listCases) small.set(c.name, await measure(api, c, gSecs, gConns));
          log(`  growing to ${growthSize.toLocaleString('en')} orders`);
          const started = Date.now();
          await growOrders(ds, growthSize, log);
          log(`  grown in ${((Date.now() - started) / 1000).toFixed(0)} s`);
          // Fresh statistics, as a live database keeps them, and a pause so InnoDB's purge and
          // flush after the bulk insert do not weigh on the first measurements.
          for (const table of ['orders', 'order_items', 'payments', 'threads']) await ds.query(`ANALYZE TABLE ${table}`);
          await new Promise((r) => setTimeout(r, quick ? 3000 : 15_000));
          await api.stop();
          api = await Target.start('api', env);
          const bigCases = await casesFor(api);
          for (const c of bigCases.filter((x) => small.has(x.name))) {
            const s = small.get(c.name)!;
            const l = await measure(api, c, gSecs, gConns);
            result.growth.push({
              db: db.label,
              name: c.name,
              small: { orders: BASE_ORDERS, p50: s.p50, p99: s.p99, rps: s.rps },
              large: { orders: growthSize, p50: l.p50, p99: l.p99, rps: l.rps },
              p50Ratio: l.p50 / Math.max(s.p50, 1),
            });
          }
        }
        if (db.label === 'mariadb' && parts.has('payments')) {
          log('  payment path');
          result.payments.push(await runPayments({ db: db.label, api, sandboxUrl: sandbox.url, ds, seconds: quick ? 5 : 15, workers: 20, log }));
        }
      } finally {
        await api.stop();
        await ds.destroy();
      }
    }
  } finally {
    await bare.stop();
    await sandbox.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (parts.has('spa')) result.spa = spaBudgets();

  printCases(result.cases);
  printPayments(result.payments);
  printGrowth(result.growth);
  printSpa(result.spa);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`\nSaved ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
