import { createHmac } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { bearer, buildTestApp, type TestApp } from '../support/app';
import { createUser } from '../support/users';

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; schema?: { type?: string | string[] } }[];
  jsonBody: boolean;
  anyBody: boolean;
}

const WEBHOOK_SECRET = 'input-shapes-webhook-secret-0123456789';

/** Every operation of the OpenAPI document the API serves (the registered /api/v1 routes). */
async function operations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, unknown> } }>>;
  };
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      out.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], jsonBody: 'application/json' in content, anyBody: Object.keys(content).length > 0 });
    }
  }
  return out;
}

const isInteger = (p: Operation['parameters'][number]) => [p.schema?.type].flat().includes('integer');

/** A URL for the operation with every path parameter filled (integers 1, strings "x"), plus a query. */
function urlOf(op: Operation, path: Record<string, string> = {}, query = ''): string {
  const filled = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (path[name] !== undefined) return encodeURIComponent(path[name]);
    return op.parameters.find((p) => p.in === 'path' && p.name === name && isInteger(p)) ? '1' : 'x';
  });
  return query ? `${filled}?${query}` : filled;
}

/** Bodies that are JSON but not an object, and JSON nested 10,000 deep. */
const NOT_OBJECTS: [string, string][] = [
  ['an array', '[]'],
  ['an array of objects', '[{"email":"a@b.co"}]'],
  ['a number', '42'],
  ['a boolean', 'true'],
  ['a string', '"hello"'],
  ['null', 'null'],
];
const DEEP = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
const BAD_IDS = ['1e309', '-1', '0', '1.5', '99999999999999999999', 'abc', 'Infinity', 'NaN'];

describe('input shapes, on every route they apply to', () => {
  let t: TestApp;
  let ops: Operation[];
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await buildTestApp({ PI_WEBHOOK_SECRET: WEBHOOK_SECRET, RATE_LIMIT_MAX: '100000' });
    ops = await operations(t);
    const admin = await createUser(t, { role: 'admin' });
    headers = bearer(admin.token) as Record<string, string>;
  });
  afterAll(() => t.close());

  let client = 0;
  /**
   * Sends as a signed-in admin (also passes customer-only guards), signing webhook bodies,
   * each request from its own address (the sign-in routes' rate limits are per client).
   */
  const send = (op: Operation, options: Omit<InjectOptions, 'method'>): Promise<LightMyRequestResponse> => {
    client += 1;
    const remoteAddress = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
    const body = typeof options.payload === 'string' ? options.payload : '';
    const signature = op.path.endsWith('/pi/webhook') ? { 'x-pi-signature': createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex') } : {};
    return t.app.inject({ ...options, remoteAddress, method: op.method as InjectOptions['method'], headers: { ...headers, ...signature, ...(options.headers as object) } });
  };
  const report = (op: Operation, what: string, res: LightMyRequestResponse) =>
    `${op.method} ${op.path} with ${what}: ${res.statusCode} ${res.json()?.error?.code ?? ''}`;

  it('finds the routes to try', () => {
    expect(ops.filter((o) => o.jsonBody).length).toBeGreaterThan(30);
    expect(ops.filter((o) => o.parameters.some((p) => p.in === 'path' && isInteger(p))).length).toBeGreaterThan(30);
  });

  it.each(NOT_OBJECTS)('refuses %s as a JSON body with 400 INVALID_BODY on every route that takes a body', async (what, payload) => {
    const wrong: string[] = [];
    for (const op of ops.filter((o) => o.anyBody || o.method !== 'GET')) {
      if (op.method === 'GET' || op.method === 'HEAD') continue;
      const res = await send(op, { url: urlOf(op), payload, headers: { 'content-type': 'application/json' } });
      // Fastify hands validators null for "no body" too: a JSON null may also fail as missing fields.
      const expected = payload === 'null' ? ['INVALID_BODY', 'VALIDATION_FAILED'] : ['INVALID_BODY'];
      if (res.statusCode !== 400 || !expected.includes(res.json().error.code)) wrong.push(report(op, what, res));
    }
    expect(wrong).toEqual([]);
  });

  it('refuses JSON nested 10,000 deep on every route: 400, or 413 where the route takes smaller bodies', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      if (op.method === 'GET' || op.method === 'HEAD') continue;
      const res = await send(op, { url: urlOf(op), payload: DEEP, headers: { 'content-type': 'application/json' } });
      const code = res.json().error.code;
      if (!(res.statusCode === 400 && code === 'INVALID_BODY') && !(res.statusCode === 413 && code === 'PAYLOAD_TOO_LARGE')) wrong.push(report(op, 'deep JSON', res));
    }
    expect(wrong).toEqual([]);
  });

  it('refuses a text/plain body where a JSON object is expected with a 4xx', async () => {
    const wrong: string[] = [];
    for (const op of ops.filter((o) => o.jsonBody)) {
      const res = await send(op, { url: urlOf(op), payload: 'just text', headers: { 'content-type': 'text/plain' } });
      if (res.statusCode < 400 || res.statusCode >= 500) wrong.push(report(op, 'text/plain', res));
    }
    expect(wrong).toEqual([]);
  });

  it.each(BAD_IDS)('refuses the id %s in every integer path parameter with 400 VALIDATION_FAILED', async (bad) => {
    const wrong: string[] = [];
    for (const op of ops) {
      const ids = op.parameters.filter((p) => p.in === 'path' && isInteger(p));
      if (!ids.length) continue;
      const path = Object.fromEntries(ids.map((p) => [p.name, bad]));
      const res = await send(op, { url: urlOf(op, path), ...(op.method !== 'GET' && op.method !== 'DELETE' && { payload: {} }) });
      if (res.statusCode !== 400 || res.json().error.code !== 'VALIDATION_FAILED') wrong.push(report(op, `id ${bad}`, res));
    }
    expect(wrong).toEqual([]);
  });

  it.each(['1e309', '99999999999999999999', '-1e309'])('refuses %s in every integer query parameter with 400', async (bad) => {
    const wrong: string[] = [];
    let tried = 0;
    for (const op of ops) {
      for (const p of op.parameters.filter((q) => q.in === 'query' && isInteger(q))) {
        tried += 1;
        const res = await send(op, { url: urlOf(op, {}, `${p.name}=${bad}`), ...(op.method !== 'GET' && op.method !== 'DELETE' && { payload: {} }) });
        if (res.statusCode !== 400) wrong.push(report(op, `${p.name}=${bad}`, res));
      }
    }
    expect(tried).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
  });

  it('refuses numbers beyond the safe range inside JSON bodies with 400 naming the field', async () => {
    for (const payload of ['{"ids":[1,1e400]}', '{"ids":[9007199254740993]}']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/services/reorder', headers: { ...headers, 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.details.fields)).toEqual([expect.stringMatching(/^ids/)]);
    }
  });

  it('accepts JSON nested up to JSON_MAX_DEPTH and refuses one level more', async () => {
    const small = await buildTestApp({ JSON_MAX_DEPTH: '4' });
    try {
      const at = (depth: number) =>
        small.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{"login":' + '['.repeat(depth - 1) + '"x"' + ']'.repeat(depth - 1) + ',"password":"p"}', headers: { 'content-type': 'application/json' } });
      expect((await at(4)).json().error.code).toBe('VALIDATION_FAILED');
      expect((await at(5)).json().error.code).toBe('INVALID_BODY');
    } finally {
      await small.close();
    }
  });
});
