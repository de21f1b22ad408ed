import { buildTestApp, bearer, type TestApp } from '../support/app';
import { createUser } from '../support/users';
import { growOrders, seedPeopleAndCatalog } from '../../bench/seed';

/**
 * The list reads the back office and the storefront make at every page view are planned from
 * an index: no full table scan and no filesort (a temporary sort) on orders or payments.
 * Thousands of orders (bulk-inserted as `pnpm bench` does) so the planner has a real choice.
 */
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

interface Captured {
  sql: string;
  params: unknown[];
}

describe('query plans of list reads', () => {
  let t: TestApp;
  let admin: string;
  let customer: string;
  const captured: Captured[] = [];
  let capturing = false;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedPeopleAndCatalog(t.ds, { customers: 300, services: 50 });
    await growOrders(t.ds, 6000, () => {});
    if (t.config.database.driver !== 'sqlite') {
      for (const table of ['orders', 'payments', 'threads', 'order_items']) await t.ds.query(`ANALYZE TABLE ${table}`);
    } else {
      await t.ds.query('ANALYZE');
    }
    admin = (await createUser(t, { role: 'admin' })).token;
    const [{ id }] = (await t.ds.query("SELECT id FROM users WHERE username = 'bench_c7'")) as { id: number }[];
    customer = t.app.signAccessToken({ sub: String(id), role: 'customer' });
    const logger = t.ds.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (capturing) captured.push({ sql: query, params: (parameters ?? []) as unknown[] });
      return logQuery(query, parameters, runner);
    };
  });
  afterAll(() => t.close());

  /** The SELECTs a request ran against orders or payments. */
  async function selectsOf(url: string, token: string): Promise<Captured[]> {
    captured.length = 0;
    capturing = true;
    const res = await t.app.inject({ method: 'GET', url, headers: bearer(token) });
    capturing = false;
    expect(res.statusCode).toBe(200);
    return captured.filter((c) => /^\s*SELECT/i.test(c.sql) && /\b(FROM|JOIN)\s+[`"]?(orders|payments)[`"]?/i.test(c.sql));
  }

  /** Problems in a statement's plan: a full scan or a temporary sort of orders/payments. */
  async function planProblems(c: Captured): Promise<string[]> {
    const problems: string[] = [];
    if (t.config.database.driver === 'sqlite') {
      const plan = (await t.ds.query(`EXPLAIN QUERY PLAN ${c.sql}`, c.params)) as { detail: string }[];
      for (const { detail } of plan) {
        if (/^SCAN (orders|payments)\b/.test(detail.replace(/ AS \w+/, '')) && !/INDEX/.test(detail)) problems.push(`full scan: ${detail}`);
        if (/USE TEMP B-TREE FOR ORDER BY/.test(detail)) problems.push(`sort: ${detail}`);
      }
    } else {
      const plan = (await t.ds.query(`EXPLAIN ${c.sql}`, c.params)) as { table: string; type: string; Extra: string | null; key: string | null }[];
      const tables = new Set<string>();
      for (const row of plan) tables.add(row.table);
      for (const row of plan) {
        if (!/^(o|p|orders|payments)$/i.test(row.table) && !/orders|payments/i.test(row.table)) continue;
        if (row.type === 'ALL') problems.push(`full scan of ${row.table}`);
        if (/filesort/i.test(row.Extra ?? '')) problems.push(`filesort on ${row.table} (${row.Extra})`);
      }
    }
    return problems.map((p) => `${p}\n    in: ${c.sql.slice(0, 300)}`);
  }

  it.each([
    ['admin orders filtered by status, newest first', (): string => `/api/v1/admin/orders?filter=${q({ status: 'paid' })}&sort=${q(['createdAt', 'DESC'])}&range=${q([0, 24])}`, 'admin'],
    ['admin orders newest first', (): string => `/api/v1/admin/orders?sort=${q(['createdAt', 'DESC'])}&range=${q([0, 24])}`, 'admin'],
    ['admin orders default page', (): string => `/api/v1/admin/orders?range=${q([0, 24])}`, 'admin'],
    ['admin payments newest first', (): string => `/api/v1/admin/payments?sort=${q(['createdAt', 'DESC'])}&range=${q([0, 24])}`, 'admin'],
    ['admin payments filtered by status', (): string => `/api/v1/admin/payments?filter=${q({ status: 'confirmed' })}&sort=${q(['createdAt', 'DESC'])}&range=${q([0, 24])}`, 'admin'],
    ["a customer's orders", (): string => '/api/v1/orders', 'customer'],
    ['the home page', (): string => '/api/v1/home', 'customer'],
  ] as const)('%s: no full scan, no filesort', async (_name, url, who) => {
    const selects = await selectsOf(url(), who === 'admin' ? admin : customer);
    expect(selects.length).toBeGreaterThan(0);
    const problems = (await Promise.all(selects.map(planProblems))).flat();
    expect(problems).toEqual([]);
  });
});
