import type { ApiKeyCreated, ApiKeyScope } from '@pishop/shared';
import { bearer, type TestApp } from '../support/app';

/** Creates an API key through the admin route and returns what the admin sees once (the secret included). */
export async function createKey(t: TestApp, adminToken: string, scopes: ApiKeyScope[], extra: { name?: string; expiresAt?: string } = {}): Promise<ApiKeyCreated> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/api-keys', headers: bearer(adminToken), payload: { name: extra.name ?? 'Partner', scopes, ...extra } });
  if (res.statusCode !== 201) throw new Error(`create key: ${res.statusCode} ${res.body}`);
  return res.json() as ApiKeyCreated;
}
