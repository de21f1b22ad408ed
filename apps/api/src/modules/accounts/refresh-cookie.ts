import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_PATH, REFRESH_COOKIE_NAME } from '@pishop/shared';
import { REFRESH_TOKEN_TTL_SECONDS } from './sessions.service';

/*
 * The one cookie of the API, written and read here by hand: @fastify/cookie loads its
 * parser with a dynamic import() that jest's CommonJS runtime cannot run. The value is
 * base64url, so it needs no encoding.
 */

/** httpOnly, SameSite=Strict, Secure on https, sent only to the auth routes. */
export function setRefreshCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.header('set-cookie', serialise(token, REFRESH_TOKEN_TTL_SECONDS, secure));
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  reply.header('set-cookie', serialise('', 0, secure) + '; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE_NAME) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function serialise(value: string, maxAge: number, secure: boolean): string {
  return [
    `${REFRESH_COOKIE_NAME}=${value}`,
    `Path=${AUTH_PATH}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
