import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeyScope } from '@pishop/shared';
import { forbidden, unauthenticated } from '../lib/app-error';

export type Role = 'customer' | 'admin';

/** What an access token carries. `sub` is the user id. */
export interface AccessClaims {
  sub: string;
  role: Role;
  jti: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

/** Checks the accounts module plugs in: revoked token ids, inactive users. */
export interface SessionGuard {
  isAccepted(claims: AccessClaims): Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: a signed-in user is required. */
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler: a signed-in admin is required (403 for others). */
    requireAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler: reads the token when present; anonymous otherwise. */
    optionalUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    setSessionGuard: (guard: SessionGuard) => void;
    signAccessToken: (claims: Omit<AccessClaims, 'jti'> & { jti?: string }) => string;
  }
  interface FastifyRequest {
    viewer?: AccessClaims;
    /** Set by the api-keys module when the request carries a valid API key (it also sets `viewer`, or none for public routes). */
    apiKey?: { id: number; prefix: string; scopes: ApiKeyScope[] };
  }
}

export const JWT_ISSUER = 'pishop-api';
export const JWT_AUDIENCE = 'pishop';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export default fp(
  async (app) => {
    let guard: SessionGuard = { isAccepted: async () => true };
    const secret = app.config.jwtSecret;
    // The server reads or creates it at start (ensureJwtSecret); never sign with a stand-in.
    if (!secret) throw new Error('No JWT secret: set JWT_SECRET, or start through the server (which keeps one in the data folder)');
    await app.register(fastifyJwt, {
      secret,
      sign: { algorithm: 'HS256', iss: JWT_ISSUER, aud: JWT_AUDIENCE, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
      // One algorithm only: `none` and key-confusion tokens are refused.
      verify: { algorithms: ['HS256'], allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE },
    });

    app.decorateRequest('viewer', undefined);
    app.decorate('setSessionGuard', (g: SessionGuard) => {
      guard = g;
    });
    app.decorate('signAccessToken', (claims) => app.jwt.sign({ ...claims, jti: claims.jti ?? crypto.randomUUID() }));

    async function readViewer(request: FastifyRequest): Promise<AccessClaims | undefined> {
      if (!request.headers.authorization) return undefined;
      // An API key was checked (scope included) before the route's guard: it acts as `viewer`.
      if (request.apiKey) return request.viewer;
      let claims: AccessClaims;
      try {
        claims = await request.jwtVerify<AccessClaims>();
      } catch {
        throw unauthenticated('Your session is invalid or has expired; sign in again');
      }
      if (!claims.sub || !claims.jti || !(await guard.isAccepted(claims))) {
        throw unauthenticated('Your session has ended; sign in again');
      }
      return claims;
    }

    app.decorate('optionalUser', async (request: FastifyRequest) => {
      request.viewer = await readViewer(request);
    });
    app.decorate('requireUser', async (request: FastifyRequest) => {
      request.viewer = await readViewer(request);
      if (!request.viewer) throw unauthenticated();
    });
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      request.viewer = await readViewer(request);
      if (!request.viewer) throw unauthenticated();
      if (request.viewer.role !== 'admin') throw forbidden('Administrators only');
    });
  },
  { name: 'auth', dependencies: ['config'] },
);
