import type { InjectOptions } from 'fastify';
import type { DataSource } from 'typeorm';
import { bearer, type TestApp } from '../support/app';
import { createUser } from '../support/users';
import { Service } from '../../src/modules/catalog/catalog.entity';

export interface Callers {
  admin: InjectOptions['headers'];
  customer: InjectOptions['headers'];
}

/** A real admin and a real customer (the accounts module's session guard checks them). */
export async function callers(t: TestApp): Promise<Callers> {
  const admin = await createUser(t, { role: 'admin' });
  const customer = await createUser(t, { role: 'customer' });
  return { admin: bearer(admin.token), customer: bearer(customer.token) };
}

/** `filter`/`sort`/`range` as ra-data-simple-rest puts them in the URL. */
export function raQuery(params: { sort?: unknown; range?: unknown; filter?: unknown }): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, JSON.stringify(v));
  return q.toString();
}

/** Inserts plain services quickly (bypassing the API) for paging tests. */
export async function insertServices(ds: DataSource, count: number, prefix = 'bulk', extra: Partial<Service> = {}): Promise<void> {
  const repo = ds.getRepository(Service);
  const rows = Array.from({ length: count }, (_, i) => repo.create({
    title: `${prefix} service ${i + 1}`,
    slug: `${prefix}-service-${i + 1}`,
    summary: '',
    description: '',
    priceEurCents: 1000 + i,
    position: 100 + i,
    active: true,
    featured: false,
    imageMediaId: null,
    previewMediaId: null,
    ...extra,
  }));
  for (let i = 0; i < rows.length; i += 200) await repo.save(rows.slice(i, i + 200));
}

/** Every row of the catalog and content tables, for "nothing changed" assertions. */
export async function snapshot(ds: DataSource): Promise<Record<string, unknown[]>> {
  const tables = ['services', 'service_features', 'service_faqs', 'posts', 'projects', 'pages'];
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await ds.query(`SELECT * FROM ${table} ORDER BY id`);
  return out;
}
