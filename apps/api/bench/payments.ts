import type { DataSource } from 'typeorm';
import { PiSandboxClient } from '@pishop/pi-sandbox';
import type { Target } from './servers';

/**
 * The whole payment path, as Pi Browser drives it: checkout → the Pioneer creates the Pi
 * payment → /pi/approve → the Pioneer signs and submits → /pi/complete, by N workers (each
 * a Pioneer signed in with Pi) for a bounded time. Afterwards an anomaly check compares the
 * database with Pi: every completed payment confirmed once, its order paid, one /complete per
 * payment at Pi, nothing flagged.
 */
export interface PaymentsResult {
  db: string;
  workers: number;
  seconds: number;
  completed: number;
  perSecond: number;
  failures: number;
  cpuMsPerPayment: number;
  queriesPerPayment: number;
  steps: Record<string, { p50: number; p99: number }>;
  anomalies: string[];
}

const STEPS = ['checkout', 'createPayment', 'approve', 'submit', 'complete'] as const;

function pct(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function runPayments(opts: { db: string; api: Target; sandboxUrl: string; ds: DataSource; seconds: number; workers: number; log: (m: string) => void }): Promise<PaymentsResult> {
  const { api, ds } = opts;
  const pi = new PiSandboxClient(opts.sandboxUrl);
  const post = async (url: string, token: string, body: unknown) => {
    const res = await fetch(`${api.url}/api/v1${url}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const slug = ((await (await fetch(`${api.url}/api/v1/services?page=1&pageSize=1`)).json()) as { items: { slug: string }[] }).items[0].slug;
  const pioneers = await Promise.all(
    Array.from({ length: opts.workers }, async () => {
      const user = await pi.createUser({});
      const res = await fetch(`${api.url}/api/v1/auth/pi`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accessToken: user.accessToken }) });
      if (!res.ok) throw new Error(`auth/pi: ${res.status} ${await res.text()}`);
      return { user, token: ((await res.json()) as { accessToken: string }).accessToken };
    }),
  );
  await pi.clearCalls();
  const times: Record<string, number[]> = Object.fromEntries(STEPS.map((s) => [s, []]));
  const done: { piPaymentId: string; orderNumber: string }[] = [];
  const errors: string[] = [];
  const timed = async <T>(step: (typeof STEPS)[number], fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    times[step].push(performance.now() - t0);
    return out;
  };
  const before = await api.stats();
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(
    pioneers.map(async ({ user, token }) => {
      while (performance.now() < deadline) {
        try {
          const c = (await timed('checkout', () => post('/orders/checkout', token, { serviceSlug: slug }))) as { order: { number: string }; payment: { amount: string; memo: string; metadata: Record<string, unknown> } };
          const p = await timed('createPayment', () => pi.createPayment({ accessToken: user.accessToken, amount: c.payment.amount, memo: c.payment.memo, metadata: c.payment.metadata }));
          await timed('approve', () => post('/pi/approve', token, { paymentId: p.identifier }));
          const { txid } = await timed('submit', () => pi.submit(p.identifier));
          await timed('complete', () => post('/pi/complete', token, { paymentId: p.identifier, txid }));
          done.push({ piPaymentId: p.identifier, orderNumber: c.order.number });
        } catch (err) {
          errors.push((err as Error).message.slice(0, 200));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const after = await api.stats();

  // Anomaly check: the database and Pi agree on every payment the workers completed.
  const anomalies: string[] = [...new Set(errors)].slice(0, 5).map((e) => `request failed: ${e}`);
  const calls = await pi.calls({ method: 'POST' });
  const completes = new Map<string, number>();
  for (const call of calls) {
    const m = /\/v2\/payments\/([^/]+)\/complete$/.exec(call.path);
    if (m) completes.set(m[1], (completes.get(m[1]) ?? 0) + 1);
  }
  for (const d of done) {
    const rows = (await ds.query(
      "SELECT p.status AS ps, o.status AS os, p.flagged AS flagged, (SELECT COUNT(*) FROM payments x WHERE x.orderId = o.id AND x.status = 'confirmed') AS confirmed FROM payments p JOIN orders o ON o.id = p.orderId WHERE p.piPaymentId = ?",
      [d.piPaymentId],
    )) as { ps: string; os: string; flagged: number | boolean; confirmed: number | string }[];
    const r = rows[0];
    if (!r) anomalies.push(`${d.piPaymentId}: no payment row`);
    else {
      if (r.ps !== 'confirmed') anomalies.push(`${d.piPaymentId}: payment ${r.ps}`);
      if (r.os !== 'paid') anomalies.push(`${d.orderNumber}: order ${r.os}`);
      if (Number(r.flagged)) anomalies.push(`${d.piPaymentId}: flagged`);
      if (Number(r.confirmed) !== 1) anomalies.push(`${d.orderNumber}: ${r.confirmed} confirmed payments`);
    }
    const n = completes.get(d.piPaymentId) ?? 0;
    if (n !== 1) anomalies.push(`${d.piPaymentId}: ${n} /complete calls at Pi`);
    const atPi = await pi.getPayment(d.piPaymentId);
    if (!atPi.status.developer_completed) anomalies.push(`${d.piPaymentId}: not completed at Pi`);
  }
  const steps = Object.fromEntries(STEPS.map((s) => [s, { p50: pct(times[s], 50), p99: pct(times[s], 99) }]));
  opts.log(`    ${done.length} payments in ${elapsed.toFixed(1)} s, ${errors.length} failures, ${anomalies.length} anomalies`);
  return {
    db: opts.db,
    workers: opts.workers,
    seconds: elapsed,
    completed: done.length,
    perSecond: done.length / elapsed,
    failures: errors.length,
    cpuMsPerPayment: (after.cpuMicros - before.cpuMicros) / 1000 / Math.max(1, done.length),
    queriesPerPayment: (after.queries - before.queries) / Math.max(1, done.length),
    steps,
    anomalies,
  };
}
