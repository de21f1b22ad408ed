import { LoginAttempt } from '../../src/modules/accounts/login-attempt.entity';
import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildAccountsApp, refreshCookieHeader, refreshCookieOf } from '../accounts/helpers';
import { emptyFigures, recordFigures } from './support/figures';

const LIMIT = 5;
const ROUNDS = Number(process.env.RELIABILITY_SIGNIN_ROUNDS ?? 4);

/**
 * Sign-in under attack, concurrently: guesses racing each other against the lockout (none
 * checked past the limit, the right password refused once locked), and one refresh token
 * used many times at once (one winner, then the whole family revoked, the winner's included).
 */
describe('reliability: sign-in races', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  const figures = emptyFigures();
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(async () => {
    recordFigures(__filename, figures);
    await t?.close();
  });

  const login = (name: string, password: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password }, remoteAddress: ip });

  it(`${ROUNDS} rounds of 12 concurrent wrong guesses, then 6 concurrent right ones (one address, under its 20 a minute): none admitted past the limit of ${LIMIT}`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { user, password } = await createUser(t);
      const ip = `203.0.113.${100 + round}`;
      const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => login(user.username, `wrong-${i}`, ip)));
      const codes = guesses.map((r) => r.json().error?.code as string);
      // Every guess whose password was checked counts: INVALID_CREDENTIALS, or the one that reached the limit.
      const row = await t.ds.getRepository(LoginAttempt).findOneByOrFail({ login: user.username, ip });
      const checked = Math.max(row.failures, codes.filter((c) => c === 'INVALID_CREDENTIALS').length);
      const right = await Promise.all(Array.from({ length: 6 }, () => login(user.username, password, ip)));
      const admitted = Math.max(0, checked - LIMIT) + right.filter((r) => r.statusCode === 200).length;
      figures.lockoutGuessesPastLimit += admitted;
      figures.extra.lockoutGuesses = (figures.extra.lockoutGuesses ?? 0) + guesses.length + right.length;
      figures.serverErrors += [...guesses, ...right].filter((r) => r.statusCode >= 500).length;
      expect({ round, checked: Math.min(checked, LIMIT + 1), admitted, locked: right.map((r) => r.statusCode) }).toEqual({ round, checked: LIMIT, admitted: 0, locked: Array(6).fill(423) });
    }
  });

  it(`${ROUNDS} rounds of one refresh token used 10 times at once: one winner, then the family (winner included) revoked`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { user, password } = await createUser(t);
      const signedIn = await login(user.username, password, `198.51.100.${50 + round}`);
      const cookie = refreshCookieOf(signedIn)!.value;
      const uses = await Promise.all(Array.from({ length: 10 }, () => t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: refreshCookieHeader(cookie) })));
      const winners = uses.filter((r) => r.statusCode === 200);
      figures.serverErrors += uses.filter((r) => r.statusCode >= 500).length;
      figures.extra.refreshReuses = (figures.extra.refreshReuses ?? 0) + uses.length;
      expect({ round, winners: winners.length, others: uses.filter((r) => r.statusCode !== 200).map((r) => r.statusCode) }).toEqual({ round, winners: 1, others: Array(9).fill(401) });
      const winner = winners[0];
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: refreshCookieHeader(refreshCookieOf(winner)!.value) });
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(winner.json().accessToken) });
      const original = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(signedIn.json().accessToken) });
      expect({ round, winnersRefresh: again.statusCode, winnersAccess: me.statusCode, firstAccess: original.statusCode }).toEqual({ round, winnersRefresh: 401, winnersAccess: 401, firstAccess: 401 });
    }
  });
});
