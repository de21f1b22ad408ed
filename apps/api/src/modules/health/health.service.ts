import type { DataSource } from 'typeorm';
import type { HealthResponse } from '@pishop/shared';

const startedAt = Date.now();
const version = process.env.npm_package_version ?? '0.1.0';

/** Checks the database with a trivial query; never throws. */
export async function checkHealth(ds: DataSource): Promise<HealthResponse> {
  const driver = String(ds.options.type);
  const t0 = performance.now();
  try {
    await ds.query('SELECT 1');
    return {
      status: 'ok',
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      database: { status: 'up', driver, latencyMs: Math.round((performance.now() - t0) * 10) / 10 },
    };
  } catch (err) {
    return {
      status: 'degraded',
      version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      database: { status: 'down', driver, error: (err as Error).message.slice(0, 200) },
    };
  }
}
