import type { LightMyRequestResponse } from 'fastify';
import { REFRESH_COOKIE_NAME } from '@pishop/shared';
import { createUser } from '../support/users';
import { buildAccountsApp, refreshCookieHeader, refreshCookieOf } from './helpers';

/** The raw Set-Cookie line of the refresh cookie, split into its attributes. */
function cookieAttributes(res: LightMyRequestResponse): string[] {
  const lines = [res.headers['set-cookie']].flat().filter((l): l is string => !!l);
  const line = lines.find((l) => l.startsWith(`${REFRESH_COOKIE_NAME}=`));
  expect(line).toBeDefined();
  return line!.split(';').slice(1).map((a) => a.trim());
}

describe.each([
  ['https (Pi Browser frames the app)', 'https://shop.example.com', ['HttpOnly', 'Max-Age=2592000', 'Partitioned', 'Path=/api/v1/auth', 'SameSite=None', 'Secure']],
  ['plain http on localhost', 'http://localhost:3000', ['HttpOnly', 'Max-Age=2592000', 'Path=/api/v1/auth', 'SameSite=Strict']],
])('the refresh cookie over %s', (_name, publicUrl, attributes) => {
  let t: Awaited<ReturnType<typeof buildAccountsApp>>;
  beforeAll(async () => {
    t = await buildAccountsApp({ PUBLIC_URL: publicUrl, CORS_ORIGINS: 'https://partner.example.org' });
  });
  afterAll(() => t.close());

  async function signIn() {
    const { user, password } = await createUser(t);
    return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.username, password } });
  }
  const refresh = (value: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { ...refreshCookieHeader(value), ...headers } });

  it('is set at sign-in and at every refresh with the same attributes, and cleared at logout alike', async () => {
    const signedIn = await signIn();
    expect(cookieAttributes(signedIn).sort()).toEqual(attributes);
    const refreshed = await refresh(refreshCookieOf(signedIn)!.value);
    expect(refreshed.statusCode).toBe(200);
    expect(cookieAttributes(refreshed).sort()).toEqual(attributes);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: refreshCookieHeader(refreshCookieOf(refreshed)!.value) });
    const cleared = cookieAttributes(out);
    expect(cleared).toEqual(expect.arrayContaining([...attributes.filter((a) => !a.startsWith('Max-Age')), 'Max-Age=0']));
  });

  it('is honoured from the shop itself (also inside a frame: same-origin fetches), from listed origins and from non-browser clients', async () => {
    const own = new URL(publicUrl).origin;
    const callers: Record<string, string>[] = [{}, { 'sec-fetch-site': 'same-origin', origin: own }, { origin: own }, { 'sec-fetch-site': 'cross-site', origin: 'https://partner.example.org' }];
    for (const headers of callers) {
      const res = await refresh(refreshCookieOf(await signIn())!.value, headers);
      expect(`${JSON.stringify(headers)} ${res.statusCode}`).toBe(`${JSON.stringify(headers)} 200`);
    }
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ origin: 'https://evil.example' }],
    [{ origin: 'null' }],
  ])('refuses another site calling refresh or logout with the cookie (%j): 403, the session lives on', async (headers) => {
    const signedIn = await signIn();
    const token = refreshCookieOf(signedIn)!.value;
    const res = await refresh(token, headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CROSS_SITE_REQUEST');
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...refreshCookieHeader(token), ...headers } });
    expect(logout.statusCode).toBe(403);
    expect((await refresh(token)).statusCode).toBe(200);
  });
});
