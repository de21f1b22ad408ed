export type DependencyStatus = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: { status: DependencyStatus; driver: string; latencyMs?: number; error?: string };
}
