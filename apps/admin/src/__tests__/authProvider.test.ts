import { authProvider, NOT_AN_ADMIN } from '../authProvider';
import { session, sessionUser } from '../session';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function fakeApi(handler: (url: string, init?: RequestInit) => Response) {
  const urls: string[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    urls.push(url);
    return handler(url, init);
  }) as typeof fetch;
  return urls;
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

test('an admin signs in: token and identity kept', async () => {
  fakeApi(() => json({ accessToken: 'tok', user: { id: 1, username: 'owner', displayName: 'Owner', role: 'admin' } }));
  await authProvider.login({ username: 'owner', password: 'pw' });
  expect(session.get()).toBe('tok');
  expect(await authProvider.getIdentity!()).toEqual({ id: 1, fullName: 'Owner' });
  await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
});

test("the API's message is shown for a refused sign-in", async () => {
  fakeApi(() => json({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong login or password' } }, 401));
  await expect(authProvider.login({ username: 'x', password: 'y' })).rejects.toThrow('Wrong login or password');
  expect(session.get()).toBeNull();
});

test('a customer is refused with a clear message and no console session', async () => {
  const urls = fakeApi((url) => (url.endsWith('/auth/login') ? json({ accessToken: 'cust', user: { id: 2, username: 'ann', role: 'customer' } }) : json({})));
  await expect(authProvider.login({ username: 'ann', password: 'pw' })).rejects.toThrow(NOT_AN_ADMIN);
  expect(session.get()).toBeNull();
  expect(urls.some((u) => u.endsWith('/auth/logout'))).toBe(true);
});

test("a customer's storefront cookie does not open the console: checkAuth sends them to sign-in with the message", async () => {
  fakeApi(() => json({ accessToken: 'cust', user: { id: 2, username: 'ann', role: 'customer' } }));
  await expect(authProvider.checkAuth({})).rejects.toMatchObject({ message: NOT_AN_ADMIN, redirectTo: '/login' });
  expect(session.get()).toBeNull();
  expect(sessionUser.get()).toBeNull();
});

test('signed out (no refresh cookie): checkAuth rejects without a message', async () => {
  fakeApi(() => json({ error: { code: 'REFRESH_INVALID_TOKEN', message: 'no' } }, 401));
  await expect(authProvider.checkAuth({})).rejects.toMatchObject({ message: false, redirectTo: '/login' });
});
