import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret (refresh tokens, reset links): 256 bits. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
