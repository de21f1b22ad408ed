import type { BenchResult, CaseResult, GrowthResult } from './run';
import type { PaymentsResult } from './payments';
import type { SpaBudget } from './spa';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const f = (n: number, d = 0) => n.toFixed(d);

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function printCases(cases: CaseResult[]): void {
  if (!cases.length) return;
  console.log('\nReads (median ratio over rounds; bare = Fastify 5 JSON route in the same round; CPU ratio = bare CPU/req ÷ API CPU/req)');
  table(
    ['db', 'case', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU ms/req', 'RSS MB', 'SQL/req', 'bare req/s', 'ratio', 'bare CPU ms/req', 'CPU ratio'],
    cases.map((c) => [c.db, c.name, f(c.rps), f(c.p50), f(c.p99), String(c.errors), f(c.cpuMsPerReq, 2), f(c.rssMb), f(c.queriesPerReq, 2), f(c.bareRps), f(c.ratio, 3), f(c.bareCpuMsPerReq ?? 0, 3), f(c.cpuRatio ?? 0, 3)]),
  );
}

export function printPayments(ps: PaymentsResult[]): void {
  for (const p of ps) {
    console.log(`\nPayment path (${p.db}, ${p.workers} workers, ${f(p.seconds, 1)} s): ${p.completed} payments, ${f(p.perSecond, 1)} payments/s, ${p.failures} failures, ${f(p.cpuMsPerPayment, 1)} ms API CPU and ${f(p.queriesPerPayment, 1)} SQL per payment`);
    table(['step', 'via', 'p50 ms', 'p99 ms'], Object.entries(p.steps).map(([s, v]) => [s, ['createPayment', 'submit'].includes(s) ? 'Pi sandbox' : 'API', f(v.p50, 1), f(v.p99, 1)]));
    console.log(p.anomalies.length ? `Anomalies (${p.anomalies.length}):\n  ${p.anomalies.slice(0, 20).join('\n  ')}` : 'Anomalies: none (every payment confirmed once, order paid, one /complete at Pi, nothing flagged)');
  }
}

export function printGrowth(gs: GrowthResult[]): void {
  if (!gs.length) return;
  console.log(`\nGrowth (${gs[0].db}): ${gs[0].small.orders.toLocaleString('en')} vs ${gs[0].large.orders.toLocaleString('en')} orders, 10 connections`);
  table(
    ['db', 'case', 'p50 small', 'p50 large', 'p99 small', 'p99 large', 'req/s small', 'req/s large', 'p50 ratio'],
    gs.map((g) => [g.db, g.name, f(g.small.p50), f(g.large.p50), f(g.small.p99), f(g.large.p99), f(g.small.rps), f(g.large.rps), f(g.p50Ratio, 2)]),
  );
}

export function printSpa(spa: SpaBudget[]): void {
  if (!spa.length) return;
  console.log('\nSPA first route (what index.html loads)');
  table(
    ['app', 'built', 'JS raw', 'JS gzip', 'JS brotli', 'CSS gzip', 'CSS brotli', 'JS gzip budget'],
    spa.map((s) => [s.app, s.built ? 'yes' : 'no (pnpm build)', kb(s.js.raw), kb(s.js.gzip), kb(s.js.brotli), kb(s.css.gzip), kb(s.css.brotli), s.built ? `${kb(s.budgetGzipJs)} ${s.js.gzip <= s.budgetGzipJs ? 'ok' : 'OVER'}` : kb(s.budgetGzipJs)]),
  );
}

/** Two saved runs side by side. */
export function compare(a: BenchResult, b: BenchResult): void {
  console.log(`A: ${a.at} (load ${a.loadavg.map((x) => x.toFixed(1)).join(' ')})\nB: ${b.at} (load ${b.loadavg.map((x) => x.toFixed(1)).join(' ')})`);
  const key = (c: { db: string; name: string }) => `${c.db} ${c.name}`;
  const bCases = new Map(b.cases.map((c) => [key(c), c]));
  table(
    ['db', 'case', 'A req/s', 'B req/s', 'A p99', 'B p99', 'A SQL/req', 'B SQL/req', 'A ratio', 'B ratio'],
    a.cases.filter((c) => bCases.has(key(c))).map((c) => {
      const o = bCases.get(key(c))!;
      return [c.db, c.name, f(c.rps), f(o.rps), f(c.p99), f(o.p99), f(c.queriesPerReq, 2), f(o.queriesPerReq, 2), f(c.ratio, 3), f(o.ratio, 3)];
    }),
  );
  const bGrowth = new Map(b.growth.map((g) => [key(g), g]));
  if (a.growth.length) {
    console.log('');
    table(['db', 'case', 'A p50 ratio', 'B p50 ratio'], a.growth.filter((g) => bGrowth.has(key(g))).map((g) => [g.db, g.name, f(g.p50Ratio, 2), f(bGrowth.get(key(g))!.p50Ratio, 2)]));
  }
  for (const [label, r] of [['A', a], ['B', b]] as const) {
    for (const p of r.payments) console.log(`${label} payments: ${f(p.perSecond, 1)}/s, ${p.anomalies.length} anomalies, ${f(p.cpuMsPerPayment, 1)} ms CPU/payment`);
  }
}
