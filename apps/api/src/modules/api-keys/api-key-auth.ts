import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorCodes } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { apiKeyFromAuthorization } from '../../lib/api-key-secret';
import { scopeRuleFor } from './api-key-scopes';
import type { ApiKey } from './api-key.entity';
import type { ApiKeysService } from './api-keys.service';

const denied = (message: string, details?: unknown) => new AppError(ErrorCodes.API_KEY_SCOPE_DENIED, message, details);

/**
 * `Authorization: Bearer pishop_...`: checks the key (401 unknown, revoked, expired), the
 * route's scope (403), and sets who the request acts as before the route's own guard runs.
 * Every request made with a key leaves one audit line (key id and prefix, route, status);
 * the secret itself is never logged (the Authorization header is redacted).
 */
export function registerApiKeyAuth(app: FastifyInstance, keys: ApiKeysService): void {
  const checked = new WeakMap<FastifyRequest, Promise<ApiKey>>();
  /** The request's key, checked once however many hooks ask (the rate limit asks first). */
  const keyOf = (request: FastifyRequest, secret: string) => {
    let key = checked.get(request);
    if (!key) checked.set(request, (key = keys.authenticate(secret)));
    return key;
  };
  // Only a key that checks out counts on its own; a made-up or revoked key counts against
  // the caller's address like any anonymous request (else each random key is a fresh limit).
  app.decorate('apiKeyRateBucket', async (request: FastifyRequest) => {
    const secret = apiKeyFromAuthorization(request.headers.authorization);
    if (!secret) return undefined;
    return keyOf(request, secret).then(
      (key) => {
        request.apiKey = { id: key.id, prefix: key.prefix, scopes: key.scopes }; // a refused use is audited too
        // By hash, not id: instances of different shops may share one Redis.
        return `key:${key.secretHash.slice(0, 32)}`;
      },
      () => undefined,
    );
  });

  app.addHook('onRequest', async (request) => {
    const secret = apiKeyFromAuthorization(request.headers.authorization);
    if (!secret) return;
    const key = await keyOf(request, secret);
    request.apiKey = { id: key.id, prefix: key.prefix, scopes: key.scopes };
    const route = request.routeOptions.url;
    if (!route) return; // no such route: the 404 follows
    const rule = scopeRuleFor(request.method, route);
    if (!rule) throw denied('API keys cannot call this route');
    if (!rule.scopes.some((s) => key.scopes.includes(s))) {
      throw denied(`This API key needs the scope ${rule.scopes.join(' or ')} for this route`, { required: rule.scopes });
    }
    if (rule.actsAs === 'admin') {
      const admin = await app.accounts.users.findById(key.createdById);
      if (!admin || !admin.isActive || admin.role !== 'admin') {
        throw new AppError(ErrorCodes.API_KEY_INVALID, 'The administrator who created this API key can no longer act; create a new key');
      }
      request.viewer = { sub: String(admin.id), role: 'admin', jti: `api-key:${key.id}` };
    } else if (rule.actsAs === 'customer') {
      request.viewer = { sub: String(await customerOf(app, request)), role: 'customer', jti: `api-key:${key.id}` };
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!request.apiKey) return;
    request.log.info(
      { apiKey: { id: request.apiKey.id, prefix: request.apiKey.prefix }, route: `${request.method} ${request.routeOptions.url ?? request.url}`, status: reply.statusCode },
      'api key used',
    );
  });
}

async function customerOf(app: FastifyInstance, request: FastifyRequest): Promise<number> {
  const raw = request.headers['x-customer-id'];
  const id = typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
  if (!id) throw new AppError(ErrorCodes.API_KEY_CUSTOMER_REQUIRED, 'Name the customer this call acts for with the header X-Customer-Id (their user id)');
  const user = await app.accounts.users.findById(id);
  if (!user || !user.isActive || user.role !== 'customer') throw new AppError(ErrorCodes.USER_NOT_FOUND, 'No active customer has this X-Customer-Id');
  return user.id;
}
