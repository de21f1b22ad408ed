import { PasswordResetToken } from '../../src/modules/accounts/password-reset-token.entity';
import { createUser } from '../support/users';
import { buildAccountsApp, refreshCookieHeader, refreshCookieOf } from './helpers';

describe('password reset', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp({ PUBLIC_URL: 'https://shop.example.com' });
  });
  afterAll(() => t.close());

  const requestReset = (email: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, remoteAddress });
  const confirm = (token: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });
  const login = (loginName: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password } });
  const tokenFromLastMail = (to: string) => {
    const mail = [...t.mail.sent].reverse().find((m) => m.to === to);
    const match = mail?.text.match(/https:\/\/shop\.example\.com\/reset-password\?token=([A-Za-z0-9_-]+)/);
    return match?.[1];
  };

  it('answers the same for a known and an unknown email; only the known one gets a mail', async () => {
    const { user } = await createUser(t);
    const mailsBefore = t.mail.sent.length;
    const known = await requestReset(user.email!, '10.1.0.1');
    const unknown = await requestReset('nobody-here@example.com', '10.1.0.2');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
    expect(t.mail.sent.length).toBe(mailsBefore + 1);
    const mail = t.mail.sent.at(-1)!;
    expect(mail.to).toBe(user.email);
    expect(mail.subject).toMatch(/reset/i);
    expect(tokenFromLastMail(user.email!)).toEqual(expect.any(String));
  });

  it('a token works once: sets the new password, ends old sessions, then is refused', async () => {
    const { user, password } = await createUser(t);
    const session = await login(user.username, password);
    const oldRefresh = refreshCookieOf(session)!.value;
    const oldAccess = session.json().accessToken;
    await requestReset(user.email!.toUpperCase(), '10.1.0.3');
    const token = tokenFromLastMail(user.email!)!;

    // Stored hashed only.
    const rows = await t.ds.getRepository(PasswordResetToken).findBy({ userId: user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toBe(token);

    const ok = await confirm(token, 'a-brand-new-password');
    expect(ok.statusCode).toBe(204);
    expect((await login(user.username, password)).statusCode).toBe(401);
    expect((await login(user.username, 'a-brand-new-password')).statusCode).toBe(200);
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: refreshCookieHeader(oldRefresh) });
    expect(refreshed.statusCode).toBe(401);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${oldAccess}` } });
    expect(me.statusCode).toBe(401);

    const again = await confirm(token, 'yet-another-password');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('RESET_INVALID_TOKEN');
    expect((await login(user.username, 'yet-another-password')).statusCode).toBe(401);
  });

  it('refuses an expired token and an unknown token, changing nothing', async () => {
    const { user, password } = await createUser(t);
    await requestReset(user.email!, '10.1.0.4');
    const token = tokenFromLastMail(user.email!)!;
    await t.ds.getRepository(PasswordResetToken).update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await confirm(token, 'a-brand-new-password');
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('RESET_INVALID_TOKEN');
    expect((await confirm('no-such-token', 'a-brand-new-password')).statusCode).toBe(400);
    expect((await login(user.username, password)).statusCode).toBe(200);
  });

  it('expires links after an hour', async () => {
    const { user } = await createUser(t);
    await requestReset(user.email!, '10.1.0.5');
    const [row] = await t.ds.getRepository(PasswordResetToken).findBy({ userId: user.id });
    const minutes = (row.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
  });

  it('several links may be open; using one kills the others', async () => {
    const { user } = await createUser(t);
    await requestReset(user.email!, '10.1.0.6');
    const first = tokenFromLastMail(user.email!)!;
    await requestReset(user.email!, '10.1.0.6');
    const second = tokenFromLastMail(user.email!)!;
    expect(second).not.toBe(first);
    expect((await confirm(second, 'a-brand-new-password')).statusCode).toBe(204);
    expect((await confirm(first, 'another-new-password')).statusCode).toBe(400);
  });

  it('validates input: a bad email or a short new password is 400', async () => {
    const bad = await requestReset('not-an-email', '10.1.0.7');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toHaveProperty('email');
    const short = await confirm('some-token', 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toHaveProperty('password');
  });
});
