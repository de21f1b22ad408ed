import type { DomainEventType } from './events';

/** What an API key may do; each route an API key can reach names the one scope it needs. */
export const API_KEY_SCOPES = ['catalog:read', 'orders:read', 'orders:write', 'inbox:read', 'inbox:write', 'admin:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Every API key secret starts with this, so leaked keys are recognisable (and secret scanners can match them). */
export const API_KEY_PREFIX = 'pishop_';

/** An API key as the back office lists it: never its secret, never its hash. */
export interface ApiKeyView {
  id: number;
  name: string;
  scopes: ApiKeyScope[];
  /** The first characters of the secret, to tell keys apart (`pishop_AbCd1234`). */
  prefix: string;
  status: 'active' | 'expired' | 'revoked';
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** The answer of creating or rotating a key: the only time the secret is shown. */
export interface ApiKeyCreated extends ApiKeyView {
  secret: string;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
  expiresAt?: string | null;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** The JSON body every webhook delivery carries; `id` is the event's id (the same on retries and resends). */
export interface WebhookEventBody<T extends DomainEventType = DomainEventType> {
  id: string;
  type: T;
  createdAt: string;
  data: unknown;
}

/** Header of a delivery's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Signature';
/** A receiver refuses signatures older (or newer) than this. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface WebhookEndpointView {
  id: number;
  url: string;
  events: DomainEventType[];
  enabled: boolean;
  description: string;
  createdAt: string;
}

export interface WebhookDeliveryView {
  id: number;
  endpointId: number;
  eventId: string;
  type: DomainEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  payload: string;
}
