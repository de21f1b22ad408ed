import { API_PREFIX, type ApiKeyScope } from '@pishop/shared';

/** Who a request made with an API key acts as. */
export type ApiKeyActor = 'public' | 'customer' | 'admin';

export interface ScopeRule {
  /** Any of these scopes opens the route. */
  scopes: ApiKeyScope[];
  actsAs: ApiKeyActor;
}

type Row = [method: string, path: string, scope: ApiKeyScope, actsAs: ApiKeyActor];

/**
 * The routes an API key can reach, and the scope each needs. Everything else is refused
 * (403); key and webhook management is never open to keys. Customer routes act for the
 * customer named in `X-Customer-Id`; admin routes act as the admin who created the key.
 */
const ROWS: Row[] = [
  ['GET', '/services', 'catalog:read', 'public'],
  ['GET', '/services/:slug', 'catalog:read', 'public'],
  ['GET', '/posts', 'catalog:read', 'public'],
  ['GET', '/posts/:slug', 'catalog:read', 'public'],
  ['GET', '/projects', 'catalog:read', 'public'],
  ['GET', '/projects/:slug', 'catalog:read', 'public'],
  ['GET', '/pages/:slug', 'catalog:read', 'public'],
  ['GET', '/home', 'catalog:read', 'public'],
  ['GET', '/orders', 'orders:read', 'customer'],
  ['GET', '/orders/:number', 'orders:read', 'customer'],
  ['POST', '/orders/checkout', 'orders:write', 'customer'],
  ['POST', '/orders/:number/cancel', 'orders:write', 'customer'],
  ['POST', '/orders/:number/pay', 'orders:write', 'customer'],
  ['GET', '/admin/orders', 'orders:read', 'admin'],
  ['GET', '/admin/orders/:id', 'orders:read', 'admin'],
  ['GET', '/admin/payments', 'orders:read', 'admin'],
  ['GET', '/admin/payments/:id', 'orders:read', 'admin'],
  ['GET', '/admin/refunds', 'orders:read', 'admin'],
  ['GET', '/admin/refunds/:id', 'orders:read', 'admin'],
  ['POST', '/admin/orders/:id/cancel', 'orders:write', 'admin'],
  ['GET', '/inbox/threads', 'inbox:read', 'customer'],
  ['GET', '/inbox/threads/:id', 'inbox:read', 'customer'],
  ['GET', '/inbox/unread-count', 'inbox:read', 'customer'],
  ['POST', '/inbox/threads/:id/messages', 'inbox:write', 'customer'],
  ['GET', '/admin/threads', 'inbox:read', 'admin'],
  ['GET', '/admin/threads/:id', 'inbox:read', 'admin'],
  ['GET', '/admin/messages', 'inbox:read', 'admin'],
  ['POST', '/admin/threads/:id/messages', 'inbox:write', 'admin'],
];

const RULES = new Map<string, ScopeRule>(ROWS.map(([m, p, scope, actsAs]) => [`${m} ${API_PREFIX}${p}`, { scopes: [scope], actsAs }]));
const CLOSED_TO_KEYS = [`${API_PREFIX}/admin/api-keys`, `${API_PREFIX}/admin/webhook-`];

/** The rule of a route (`GET /api/v1/services/:slug`), or undefined when API keys may not call it. */
export function scopeRuleFor(method: string, routeUrl: string): ScopeRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  if (CLOSED_TO_KEYS.some((p) => routeUrl.startsWith(p))) return undefined;
  const rule = RULES.get(`${m} ${routeUrl}`);
  const adminRead = m === 'GET' && routeUrl.startsWith(`${API_PREFIX}/admin/`);
  if (rule && adminRead) return { scopes: [...rule.scopes, 'admin:read'], actsAs: 'admin' };
  if (rule) return rule;
  // Any other back-office read is open to `admin:read`.
  if (adminRead) return { scopes: ['admin:read'], actsAs: 'admin' };
  return undefined;
}
