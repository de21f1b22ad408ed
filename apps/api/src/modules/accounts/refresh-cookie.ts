import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_PATH, REFRESH_COOKIE_NAME } from '@pishop/shared';
import { AppError } from '../../lib/app-error';
import { REFRESH_TOKEN_TTL_SECONDS } from './sessions.service';

/*
 * The one cookie of the API, written and read here by hand: @fastify/cookie loads its
 * parser with a dynamic import() that jest's CommonJS runtime cannot run. The value is
 * base64url, so it needs no encoding.
 */

/**
 * httpOnly, sent only to the auth routes. Over https (PUBLIC_URL) it is `SameSite=None;
 * Secure; Partitioned`: Pi Browser shows the app in a frame of Pi's own site, where a
 * SameSite=Strict/Lax cookie is never sent (the session would be lost at every reload), and
 * browsers that block third-party cookies keep a Partitioned one for that frame (CHIPS).
 * Cross-site calls of the routes that read it are refused (`assertSameSiteCaller`). On plain
 * http (localhost) it stays SameSite=Strict.
 */
export function setRefreshCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.header('set-cookie', serialise(token, REFRESH_TOKEN_TTL_SECONDS, secure));
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  reply.header('set-cookie', serialise('', 0, secure) + '; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
}

/**
 * CSRF guard of the routes that act on the cookie (refresh, logout): a browser says where a
 * call comes from (`Sec-Fetch-Site`, else `Origin`); another site's page is refused unless
 * its origin is listed in CORS_ORIGINS. Calls without either header (non-browser clients)
 * carry no ambient cookie risk and pass.
 */
export function assertSameSiteCaller(request: FastifyRequest, ownOrigin: string, allowedOrigins: readonly string[]): void {
  const origin = request.headers.origin;
  if (origin && (origin === ownOrigin || allowedOrigins.includes(origin))) return;
  const site = request.headers['sec-fetch-site'];
  // Without Sec-Fetch-Site (older browsers), an Origin that is not ours or listed is foreign.
  const crossSite = site !== undefined ? site === 'cross-site' : origin !== undefined;
  if (crossSite) throw new AppError('CROSS_SITE_REQUEST', 'This request must come from the shop itself');
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
    ...(secure ? ['Secure', 'SameSite=None', 'Partitioned'] : ['SameSite=Strict']),
  ].join('; ');
}
