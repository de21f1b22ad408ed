import { User } from '../../src/modules/accounts/user.entity';
import { createUser } from '../support/users';
import { buildAccountsApp, fakeServer, type FakeServer } from './helpers';

/**
 * A local stand-in for Google's siteverify over real HTTP: each token names the answer the
 * test wants (`<action>|<score>|<hostname>` or `fail`).
 */
describe('reCAPTCHA v3', () => {
  let verify: FakeServer;
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    verify = await fakeServer(({ body }) => {
      const token = new URLSearchParams(body).get('response') ?? '';
      if (token === 'fail') return { status: 200, body: { success: false, 'error-codes': ['invalid-input-response'] } };
      if (token === 'server-error') return { status: 500, body: {} };
      const [action, score, hostname] = token.split('|');
      return { status: 200, body: { success: true, action, score: Number(score), hostname, challenge_ts: new Date().toISOString() } };
    });
    t = await buildAccountsApp({
      RECAPTCHA_SECRET_KEY: 'test-secret',
      RECAPTCHA_SITE_KEY: 'test-site-key',
      RECAPTCHA_MIN_SCORE: '0.5',
      RECAPTCHA_VERIFY_URL: `${verify.url}/recaptcha/api/siteverify`,
      PUBLIC_URL: 'https://shop.example.com',
    });
  });
  afterAll(async () => {
    await t.close();
    await verify.close();
  });

  const register = (recaptchaToken: string | undefined, n: number) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      remoteAddress: '203.0.113.7',
      payload: { email: `captcha${n}@example.com`, username: `captcha${n}`, password: 'a-long-password', recaptchaToken },
    });

  it('sends secret, token and client IP form-encoded, and accepts a good answer', async () => {
    const res = await register('register|0.9|shop.example.com', 1);
    expect(res.statusCode).toBe(201);
    const sent = new URLSearchParams(verify.requests.at(-1)!.body);
    expect(verify.requests.at(-1)!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(sent)).toEqual({ secret: 'test-secret', response: 'register|0.9|shop.example.com', remoteip: '203.0.113.7' });
  });

  it.each([
    ['a low score', 'register|0.3|shop.example.com', 'low-score'],
    ['the wrong action', 'login|0.9|shop.example.com', 'wrong-action'],
    ['another hostname', 'register|0.9|evil.example.net', 'wrong-hostname'],
    ['an unsuccessful check', 'fail', 'not-successful'],
    ['no token', undefined, 'missing-token'],
  ])('refuses %s with 400 RECAPTCHA_FAILED and creates nothing', async (_name, token, reason) => {
    const before = await t.ds.getRepository(User).count();
    const res = await register(token, 2);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'RECAPTCHA_FAILED', details: { reason } });
    expect(await t.ds.getRepository(User).count()).toBe(before);
  });

  it('answers 503 RECAPTCHA_UNAVAILABLE when the verify server fails', async () => {
    const res = await register('server-error', 3);
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('RECAPTCHA_UNAVAILABLE');
  });

  it('checks the login action on login, before the password', async () => {
    const { user, password } = await createUser(t);
    const login = (recaptchaToken: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.username, password, recaptchaToken } });
    const wrongAction = await login('register|0.9|shop.example.com');
    expect(wrongAction.statusCode).toBe(400);
    expect(wrongAction.json().error.details.reason).toBe('wrong-action');
    expect((await login('login|0.2|shop.example.com')).json().error.details.reason).toBe('low-score');
    expect((await login('login|0.7|shop.example.com')).statusCode).toBe(200);
  });

  it('checks the password_reset action on reset requests', async () => {
    const ask = (recaptchaToken: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'someone@example.com', recaptchaToken } });
    expect((await ask('login|0.9|shop.example.com')).json().error.details.reason).toBe('wrong-action');
    expect((await ask('password_reset|0.9|shop.example.com')).statusCode).toBe(202);
  });

  it('publishes the site key in GET /auth/config', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(res.json().recaptchaSiteKey).toBe('test-site-key');
  });
});
