import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { PiError } from '../core/errors';
import type { IssuedToken, Users } from '../core/users';

/** The credential after `scheme` in the Authorization header (schemes are case-insensitive). */
function credential(request: FastifyRequest, scheme: 'Key' | 'Bearer'): string | undefined {
  const match = /^(\S+)\s+(\S+)\s*$/.exec(request.headers.authorization ?? '');
  return match && match[1].toLowerCase() === scheme.toLowerCase() ? match[2] : undefined;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Server API key routes: only the configured key passes, compared in constant time. */
export function requireServerKey(request: FastifyRequest, apiKey: string): void {
  const key = credential(request, 'Key');
  if (key === undefined) {
    throw new PiError(401, 'unauthorized', 'Authorization header "Key <your Server API Key>" is required');
  }
  if (!timingSafeEqual(digest(key), digest(apiKey))) {
    throw new PiError(401, 'unauthorized', 'Invalid Server API Key');
  }
}

/** Access token routes: the token must belong to a user and not be expired. */
export function requireAccessToken(request: FastifyRequest, users: Users): IssuedToken {
  const token = credential(request, 'Bearer');
  if (token === undefined) {
    throw new PiError(401, 'unauthorized', 'Authorization header "Bearer <user access token>" is required');
  }
  return userForToken(users, token);
}

export function userForToken(users: Users, token: unknown): IssuedToken {
  const issued = typeof token === 'string' ? users.authenticate(token) : undefined;
  if (!issued) throw new PiError(401, 'invalid_token', 'The access token is invalid or has expired');
  return issued;
}
