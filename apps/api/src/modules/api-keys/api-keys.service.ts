import type { DataSource } from 'typeorm';
import { API_KEY_PREFIX, ErrorCodes, type ApiKeyCreated, type ApiKeyView } from '@pishop/shared';
import { AppError, validationFailed } from '../../lib/app-error';
import { hashApiKeySecret, newApiKeySecret } from '../../lib/api-key-secret';
import { fetchList, type ListParams, type ListResult, type SimpleRestSpec } from '../../lib/simple-rest';
import { ApiKey } from './api-key.entity';
import type { CreateApiKeyDto } from './api-keys.dto';

export const apiKeysSpec: SimpleRestSpec = {
  resource: 'api-keys',
  sortable: { id: 'k.id', name: 'k.name', createdAt: 'k.createdAt', lastUsedAt: 'k.lastUsedAt', expiresAt: 'k.expiresAt' },
  defaultSort: ['id', 'DESC'],
  filters: {
    q: { type: 'search', columns: ['k.name', 'k.prefix'] },
    id: { type: 'int', column: 'k.id' },
  },
};

/** lastUsedAt is written at most this often per key (not on every request). */
const TOUCH_EVERY_MS = 60_000;

const apiKeyNotFound = () => new AppError(ErrorCodes.API_KEY_NOT_FOUND, 'API key not found');
const invalidKey = () => new AppError(ErrorCodes.API_KEY_INVALID, 'This API key is unknown, revoked or expired');

export function apiKeyView(k: ApiKey, now = new Date()): ApiKeyView {
  const status = k.revokedAt ? 'revoked' : k.expiresAt && k.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
  return {
    id: k.id,
    name: k.name,
    scopes: k.scopes,
    prefix: k.prefix,
    status,
    expiresAt: k.expiresAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
  };
}

function withSecret(k: ApiKey, secret: string): ApiKeyCreated {
  return { ...apiKeyView(k), secret };
}

function prefixOf(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 8);
}

/** API keys: created, rotated and revoked by admins; looked up by the hash of the presented secret. */
export class ApiKeysService {
  constructor(private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(ApiKey);
  }

  async create(adminId: number, input: CreateApiKeyDto, now = new Date()): Promise<ApiKeyCreated> {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= now.getTime()) throw validationFailed({ expiresAt: 'must be in the future' });
    const secret = newApiKeySecret();
    const key = await this.repo.save(
      this.repo.create({
        name: input.name.trim(),
        scopes: [...new Set(input.scopes)],
        prefix: prefixOf(secret),
        secretHash: hashApiKeySecret(secret),
        createdById: adminId,
        expiresAt,
        lastUsedAt: null,
        revokedAt: null,
        rotatedAt: null,
      }),
    );
    return withSecret(key, secret);
  }

  async list(params: ListParams): Promise<ListResult<ApiKeyView>> {
    const result = await fetchList(this.repo.createQueryBuilder('k'), params);
    return { ...result, rows: result.rows.map((k) => apiKeyView(k)) };
  }

  async get(id: number): Promise<ApiKeyView> {
    return apiKeyView(await this.find(id));
  }

  /** A new secret for the same key (name, scopes, expiry); the old secret stops working at once. */
  async rotate(id: number): Promise<ApiKeyCreated> {
    const key = await this.find(id);
    if (key.revokedAt) throw new AppError(ErrorCodes.CONFLICT, 'A revoked key cannot be rotated; create a new one');
    const secret = newApiKeySecret();
    key.secretHash = hashApiKeySecret(secret);
    key.prefix = prefixOf(secret);
    key.rotatedAt = new Date();
    await this.repo.save(key);
    return withSecret(key, secret);
  }

  /** Revokes for good (kept for the audit trail); revoking twice answers the same record. */
  async revoke(id: number): Promise<ApiKeyView> {
    const key = await this.find(id);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await this.repo.save(key);
    }
    return apiKeyView(key);
  }

  /** The active key with this secret (401 `API_KEY_INVALID` otherwise); notes when it was last used. */
  async authenticate(secret: string, now = new Date()): Promise<ApiKey> {
    const key = await this.repo.findOne({ where: { secretHash: hashApiKeySecret(secret) } });
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= now.getTime())) throw invalidKey();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
      key.lastUsedAt = now;
      await this.repo.update({ id: key.id }, { lastUsedAt: now });
    }
    return key;
  }

  private async find(id: number): Promise<ApiKey> {
    const key = await this.repo.findOne({ where: { id } });
    if (!key) throw apiKeyNotFound();
    return key;
  }
}
