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

test("errors carry the API's message and field errors (toasts and forms read them)", async () => {
  session.set('token-1');
  fakeApi(() => json({ error: { code: 'MEDIA_REFERENCE_INVALID', message: 'Invalid request: imageMediaId media 9 is a video, not a image' }, errors: { imageMediaId: 'media 9 is a video, not a image' } }, 422));
  const failure = await dataProvider.update('services', { id: 1, data: { imageMediaId: 9 }, previousData: { id: 1 } }).catch((e: unknown) => e);
  expect(failure).toMatchObject({
    message: 'Invalid request: imageMediaId media 9 is a video, not a image',
    status: 422,
    body: { errors: { imageMediaId: 'media 9 is a video, not a image' } },
  });
});

test('updateMany sends one PUT per id with only the changed fields (the stock client)', async () => {
  session.set('token-1');
  const bodies: string[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(`${init?.method} ${new URL(String(input)).pathname} ${init?.body}`);
    return json({ id: Number(String(input).split('/').pop()) });
  }) as typeof fetch;
  const { data } = await dataProvider.updateMany('services', { ids: [3, 4], data: { active: true } });
  expect(data).toEqual([3, 4]);
  expect(bodies.sort()).toEqual(['PUT /api/v1/admin/services/3 {"active":true}', 'PUT /api/v1/admin/services/4 {"active":true}']);
});

test('stats asks for the period and interval', async () => {
  session.set('token-1');
  const calls = fakeApi(() => json({ interval: 'week' }));
  await dataProvider.stats({ from: '2026-01-01', to: '2026-03-31', interval: 'week' });
  const url = new URL(calls[0].url);
  expect(url.pathname).toBe('/api/v1/admin/stats');
  expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-01-01', to: '2026-03-31', interval: 'week' });
});
