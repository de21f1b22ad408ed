import type { DataSource } from 'typeorm';
import { hashPassword } from '../src/modules/accounts/password';

/**
 * Bulk seeding for the bench, done inside the database (INSERT ... SELECT over a number
 * table), so a million orders take seconds to minutes rather than hours. Works on MariaDB/MySQL
 * and SQLite. Every order gets its item, payment and thread, like one made at checkout.
 */
export const BENCH_PASSWORD = 'bench-password-123';
export const ADMIN_LOGIN = 'bench_admin';

export interface SeedShape {
  customers: number;
  services: number;
}

interface Sql {
  cat: (...parts: string[]) => string;
  ago: (secondsExpr: string) => string;
}

function dialect(ds: DataSource): Sql {
  if (ds.options.type === 'better-sqlite3') {
    return {
      cat: (...parts) => parts.join(' || '),
      ago: (s) => `strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (${s}) || ' seconds')`,
    };
  }
  return {
    cat: (...parts) => `CONCAT(${parts.join(', ')})`,
    ago: (s) => `DATE_SUB(NOW(3), INTERVAL (${s}) SECOND)`,
  };
}

/** A table of the numbers 1..n (doubling inserts). */
async function numbers(ds: DataSource, n: number): Promise<void> {
  await ds.query('DROP TABLE IF EXISTS bench_seq');
  await ds.query('CREATE TABLE bench_seq (n INT NOT NULL PRIMARY KEY)');
  await ds.query('INSERT INTO bench_seq (n) VALUES (1)');
  for (let have = 1; have < n; have *= 2) {
    await ds.query(`INSERT INTO bench_seq (n) SELECT n + ${have} FROM bench_seq WHERE n + ${have} <= ${n}`);
  }
}

interface Queryable {
  query(sql: string): Promise<unknown>;
}

async function scalar(ds: Queryable, sql: string): Promise<number> {
  const rows = (await ds.query(sql)) as Record<string, unknown>[];
  return Number(Object.values(rows[0])[0] ?? 0);
}

/** Customers (bench_c1..), one admin and services (bench-service-1..), all with one password. */
export async function seedPeopleAndCatalog(ds: DataSource, shape: SeedShape): Promise<void> {
  const { cat } = dialect(ds);
  await numbers(ds, Math.max(shape.customers, shape.services));
  const hash = (await hashPassword(BENCH_PASSWORD)).replace(/'/g, "''");
  await ds.query(
    `INSERT INTO users (email, username, passwordHash, role, isActive)
     SELECT ${cat("'bench_c'", 'n', "'@example.test'")}, ${cat("'bench_c'", 'n')}, '${hash}', 'customer', 1 FROM bench_seq WHERE n <= ${shape.customers}`,
  );
  await ds.query(`INSERT INTO users (email, username, passwordHash, role, isActive) VALUES ('bench_admin@example.test', '${ADMIN_LOGIN}', '${hash}', 'admin', 1)`);
  const position = await scalar(ds, 'SELECT COALESCE(MAX(position), 0) FROM services');
  await ds.query(
    `INSERT INTO services (title, slug, summary, description, priceEurCents, active, featured, position)
     SELECT ${cat("'Bench service '", 'n')}, ${cat("'bench-service-'", 'n')}, 'A service seeded by the bench.', 'Seeded by pnpm bench.', 1000 + (n % 50) * 100, 1, 0, ${position} + n
     FROM bench_seq WHERE n <= ${shape.services}`,
  );
}

/**
 * Grows the orders table to `total` rows (orders spread over the bench customers and the
 * last ten days, a third each pending/paid/cancelled), each with an item, a payment and a thread.
 */
export async function growOrders(ds: DataSource, total: number, log: (msg: string) => void): Promise<void> {
  const { cat, ago } = dialect(ds);
  const have = await scalar(ds, "SELECT COUNT(*) FROM orders WHERE number LIKE 'B-%'");
  if (have >= total) return;
  const firstCustomer = await scalar(ds, "SELECT MIN(id) FROM users WHERE username LIKE 'bench_c%'");
  const customers = await scalar(ds, "SELECT COUNT(*) FROM users WHERE username LIKE 'bench_c%'");
  const firstService = await scalar(ds, "SELECT MIN(id) FROM services WHERE slug LIKE 'bench-service-%'");
  const services = await scalar(ds, "SELECT COUNT(*) FROM services WHERE slug LIKE 'bench-service-%'");
  const seq = await scalar(ds, 'SELECT COUNT(*) FROM bench_seq');
  if (seq < total - have) await numbers(ds, total - have);
  const chunk = 100_000;
  for (let from = have + 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    const k = `(s.n + ${from - 1})`;
    const range = `s.n <= ${to - from + 1}`;
    const status = `CASE ${k} % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'paid' ELSE 'cancelled' END`;
    await ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO orders (number, customerId, status, totalEurCents, totalPi, eurPerPi, paidAt, createdAt, updatedAt)
         SELECT ${cat("'B-'", k)}, ${firstCustomer} + (${k} % ${customers}), ${status}, 1000, '33.3333334', '0.3',
           CASE ${k} % 3 WHEN 1 THEN ${ago(`864000 - ${k} % 864000`)} ELSE NULL END, ${ago(`864000 - ${k} % 864000`)}, ${ago(`864000 - ${k} % 864000`)}
         FROM bench_seq s WHERE ${range}`,
      );
      const lo = `SELECT id FROM orders WHERE number = 'B-${from}'`;
      const minId = await scalar(m, lo);
      const orderRange = `o.id >= ${minId} AND o.number LIKE 'B-%'`;
      await m.query(
        `INSERT INTO order_items (orderId, serviceId, serviceSlug, title, priceEurCents, pricePi)
         SELECT o.id, ${firstService} + (o.id % ${services}), ${cat("'bench-service-'", `(o.id % ${services}) + 1`)}, 'Bench service', 1000, '33.3333334' FROM orders o WHERE ${orderRange}`,
      );
      await m.query(
        `INSERT INTO payments (orderId, orderNumber, piPaymentId, txid, status, priceEurCents, eurPerPi, amountPi, createdAt, updatedAt)
         SELECT o.id, o.number, ${cat("'bench-pi-'", 'o.id')}, CASE o.status WHEN 'paid' THEN ${cat("'bench-tx-'", 'o.id')} ELSE NULL END,
           CASE o.status WHEN 'paid' THEN 'confirmed' WHEN 'cancelled' THEN 'failed' ELSE 'pending' END, 1000, '0.3', '33.3333334', o.createdAt, o.createdAt
         FROM orders o WHERE ${orderRange}`,
      );
      await m.query(
        `INSERT INTO threads (orderId, orderNumber, orderStatus, customerId, lastMessageAt, createdAt, updatedAt)
         SELECT o.id, o.number, o.status, o.customerId, o.createdAt, o.createdAt, o.createdAt FROM orders o WHERE ${orderRange}`,
      );
    });
    log(`  orders ${to.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  }
}
