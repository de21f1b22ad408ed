import { createUser } from '../support/users';
import { buildAccountsApp } from './helpers';

/** The lockout and rate limits key on request.ip: X-Forwarded-For must not let a client pick it. */
describe.each([
  ['one proxy hop (TRUST_PROXY=1)', '1'],
  ['the proxy address (TRUST_PROXY=10.0.0.1)', '10.0.0.1'],
  ['the proxy network (TRUST_PROXY=10.0.0.0/8)', '10.0.0.0/8'],
])('behind %s', (_name, trustProxy) => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp({ TRUST_PROXY: trustProxy });
  });
  afterAll(() => t.close());

  it('locks the real client even when it rotates X-Forwarded-For entries of its own', async () => {
    const { user, password } = await createUser(t);
    const attempt = (spoofed: string, pass = 'wrong-password') =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.1', // our proxy, which appends the address it saw
        headers: { 'x-forwarded-for': `${spoofed}, 203.0.113.9` },
        payload: { login: user.username, password: pass },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(`198.51.100.${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
    expect((await attempt('192.0.2.200', password)).statusCode).toBe(423);
  });
});

describe('without a trusted proxy (TRUST_PROXY=false, the default)', () => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp();
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For entirely', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health', remoteAddress: '192.0.2.7', headers: { 'x-forwarded-for': '203.0.113.1' } });
    expect(res.statusCode).toBe(200);
    const { user } = await createUser(t);
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.7', headers: { 'x-forwarded-for': `203.0.113.${i}` }, payload: { login: user.username, password: 'nope-nope' } });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.7', payload: { login: user.username, password: 'nope-nope' } });
    expect(locked.statusCode).toBe(423);
  });
});
