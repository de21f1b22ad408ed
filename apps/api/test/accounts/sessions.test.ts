import { createHmac } from 'node:crypto';
import { RefreshToken } from '../../src/modules/accounts/refresh-token.entity';
import { User } from '../../src/modules/accounts/user.entity';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../src/plugins/auth';
import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildAccountsApp, forgeJwt, refreshCookieHeader, refreshCookieOf } from './helpers';

describe('sessions: access JWT, rotating refresh tokens, logout', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(() => t.close());

  async function signIn() {
    const { user, password } = await createUser(t);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.username, password } });
    expect(res.statusCode).toBe(200);
    return { user, accessToken: res.json().accessToken as string, refresh: refreshCookieOf(res)!.value };
  }
  const refresh = (value?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: value ? refreshCookieHeader(value) : {} });
  const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

  it('trades the refresh cookie for a new access token and a new refresh cookie', async () => {
    const s = await signIn();
    const res = await refresh(s.refresh);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(s.user.id);
    const next = refreshCookieOf(res)!.value;
    expect(next).not.toBe(s.refresh);
    expect((await me(res.json().accessToken)).statusCode).toBe(200);
    // Stored hashed: the token itself is nowhere in the table.
    const rows = await t.ds.getRepository(RefreshToken).find({ where: { userId: s.user.id } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.tokenHash)).not.toContain(s.refresh);
    expect(rows.every((r) => /^[a-f0-9]{64}$/.test(r.tokenHash))).toBe(true);
  });

  it('revokes the whole family when a rotated refresh token is used again', async () => {
    const s = await signIn();
    const first = await refresh(s.refresh);
    const second = await refresh(refreshCookieOf(first)!.value);
    expect(second.statusCode).toBe(200);
    const latestRefresh = refreshCookieOf(second)!.value;
    const latestAccess = second.json().accessToken;

    // The stolen first token comes back.
    const reuse = await refresh(s.refresh);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error).toMatchObject({ code: 'REFRESH_INVALID_TOKEN', details: { reason: 'reused' } });
    expect(refreshCookieOf(reuse)?.value).toBe('');

    // The legitimate holder's latest tokens are dead too.
    const afterwards = await refresh(latestRefresh);
    expect(afterwards.statusCode).toBe(401);
    expect(afterwards.json().error.details.reason).toBe('revoked');
    expect((await me(latestAccess)).statusCode).toBe(401);
    const rows = await t.ds.getRepository(RefreshToken).find({ where: { userId: s.user.id } });
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it('lets only one of two concurrent uses of a refresh token win, and then revokes the family', async () => {
    const s = await signIn();
    const results = await Promise.all([refresh(s.refresh), refresh(s.refresh)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const winner = results.find((r) => r.statusCode === 200)!;
    expect((await refresh(refreshCookieOf(winner)!.value)).statusCode).toBe(401);
  });

  it('leaves the other sessions of the same user alone when one family is revoked', async () => {
    const { user, password } = await createUser(t);
    const login = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.username, password } });
    const phone = await login();
    const laptop = await login();
    const phoneRefresh = refreshCookieOf(phone)!.value;
    await refresh(phoneRefresh);
    expect((await refresh(phoneRefresh)).statusCode).toBe(401);
    expect((await me(laptop.json().accessToken)).statusCode).toBe(200);
    expect((await refresh(refreshCookieOf(laptop)!.value)).statusCode).toBe(200);
  });

  it('refuses a missing, unknown or expired refresh token with 401', async () => {
    expect((await refresh()).json().error.details.reason).toBe('missing');
    expect((await refresh('not-a-token-we-issued')).json().error.details.reason).toBe('unknown');
    const s = await signIn();
    await t.ds.getRepository(RefreshToken).update({ userId: s.user.id }, { expiresAt: new Date(Date.now() - 1000) });
    const res = await refresh(s.refresh);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details.reason).toBe('expired');
  });

  it('logout revokes the access token (by jti) and the refresh token', async () => {
    const s = await signIn();
    expect((await me(s.accessToken)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...bearer(s.accessToken), ...refreshCookieHeader(s.refresh) },
    });
    expect(out.statusCode).toBe(204);
    expect(refreshCookieOf(out)?.value).toBe('');
    const after = await me(s.accessToken);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    expect((await refresh(s.refresh)).statusCode).toBe(401);
  });

  it('refuses a disabled user at refresh with 403 and ends the family', async () => {
    const s = await signIn();
    await t.ds.getRepository(User).update({ id: s.user.id }, { isActive: false });
    const res = await refresh(s.refresh);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
    await t.ds.getRepository(User).update({ id: s.user.id }, { isActive: true });
    expect((await refresh(s.refresh)).statusCode).toBe(401);
  });

  it('refuses a token whose role no longer matches the account (a demoted admin must sign in again)', async () => {
    const { user, token } = await createUser(t, { role: 'admin' });
    expect((await me(token)).statusCode).toBe(200);
    await t.ds.getRepository(User).update({ id: user.id }, { role: 'customer' });
    expect((await me(token)).statusCode).toBe(401);
  });

  describe('forged and stale access tokens get 401', () => {
    let userId: number;
    const now = () => Math.floor(Date.now() / 1000);
    beforeAll(async () => {
      userId = (await createUser(t)).user.id;
    });
    const claims = (extra: object = {}) => ({
      sub: String(userId), role: 'customer', jti: 'c0ffee00-0000-4000-8000-000000000000',
      iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: now(), exp: now() + 600, ...extra,
    });

    it('accepts a correctly signed token (the control case)', async () => {
      const token = forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims(), t.jwtSecret);
      expect((await me(token)).statusCode).toBe(200);
    });

    it.each([
      ['expired', () => forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims({ iat: now() - 1000, exp: now() - 60 }), t.jwtSecret)],
      ['signed with another secret', () => forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims(), 'another-secret-another-secret-another')],
      ['alg none, no signature', () => forgeJwt({ alg: 'none', typ: 'JWT' }, claims())],
      ['alg none with a signature part', () => forgeJwt({ alg: 'none', typ: 'JWT' }, claims(), t.jwtSecret)],
      ['HS512 (not the one allowed algorithm)', () => {
        const header = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url');
        const payload = Buffer.from(JSON.stringify(claims())).toString('base64url');
        const sig = createHmac('sha512', t.jwtSecret).update(`${header}.${payload}`).digest('base64url');
        return `${header}.${payload}.${sig}`;
      }],
      ['wrong issuer', () => forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims({ iss: 'someone-else' }), t.jwtSecret)],
      ['wrong audience', () => forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims({ aud: 'another-app' }), t.jwtSecret)],
      ['tampered payload (role raised to admin)', () => {
        const good = forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims(), t.jwtSecret);
        const [h, , s] = good.split('.');
        return `${h}.${Buffer.from(JSON.stringify(claims({ role: 'admin' }))).toString('base64url')}.${s}`;
      }],
      ['for a user that does not exist', () => forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims({ sub: '999999' }), t.jwtSecret)],
      ['garbage', () => 'not.a.jwt'],
    ])('%s', async (_name, make) => {
      const res = await me(make());
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    });

    it('a tampered admin token does not open admin routes', async () => {
      const good = forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims(), t.jwtSecret);
      const [h, , s] = good.split('.');
      const forged = `${h}.${Buffer.from(JSON.stringify(claims({ role: 'admin' }))).toString('base64url')}.${s}`;
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: bearer(forged) });
      expect(res.statusCode).toBe(401);
    });
  });
});
