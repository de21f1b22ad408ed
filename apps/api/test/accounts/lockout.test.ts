import { LoginAttempt } from '../../src/modules/accounts/login-attempt.entity';
import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildAccountsApp } from './helpers';

describe('brute-force lockout (login + IP, django-axes style)', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(() => t.close());

  const login = (loginName: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password }, remoteAddress: ip });
  const attempts = () => t.ds.getRepository(LoginAttempt);

  it('after 5 failures the 6th attempt, even with the right password, is refused until the cool-off ends', async () => {
    const { user, password } = await createUser(t);
    const ip = '203.0.113.10';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(user.username, 'wrong-password', ip)).json().error.code);
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);

    const sixth = await login(user.username, password, ip);
    expect(sixth.statusCode).toBe(423);
    const error = sixth.json().error;
    expect(error.code).toBe('ACCOUNT_LOCKED');
    expect(error.message).toMatch(/locked/i);
    expect(error.details.retryAfterSeconds).toBeGreaterThan(3500);
    expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(Number(sixth.headers['retry-after'])).toBe(error.details.retryAfterSeconds);

    // Typing the email instead of the username is the same account: still locked.
    expect((await login(user.email!, password, ip)).statusCode).toBe(423);

    // The lock survives in the database (restarts, other instances).
    const row = await attempts().findOneByOrFail({ login: user.username, ip });
    expect(row.failures).toBe(5);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);

    // The cool-off ends (the clock moves past lockedUntil): the right password works and resets the record.
    await attempts().update({ id: row.id }, { lockedUntil: new Date(Date.now() - 1000) });
    const after = await login(user.username, password, ip);
    expect(after.statusCode).toBe(200);
    expect(await attempts().countBy({ login: user.username })).toBe(0);
  });

  it('counts concurrent failures exactly (one record, every failure counted)', async () => {
    const { user, password } = await createUser(t);
    const ip = '203.0.113.20';
    const results = await Promise.all(Array.from({ length: 4 }, () => login(user.username, 'wrong-password', ip)));
    expect(results.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    const rows = await attempts().findBy({ login: user.username, ip });
    expect(rows).toHaveLength(1);
    expect(rows[0].failures).toBe(4);
    expect((await login(user.username, 'wrong-password', ip)).statusCode).toBe(423);
    expect((await login(user.username, password, ip)).statusCode).toBe(423);
  });

  it('locks only that login from that IP: another IP and another account still sign in', async () => {
    const victim = await createUser(t);
    const bystander = await createUser(t);
    for (let i = 0; i < 5; i++) await login(victim.user.username, 'wrong-password', '198.51.100.1');
    expect((await login(victim.user.username, victim.password, '198.51.100.1')).statusCode).toBe(423);
    expect((await login(victim.user.username, victim.password, '198.51.100.2')).statusCode).toBe(200);
    expect((await login(bystander.user.username, bystander.password, '198.51.100.1')).statusCode).toBe(200);
  });

  it('counts an IPv6 caller per /64: rotating addresses inside one network gets no fresh guesses', async () => {
    const { user, password } = await createUser(t);
    const answers = [];
    for (let i = 1; i <= 6; i++) answers.push((await login(user.username, 'wrong-password', `2001:db8:7:9::${i.toString(16)}`)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 423, 423]);
    expect((await login(user.username, password, '2001:db8:7:9:ffff::1')).statusCode).toBe(423);
    const rows = await t.ds.getRepository(LoginAttempt).findBy({ login: user.username });
    expect(rows.map((r) => [r.ip, r.failures])).toEqual([['2001:db8:7:9::', 5]]);
    // Another /64 is another network.
    expect((await login(user.username, password, '2001:db8:7:a::1')).statusCode).toBe(200);
  });

  it('a success resets the count', async () => {
    const { user, password } = await createUser(t);
    const ip = '198.51.100.20';
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password', ip);
    expect((await login(user.username, password, ip)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'wrong-password', ip)).statusCode).toBe(401);
    expect((await login(user.username, password, ip)).statusCode).toBe(200);
  });

  it('failures older than the window (15 min) start a new count', async () => {
    const { user, password } = await createUser(t);
    const ip = '198.51.100.30';
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong-password', ip);
    await attempts().update({ login: user.username, ip }, { firstFailureAt: new Date(Date.now() - 16 * 60_000) });
    expect((await login(user.username, 'wrong-password', ip)).statusCode).toBe(401);
    expect((await attempts().findOneByOrFail({ login: user.username, ip })).failures).toBe(1);
    expect((await login(user.username, password, ip)).statusCode).toBe(200);
  });

  it('unknown logins are counted and locked too (no hint that the account does not exist)', async () => {
    const ip = '198.51.100.40';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('Ghost@Example.com', 'whatever-password', ip)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    expect(await attempts().countBy({ login: 'ghost@example.com', ip })).toBe(1);
  });

  describe('admin unlock', () => {
    it('lists lockouts (simple-rest) and DELETE /admin/login-lockouts/:id unlocks that pair', async () => {
      const admin = await createUser(t, { role: 'admin' });
      const { user, password } = await createUser(t);
      const ip = '192.0.2.50';
      for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password', ip);

      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/admin/login-lockouts?filter=${encodeURIComponent(JSON.stringify({ login: user.username }))}`,
        headers: bearer(admin.token),
      });
      expect(list.statusCode).toBe(200);
      expect(list.headers['content-range']).toBe('login-lockouts 0-0/1');
      const [record] = list.json();
      expect(record).toMatchObject({ login: user.username, ip, failures: 5, locked: true });

      const customer = await createUser(t);
      const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/login-lockouts/${record.id}`, headers: bearer(customer.token) });
      expect(refused.statusCode).toBe(403);
      expect((await login(user.username, password, ip)).statusCode).toBe(423);

      const unlock = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/login-lockouts/${record.id}`, headers: bearer(admin.token) });
      expect(unlock.statusCode).toBe(200);
      expect(unlock.json()).toMatchObject({ id: record.id, login: user.username });
      expect((await login(user.username, password, ip)).statusCode).toBe(200);

      const gone = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/login-lockouts/${record.id}`, headers: bearer(admin.token) });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().error.code).toBe('LOCKOUT_NOT_FOUND');
    });

    it('POST /admin/users/:id/unlock clears the user from every IP', async () => {
      const admin = await createUser(t, { role: 'admin' });
      const { user, password } = await createUser(t);
      for (const ip of ['192.0.2.60', '192.0.2.61']) for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password', ip);
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/users/${user.id}/unlock`, headers: bearer(admin.token) });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ cleared: 2 });
      expect((await login(user.username, password, '192.0.2.60')).statusCode).toBe(200);
      expect((await login(user.username, password, '192.0.2.61')).statusCode).toBe(200);
    });
  });
});

describe('lockout settings', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp({ AUTH_LOCKOUT_MAX_FAILURES: '2', AUTH_LOCKOUT_COOLOFF_MINUTES: '5' });
  });
  afterAll(() => t.close());

  it('AUTH_LOCKOUT_MAX_FAILURES and AUTH_LOCKOUT_COOLOFF_MINUTES apply', async () => {
    const { user, password } = await createUser(t);
    const login = (pw: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.username, password: pw }, remoteAddress: '192.0.2.99' });
    expect((await login('wrong-password')).statusCode).toBe(401);
    expect((await login('wrong-password')).statusCode).toBe(423);
    const res = await login(password);
    expect(res.statusCode).toBe(423);
    expect(res.json().error.details.retryAfterSeconds).toBeLessThanOrEqual(300);
    expect(res.json().error.details.retryAfterSeconds).toBeGreaterThan(240);
  });
});
