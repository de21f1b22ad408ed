import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildPiSandbox } from '@pishop/pi-sandbox';
import { User } from '../../src/modules/accounts/user.entity';
import { bearer } from '../support/app';
import { createUser } from '../support/users';
import { buildAccountsApp, fakeServer, refreshCookieOf } from './helpers';

/** Pi Login against the Pi sandbox (packages/pi-sandbox) on its own port, over real HTTP. */
describe('Pi Login (POST /auth/pi)', () => {
  let sandbox: FastifyInstance;
  let sandboxUrl: string;
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;

  beforeAll(async () => {
    sandbox = buildPiSandbox({ apiKey: 'test-server-key' });
    await sandbox.listen({ port: 0, host: '127.0.0.1' });
    sandboxUrl = `http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`;
    t = await buildAccountsApp({ PI_API_BASE_URL: sandboxUrl, PI_API_KEY: 'test-server-key', PI_APP_WALLET_ADDRESS: 'GAFHXWARVPMCQPUK27GFTEFWUGITP4HZGHLDNRU6GBYIF6GKC76JO4W7' });
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  /** What Pi.authenticate does in Pi Browser: sign the Pioneer in and get an access token. */
  async function piAuthenticate(username: string): Promise<{ uid: string; username: string; accessToken: string }> {
    const res = await fetch(`${sandboxUrl}/control/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as { uid: string; username: string; accessToken: string };
  }
  const piLogin = (accessToken: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/pi', payload: { accessToken } });

  it('creates the user on the first sign-in and signs the same user in again on the second', async () => {
    const first = await piAuthenticate('pioneer_ana');
    const res1 = await piLogin(first.accessToken);
    expect(res1.statusCode).toBe(200);
    const user1 = res1.json().user;
    expect(user1).toMatchObject({ piUid: first.uid, piUsername: 'pioneer_ana', username: 'pioneer_ana', email: null, hasPassword: false, role: 'customer' });
    expect(refreshCookieOf(res1)?.value).toEqual(expect.any(String));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(res1.json().accessToken) })).statusCode).toBe(200);

    // Next session: Pi issues a new token for the same Pioneer.
    const second = await piAuthenticate('pioneer_ana');
    expect(second.uid).toBe(first.uid);
    expect(second.accessToken).not.toBe(first.accessToken);
    const res2 = await piLogin(second.accessToken);
    expect(res2.statusCode).toBe(200);
    expect(res2.json().user.id).toBe(user1.id);
    expect(await t.ds.getRepository(User).countBy({ piUid: first.uid })).toBe(1);
  });

  it('gives a Pioneer whose username is taken by a password account a free username', async () => {
    await createUser(t, { username: 'pioneer_bob' });
    const pi = await piAuthenticate('pioneer_bob');
    const res = await piLogin(pi.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'pioneer_bob_2', piUsername: 'pioneer_bob', displayName: 'pioneer_bob' });
  });

  it('handles two first sign-ins of the same Pioneer at once: one account', async () => {
    const pi = await piAuthenticate('pioneer_twin');
    const [a, b] = await Promise.all([piLogin(pi.accessToken), piLogin(pi.accessToken)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().user.id).toBe(b.json().user.id);
    expect(await t.ds.getRepository(User).countBy({ piUid: pi.uid })).toBe(1);
  });

  it('refuses a token Pi does not know with 401 PI_INVALID_TOKEN and creates nothing', async () => {
    const before = await t.ds.getRepository(User).count();
    const res = await piLogin('made-up-token');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('PI_INVALID_TOKEN');
    expect(await t.ds.getRepository(User).count()).toBe(before);
  });

  it('answers 502 PI_UPSTREAM when Pi keeps failing (after the one Pi client\'s retries)', async () => {
    const pi = await piAuthenticate('pioneer_unlucky');
    const fault = await fetch(`${sandboxUrl}/control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platformErrors: [{ path: '/v2/me', status: 500, error: 'internal_error', times: 3 }] }),
    });
    expect(fault.ok).toBe(true);
    const res = await piLogin(pi.accessToken);
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('PI_UPSTREAM');
    expect(await t.ds.getRepository(User).countBy({ piUid: pi.uid })).toBe(0);
    expect((await piLogin(pi.accessToken)).statusCode).toBe(200);
  });

  it('refuses a disabled Pi account with 403', async () => {
    const pi = await piAuthenticate('pioneer_gone');
    const first = await piLogin(pi.accessToken);
    await t.ds.getRepository(User).update({ id: first.json().user.id }, { isActive: false });
    const res = await piLogin(pi.accessToken);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('refuses an empty token with 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/pi', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveProperty('accessToken');
  });
});

describe('Pi Login when Pi is unreachable or odd', () => {
  it('answers 502 PI_UPSTREAM for an unexpected answer shape', async () => {
    const odd = await fakeServer(() => ({ status: 200, body: { hello: 'world' } }));
    const t = await buildAccountsApp({ PI_API_BASE_URL: odd.url, PI_API_KEY: 'k', PI_APP_WALLET_ADDRESS: 'GAFHXWARVPMCQPUK27GFTEFWUGITP4HZGHLDNRU6GBYIF6GKC76JO4W7' });
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/pi', payload: { accessToken: 'x' } });
      expect(res.statusCode).toBe(502);
      expect(res.json().error.code).toBe('PI_UPSTREAM');
      expect(odd.requests[0].url).toBe('/v2/me');
      expect(odd.requests[0].headers.authorization).toBe('Bearer x');
    } finally {
      await t.close();
      await odd.close();
    }
  });

  it('signs in a Pioneer whose /v2/me carries no username (no username scope)', async () => {
    const quiet = await fakeServer(() => ({ status: 200, body: { uid: 'uid-without-name', credentials: { scopes: ['payments'] } } }));
    const t = await buildAccountsApp({ PI_API_BASE_URL: quiet.url, PI_API_KEY: 'k', PI_APP_WALLET_ADDRESS: 'GAFHXWARVPMCQPUK27GFTEFWUGITP4HZGHLDNRU6GBYIF6GKC76JO4W7' });
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/pi', payload: { accessToken: 'x' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ piUid: 'uid-without-name', piUsername: null, email: null });
      expect(res.json().user.username).toMatch(/^pioneer/);
      const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/pi', payload: { accessToken: 'x' } });
      expect(again.json().user.id).toBe(res.json().user.id);
    } finally {
      await t.close();
      await quiet.close();
    }
  });
});
