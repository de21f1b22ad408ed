import { dataProvider } from '../dataProvider';
import { session } from '../session';

type Call = { url: string; auth: string | null };

function fakeApi(handler: (url: string, auth: string | null) => Response) {
  const calls: Call[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const auth = headers.get('Authorization');
    calls.push({ url, auth });
    return handler(url, auth);
  }) as typeof fetch;
  return calls;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

beforeEach(() => sessionStorage.clear());

test('lists with sort/range/filter and reads the total from Content-Range', async () => {
  session.set('token-1');
  const calls = fakeApi(() => json([{ id: 1, title: 'A' }], 200, { 'Content-Range': 'services 0-0/23' }));
  const result = await dataProvider.getList('services', {
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'position', order: 'ASC' },
    filter: { q: 'web' },
  });
  expect(result.total).toBe(23);
  const url = new URL(calls[0].url);
  expect(url.pathname).toBe('/api/v1/admin/services');
  expect(JSON.parse(url.searchParams.get('range')!)).toEqual([0, 9]);
  expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['position', 'ASC']);
  expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ q: 'web' });
  expect(calls[0].auth).toBe('Bearer token-1');
});

test('renews an expired access token once with the refresh cookie, then retries', async () => {
  session.set('expired');
  const calls = fakeApi((url, auth) => {
    if (url.endsWith('/auth/refresh')) return json({ accessToken: 'fresh' });
    if (auth === 'Bearer fresh') return json({ id: 7, title: 'B' });
    return json({ error: { code: 'UNAUTHENTICATED', message: 'expired' } }, 401);
  });
  const { data } = await dataProvider.getOne('services', { id: 7 });
  expect(data).toEqual({ id: 7, title: 'B' });
  expect(calls.map((c) => c.auth)).toEqual(['Bearer expired', null, 'Bearer fresh']);
  expect(session.get()).toBe('fresh');
});
