import { User } from '../../src/modules/accounts/user.entity';
import { createUser } from '../support/users';
import { bearer } from '../support/app';
import { buildAccountsApp, refreshCookieOf } from './helpers';

describe('register and password login', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(() => t.close());

  const register = (body: object, remoteAddress = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body, remoteAddress });
  const login = (body: object, remoteAddress = '10.0.1.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, remoteAddress });

  it('registers, answers {accessToken, user} and sets an httpOnly refresh cookie on the auth path', async () => {
    const res = await register({ email: '  Alice@Example.COM ', username: 'Alice_01', password: 'a-long-password' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.expiresIn).toBe(900);
    expect(body.user).toMatchObject({
      email: 'alice@example.com',
      username: 'alice_01',
      displayName: 'alice_01',
      role: 'customer',
      isActive: true,
      hasPassword: true,
      piUid: null,
    });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.user.avatarUrl).toMatch(/^\/api\/v1\/avatars\/presets\/[a-z]+\.svg$/);
    expect(body.user.lastLoginAt).toEqual(expect.any(String));
    const cookie = refreshCookieOf(res)!;
    expect(cookie.value.length).toBeGreaterThan(30);
    expect(cookie).toMatchObject({ path: '/api/v1/auth', httpOnly: true, sameSite: 'Strict' });
    expect(cookie.secure).toBeFalsy(); // PUBLIC_URL is http in tests
    expect(res.headers['cache-control']).toBe('no-store');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(body.accessToken) });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('alice@example.com');
  });

  it('stores an argon2id hash with m ≥ 19 MiB, t ≥ 2, p = 1, never the password', async () => {
    const user = await t.ds.getRepository(User).findOneByOrFail({ username: 'alice_01' });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain('a-long-password');
  });

  it.each([
    [{ email: 'not-an-email', username: 'bob', password: 'a-long-password' }, 'email'],
    [{ email: 'bob@example.com', username: 'b', password: 'a-long-password' }, 'username'],
    [{ email: 'bob@example.com', username: 'bob bob', password: 'a-long-password' }, 'username'],
    [{ email: 'bob@example.com', username: 'bob', password: 'short' }, 'password'],
    [{ email: 'bob@example.com', username: 'bob' }, 'password'],
    [{ username: 'bob', password: 'a-long-password' }, 'email'],
  ])('refuses an invalid registration with 400 naming the field (%j)', async (payload, field) => {
    const before = await t.ds.getRepository(User).count();
    const res = await register(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().errors).toHaveProperty(field);
    expect(await t.ds.getRepository(User).count()).toBe(before);
  });

  it('refuses a duplicate email (any case) with 409 EMAIL_TAKEN and a duplicate username with 409 USERNAME_TAKEN', async () => {
    const dupEmail = await register({ email: 'ALICE@example.com', username: 'alice_02', password: 'a-long-password' });
    expect(dupEmail.statusCode).toBe(409);
    expect(dupEmail.json().error.code).toBe('EMAIL_TAKEN');
    expect(dupEmail.json().errors).toEqual({ email: 'is already registered' });
    const dupName = await register({ email: 'alice2@example.com', username: 'ALICE_01', password: 'a-long-password' });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().error.code).toBe('USERNAME_TAKEN');
    expect(await t.ds.getRepository(User).count({ where: { email: 'alice2@example.com' } })).toBe(0);
  });

  it('lets only one of two simultaneous sign-ups with the same email through', async () => {
    const [a, b] = await Promise.all([
      register({ email: 'twin@example.com', username: 'twin_a', password: 'a-long-password' }, '10.0.3.1'),
      register({ email: 'twin@example.com', username: 'twin_b', password: 'a-long-password' }, '10.0.3.2'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('EMAIL_TAKEN');
    expect(await t.ds.getRepository(User).countBy({ email: 'twin@example.com' })).toBe(1);
  });

  it('signs in with the email or the username, in any case', async () => {
    for (const id of ['alice@example.com', 'ALICE_01', ' Alice@Example.com ']) {
      const res = await login({ login: id, password: 'a-long-password' });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.username).toBe('alice_01');
      expect(refreshCookieOf(res)?.value).toEqual(expect.any(String));
    }
  });

  it('answers 401 INVALID_CREDENTIALS alike for a wrong password and an unknown login', async () => {
    const wrong = await login({ login: 'alice_01', password: 'not-her-password' }, '10.0.2.1');
    const unknown = await login({ login: 'nobody', password: 'not-her-password' }, '10.0.2.1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(refreshCookieOf(wrong)).toBeUndefined();
  });

  it('refuses a login without fields with 400', async () => {
    const res = await login({ login: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().errors).sort()).toEqual(['login', 'password']);
  });

  it('refuses a disabled account with 403 ACCOUNT_DISABLED, and its tokens stop working', async () => {
    const { user, token, password } = await createUser(t);
    await t.ds.getRepository(User).update({ id: user.id }, { isActive: false });
    const res = await login({ login: user.username, password });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(401);
  });

  it('GET /auth/config tells which sign-in methods apply', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      passwordLogin: true,
      registration: true,
      piLogin: true,
      recaptchaSiteKey: null,
      piSandbox: false,
      piSandboxLocal: true,
    });
  });

  it('limits the auth routes more strictly than the rest of the API (429)', async () => {
    const ask = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'x@example.com' }, remoteAddress: '10.9.9.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask()).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await ask();
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another client is not affected.
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'x@example.com' }, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(202);
  });
});

describe('PI_ONLY_LOGIN=true', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp({ PI_ONLY_LOGIN: 'true' });
  });
  afterAll(() => t.close());

  it('refuses password registration, login and reset with 403 PASSWORD_LOGIN_DISABLED', async () => {
    const { user, password } = await createUser(t);
    const calls = [
      { url: '/api/v1/auth/register', payload: { email: 'new@example.com', username: 'newbie', password: 'a-long-password' } },
      { url: '/api/v1/auth/login', payload: { login: user.username, password } },
      { url: '/api/v1/auth/password-reset', payload: { email: user.email } },
      { url: '/api/v1/auth/password-reset/confirm', payload: { token: 'whatever', password: 'a-long-password' } },
    ];
    for (const call of calls) {
      const res = await t.app.inject({ method: 'POST', ...call });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('PASSWORD_LOGIN_DISABLED');
    }
    expect(await t.ds.getRepository(User).count()).toBe(1);
    expect(t.mail.sent).toHaveLength(0);
  });

  it('says so in GET /auth/config', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(res.json()).toMatchObject({ passwordLogin: false, registration: false, piLogin: true });
  });
});
