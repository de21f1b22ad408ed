import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '@pishop/shared';

/** A new key secret: the recognisable prefix and 32 random bytes (base64url). */
export function newApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** What is stored of a secret: its SHA-256 (hex). A 256-bit random secret needs no slow hash. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The API key in an `Authorization: Bearer pishop_...` header, if that is what the header carries. */
export function apiKeyFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match && match[1].startsWith(API_KEY_PREFIX) ? match[1] : undefined;
}
