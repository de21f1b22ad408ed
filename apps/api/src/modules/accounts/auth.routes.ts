import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfigResponse, AuthResponse } from '@pishop/shared';
import { dtoSchema } from '../../lib/validation';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessClaims } from '../../plugins/auth';
import { LoginDto, PasswordResetConfirmDto, PasswordResetDto, PiLoginDto, RegisterDto } from './accounts.dto';
import { authConfigSchema, authResponseSchema, messageSchema } from './accounts.schemas';
import { assertSameSiteCaller, clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import type { IssuedSession } from './sessions.service';
import { normalizeIP } from '@fastify/rate-limit';

const tags = ['auth'];
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });
/** Sign-in bodies are a few short fields. */
const AUTH_BODY_LIMIT = 16 * 1024;
export const AUTH_RATE_LIMITS = { register: 10, login: 20, pi: 20, refresh: 60, logout: 60, reset: 5, resetConfirm: 10 };

/** `/auth/*`: sign-up, sign-in (password, Pi), refresh, logout, password reset, config. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  const { accounts } = app;
  const secure = app.config.publicUrl.startsWith('https:');
  const ownOrigin = new URL(app.config.publicUrl).origin;
  const sameSiteOnly = async (request: FastifyRequest) => assertSameSiteCaller(request, ownOrigin, app.config.corsOrigins);

  const answer = (reply: FastifyReply, session: IssuedSession, status = 200) => {
    setRefreshCookie(reply, session.refreshToken, secure);
    reply.header('Cache-Control', 'no-store');
    const body: AuthResponse = {
      accessToken: session.accessToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: accounts.users.toDto(session.user),
    };
    return reply.status(status).send(body);
  };
  const caller = (request: FastifyRequest) => ({ ip: request.ip, network: normalizeIP(request.ip) });

  app.post<{ Body: RegisterDto }>('/auth/register', {
    bodyLimit: AUTH_BODY_LIMIT,
    config: perMinute(AUTH_RATE_LIMITS.register),
    schema: {
      tags,
      summary: 'Create an account with email, username and password; signs in',
      description: '403 PASSWORD_LOGIN_DISABLED when PI_ONLY_LOGIN=true; 409 EMAIL_TAKEN / USERNAME_TAKEN; 400 RECAPTCHA_FAILED.',
      body: dtoSchema(RegisterDto),
      response: { 201: authResponseSchema },
    },
  }, async (request, reply) => answer(reply, await accounts.auth.register(request.body, caller(request)), 201));

  app.post<{ Body: LoginDto }>('/auth/login', {
    bodyLimit: AUTH_BODY_LIMIT,
    config: perMinute(AUTH_RATE_LIMITS.login),
    schema: {
      tags,
      summary: 'Sign in with email or username and password',
      description:
        '401 INVALID_CREDENTIALS; 423 ACCOUNT_LOCKED with `details.retryAfterSeconds` (and a Retry-After header) ' +
        'after AUTH_LOCKOUT_MAX_FAILURES failures for this login from this IP; 403 ACCOUNT_DISABLED; ' +
        '403 PASSWORD_LOGIN_DISABLED when PI_ONLY_LOGIN=true and the account is not an admin (admins keep password sign-in to reach the console).',
      body: dtoSchema(LoginDto),
      response: { 200: authResponseSchema },
    },
  }, async (request, reply) => {
    try {
      return answer(reply, await accounts.auth.login(request.body, caller(request)));
    } catch (err) {
      const retry = (err as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
      if (retry) reply.header('Retry-After', String(retry));
      throw err;
    }
  });

  app.post<{ Body: PiLoginDto }>('/auth/pi', {
    bodyLimit: AUTH_BODY_LIMIT,
    config: perMinute(AUTH_RATE_LIMITS.pi),
    schema: {
      tags,
      summary: 'Sign in with Pi: the access token from Pi.authenticate is checked with Pi (GET /v2/me)',
      description: 'Creates the account on first sign-in (no email). 401 PI_INVALID_TOKEN; 502 PI_UPSTREAM.',
      body: dtoSchema(PiLoginDto),
      response: { 200: authResponseSchema },
    },
  }, async (request, reply) => answer(reply, await accounts.auth.piLogin(request.body.accessToken)));

  app.post('/auth/refresh', {
    bodyLimit: AUTH_BODY_LIMIT,
    onRequest: sameSiteOnly,
    config: perMinute(AUTH_RATE_LIMITS.refresh),
    schema: {
      tags,
      summary: 'New access token from the refresh cookie (rotated at every use)',
      description:
        'A refresh token used twice revokes its whole session family (every refresh and access token of it): ' +
        '401 REFRESH_INVALID_TOKEN. 403 CROSS_SITE_REQUEST when another site\'s page calls it.',
      response: { 200: authResponseSchema },
    },
  }, async (request, reply) => {
    try {
      return answer(reply, await accounts.sessions.rotate(readRefreshCookie(request)));
    } catch (err) {
      clearRefreshCookie(reply, secure);
      throw err;
    }
  });

  app.post('/auth/logout', {
    bodyLimit: AUTH_BODY_LIMIT,
    onRequest: sameSiteOnly,
    config: perMinute(AUTH_RATE_LIMITS.logout),
    schema: {
      tags,
      summary: 'Sign out: revokes the access token (by jti) and the refresh cookie\'s session family',
      security: [{ bearerAuth: [] }],
      response: { 204: { type: 'null' } },
    },
  }, async (request, reply) => {
    let access: (AccessClaims & { exp?: number }) | undefined;
    if (request.headers.authorization) {
      // An expired or bad token still lets the caller drop the refresh cookie.
      access = await request.jwtVerify<AccessClaims & { exp?: number }>().catch(() => undefined);
    }
    await accounts.sessions.end(access, readRefreshCookie(request));
    clearRefreshCookie(reply, secure);
    return reply.status(204).send();
  });

  app.post<{ Body: PasswordResetDto }>('/auth/password-reset', {
    bodyLimit: AUTH_BODY_LIMIT,
    config: perMinute(AUTH_RATE_LIMITS.reset),
    schema: {
      tags,
      summary: 'Mail a password reset link (same answer whether or not the email has an account)',
      body: dtoSchema(PasswordResetDto),
      response: { 202: messageSchema },
    },
  }, async (request, reply) => {
    accounts.auth.assertPasswordLogin();
    await accounts.recaptcha.verify(request.body.recaptchaToken, 'password_reset', request.ip);
    await accounts.passwordReset.request(request.body.email);
    return reply.status(202).send({
      message: 'If an account uses this email, a link to reset the password is on its way. It works once, within an hour.',
    });
  });

  app.post<{ Body: PasswordResetConfirmDto }>('/auth/password-reset/confirm', {
    bodyLimit: AUTH_BODY_LIMIT,
    config: perMinute(AUTH_RATE_LIMITS.resetConfirm),
    schema: {
      tags,
      summary: 'Set a new password with the token from the reset link; ends every session of the account',
      description: '400 RESET_INVALID_TOKEN when the token is unknown, used or expired.',
      body: dtoSchema(PasswordResetConfirmDto),
      response: { 204: { type: 'null' } },
    },
  }, async (request, reply) => {
    accounts.auth.assertPasswordLogin();
    await accounts.passwordReset.confirm(request.body.token, request.body.password);
    return reply.status(204).send();
  });

  app.get('/auth/config', {
    schema: { tags, summary: 'Which sign-in methods the SPAs offer', response: { 200: authConfigSchema } },
  }, async () => {
    const body: AuthConfigResponse = {
      passwordLogin: accounts.auth.passwordLoginEnabled,
      registration: accounts.auth.passwordLoginEnabled,
      piLogin: true,
      recaptchaSiteKey: accounts.recaptcha.enabled && app.config.recaptcha.siteKey ? app.config.recaptcha.siteKey : null,
      piSandbox: app.config.pi.sandbox,
      piSandboxLocal: app.config.pi.sandboxLocal,
    };
    return body;
  });
};
