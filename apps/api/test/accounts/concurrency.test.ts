import type { FastifyInstance, InjectOptions } from 'fastify';
import { LoginAttempt } from '../../src/modules/accounts/login-attempt.entity';
import { RefreshToken } from '../../src/modules/accounts/refresh-token.entity';
import { bearer } from '../support/app';
import { secondInstance } from '../support/instances';
import { createUser } from '../support/users';
import { buildAccountsApp, refreshCookieHeader, refreshCookieOf } from './helpers';

/** Sign-in races, with requests split between two API instances on one database. */
describe('sign-in under concurrency, across two instances', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  let other: FastifyInstance;
  beforeAll(async () => {
    t = await buildAccountsApp();
    other = await secondInstance(t);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  /** Request i goes to instance i % 2. */
  const spread = (count: number, request: (i: number) => InjectOptions) =>
    Promise.all(Array.from({ length: count }, (_, i) => (i % 2 ? other : t.app).inject(request(i))));
  const login = (loginName: string, password: string, ip: string): InjectOptions => ({
    method: 'POST', url: '/api/v1/auth/login', payload: { login: loginName, password }, remoteAddress: ip,
  });

  it('counts 30 simultaneous wrong guesses one by one: 5 passwords checked, then locked for everyone', async () => {
    const { user, password } = await createUser(t);
    const ip = '203.0.113.77';
    const results = await spread(30, () => login(user.username, 'wrong-password', ip));
    const codes = results.map((r) => r.json().error.code as string);
    expect(new Set(codes)).toEqual(new Set(codes.filter((c) => c === 'INVALID_CREDENTIALS' || c === 'ACCOUNT_LOCKED')));
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(25);
    // Each attempt is counted before its password is checked, and only five were admitted:
    // the other 25 were refused without a password check.
    const row = await t.ds.getRepository(LoginAttempt).findOneByOrFail({ login: user.username, ip });
    expect(row.failures).toBe(5);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // The right password is not even checked now, on either instance.
    for (const app of [t.app, other]) expect((await app.inject(login(user.username, password, ip))).statusCode).toBe(423);
  });

  it('answers a locked account and a locked unknown login identically', async () => {
    const { user } = await createUser(t);
    const ip = '203.0.113.78';
    const known = await spread(8, () => login(user.username, 'wrong-password', ip));
    const unknown = await spread(8, () => login('nobody-at-all', 'wrong-password', ip));
    const shape = (r: (typeof known)[number]) => ({
      status: r.statusCode,
      code: r.json().error.code,
      message: r.json().error.message.replace(/\d+ (seconds|minutes)/, 'N'),
      detailKeys: Object.keys(r.json().error.details ?? {}).sort(),
      retryAfter: r.headers['retry-after'] !== undefined,
    });
    const sorted = (rs: typeof known) => rs.map(shape).sort((a, b) => a.status - b.status);
    expect(sorted(unknown)).toEqual(sorted(known));
    // However the timing falls: four wrong guesses told so, the fifth locks, the rest are refused.
    expect(sorted(known).map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423, 423, 423]);
  });

  it('lets one of 10 simultaneous uses of a refresh token win, then revokes the family: the winner\'s new tokens too', async () => {
    const { user, password } = await createUser(t);
    const signedIn = await t.app.inject(login(user.username, password, '198.51.100.77'));
    const stolen = refreshCookieOf(signedIn)!.value;
    const results = await spread(10, () => ({ method: 'POST', url: '/api/v1/auth/refresh', headers: refreshCookieHeader(stolen) }));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(401)]);
    const winner = results.find((r) => r.statusCode === 200)!;
    // The first loser finds the token rotated (reuse); later ones may already find it revoked.
    const reasons = new Set(results.filter((r) => r.statusCode === 401).map((r) => r.json().error.details.reason));
    expect(reasons.has('reused')).toBe(true);
    expect([...reasons].every((r) => r === 'reused' || r === 'revoked')).toBe(true);

    for (const app of [t.app, other]) {
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(winner.json().accessToken) })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(signedIn.json().accessToken) })).statusCode).toBe(401);
    }
    const next = await other.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: refreshCookieHeader(refreshCookieOf(winner)!.value) });
    expect(next.statusCode).toBe(401);
    const family = await t.ds.getRepository(RefreshToken).findBy({ userId: user.id });
    expect(family).toHaveLength(2);
    expect(family.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it('answers no 5xx under simultaneous sign-ups, sign-ins and refreshes', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => createUser(t)));
    const sessions = await Promise.all(users.map((u, i) => t.app.inject(login(u.user.username, u.password, `192.0.2.${100 + i}`))));
    const requests: InjectOptions[] = [
      ...Array.from({ length: 8 }, (_, i): InjectOptions => ({
        method: 'POST', url: '/api/v1/auth/register', remoteAddress: `192.0.2.${10 + i}`,
        payload: { email: `racer${i}@example.com`, username: `racer_${i}`, password: 'a-long-password' },
      })),
      ...users.map((u, i) => login(u.user.username, u.password, `192.0.2.${120 + i}`)),
      ...users.map((u, i) => login(u.user.username, 'wrong-password', `192.0.2.${120 + i}`)),
      ...sessions.map((s): InjectOptions => ({ method: 'POST', url: '/api/v1/auth/refresh', headers: refreshCookieHeader(refreshCookieOf(s)!.value) })),
    ];
    const results = await spread(requests.length, (i) => requests[i]);
    const failed = results.flatMap((r, i) => (r.statusCode >= 500 ? [`${requests[i].url} ${r.statusCode} ${r.body}`] : []));
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(8);
  });
});
