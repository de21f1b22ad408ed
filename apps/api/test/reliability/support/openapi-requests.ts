import fc from 'fast-check';

/** A JSON Schema as the served OpenAPI document writes it (only what the generator reads). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}

/** One operation of the document, with what requests and answers it declares. */
export interface Operation {
  method: string;
  /** `/api/v1/orders/{number}` as documented. */
  path: string;
  parameters: Parameter[];
  body?: Schema;
  bodyType?: string;
  /** status (`200`, `4XX`, `default`) → the JSON schema of that answer, or null when it has none. */
  responses: Record<string, Schema | null>;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, {
    parameters?: Parameter[];
    requestBody?: { content?: Record<string, { schema?: Schema }> };
    responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  }>>;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const bodyType = Object.keys(content)[0];
      const responses: Record<string, Schema | null> = {};
      for (const [status, r] of Object.entries(op.responses ?? {})) responses[status] = r.content?.['application/json']?.schema ?? null;
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: bodyType ? content[bodyType].schema : undefined, bodyType, responses });
    }
  }
  return ops;
}

/** Values that break naive parsing: non-finite and huge numbers, wrong types, odd strings. */
const hostileNumberText = ['1e309', '-1e309', '1e-400', '-0', '9007199254740993', '99999999999999999999999', '-1', '0', '0.5', '1e5', '0x10', 'NaN', 'Infinity', '-Infinity', '', ' 1', '1 ', '١٢'];
const hostileStrings = [
  '', ' ', '\u0000', '\u202e', '../../../etc/passwd', '..%2f..%2fetc', '%00', '<script>alert(1)</script>', "' OR 1=1 --", '"; DROP TABLE users; --',
  '__proto__', 'constructor', '{{7*7}}', '${7*7}', 'null', 'undefined', 'true', '[]', '{}', '\ud800', '𝕏'.repeat(40), 'a'.repeat(5000),
];

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumberText),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.properties) return ['object'];
  if (s.enum) return ['enum'];
  return ['string'];
}

/** Mostly valid values for a schema, with a hostile value now and then at any depth. */
export function valueFor(s: Schema | undefined, known: fc.Arbitrary<unknown>, depth = 0): fc.Arbitrary<unknown> {
  if (!s) return hostileScalar;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => valueFor(a, known, depth + 1)));
  const valid = validFor(s, known, depth);
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: hostileScalar, weight: 1 }, { arbitrary: known, weight: 1 });
}

function validFor(s: Schema, known: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const arbs = typesOf(s).map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.oneof(fc.integer({ min: s.minimum ?? -1000, max: Math.min(s.maximum ?? 100_000, Number.MAX_SAFE_INTEGER) }), fc.constantFrom(s.minimum ?? 0, s.maximum ?? 1, 1, 2, 3));
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case 'array':
        return depth > 3 ? fc.constant([]) : fc.array(valueFor(s.items, known, depth + 1), { maxLength: 4 });
      case 'object': {
        if (depth > 3 || !s.properties) return fc.dictionary(fc.string({ maxLength: 6 }), hostileScalar, { maxKeys: 2 });
        const shape = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, valueFor(v, known, depth + 1)]));
        return fc.record(shape, { requiredKeys: (s.required ?? []).filter((k) => k in shape) });
      }
      default:
        return stringFor(s);
    }
  });
  return arbs.length === 1 ? arbs[0] : fc.oneof(...arbs);
}

function stringFor(s: Schema): fc.Arbitrary<unknown> {
  const max = Math.min(s.maxLength ?? 60, 200);
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'url' || s.format === 'uri') return fc.webUrl();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= max);
    } catch {
      /* a pattern JS cannot read: plain strings */
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.max(max, s.minLength ?? 0), unit: 'binary' });
}

/** Text-level damage a JSON body can carry that JSON.stringify cannot write. */
const bodyDamage: fc.Arbitrary<(json: string) => string> = fc.constantFrom(
  (j: string) => j,
  (j: string) => j.replace(/-?\d+(\.\d+)?/, '1e309'),
  (j: string) => j.replace(/-?\d+(\.\d+)?/, '-1e309'),
  (j: string) => j.replace(/:\s*"[^"]*"/, ':1e999'),
  (j: string) => j.slice(0, Math.max(1, Math.floor(j.length / 2))),
  (j: string) => j.replace(/^\{/, '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},'),
  () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  () => `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
  (j: string) => `[${j}]`,
  () => 'null',
  () => '12345',
  () => '"just a string"',
  () => 'true',
  () => '',
  (j: string) => `${j}garbage`,
  (j: string) => j.replace(/^\{/, '{"a":1,"a":2,'),
);

/** encodeURIComponent, except that a lone surrogate becomes the invalid UTF-8 it would be on the wire. */
function percentEncode(v: string): string {
  return v.replace(/[\ud800-\udfff]/g, '\u0000').split('\u0000').map(encodeURIComponent).join('%ED%A0%80');
}

export interface FuzzRequest {
  op: number;
  auth: 'anonymous' | 'customer' | 'admin' | 'forged';
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  ip: string;
}

const simpleRestQuery: Record<string, string[]> = {
  sort: ['["id","ASC"]', '["id","DESC"]', '["createdAt","DESC"]', '["nope","ASC"]', '["id"]', '["__proto__","ASC"]', '"id"', '[1,2]'],
  range: ['[0,9]', '[0,999]', '[0,1000]', '[5,2]', '[-5,-1]', '[0,1e309]', '[0,9007199254740993]', '[0]', '["a","b"]', '[0.5,2.5]'],
  filter: ['{}', '{"id":[1,2,3]}', '{"q":"a"}', '{"status":"paid"}', '{"id":1e309}', '{"id":[1e309]}', '{"q":{"$gt":""}}', '{"__proto__":{"x":1}}', '[]', 'null', `{"id":[${'1,'.repeat(2000)}1]}`],
};

/** Every request the fuzzer sends: an operation of the document, a caller, params, query, body. */
export function requestArbitrary(ops: Operation[], knownValues: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzRequest> {
  const ipArb = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b]) => `198.18.${a}.${b}`);
  const pathValue = fc.oneof(
    { arbitrary: knownValues.map(String), weight: 4 },
    { arbitrary: fc.integer({ min: -5, max: 50 }).map(String), weight: 3 },
    { arbitrary: fc.constantFrom(...hostileNumberText, ...hostileStrings).filter((v) => v.length > 0), weight: 3 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 1 },
  );
  return fc.integer({ min: 0, max: ops.length - 1 }).chain((index) => {
    const op = ops[index];
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const query = fc.record(
      Object.fromEntries(
        queryParams.map((p) => [
          p.name,
          simpleRestQuery[p.name] && !p.schema?.enum
            ? fc.oneof(fc.constantFrom(...simpleRestQuery[p.name]), fc.string({ maxLength: 20 }))
            : fc.oneof(valueFor(p.schema, knownValues).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')), fc.constantFrom(...hostileNumberText)),
        ]),
      ),
      { requiredKeys: [] },
    );
    const extraQuery = fc.option(fc.constantFrom('page=1&page=2', 'pageSize=100000', 'x[y]=1', '__proto__[a]=1', 'range=[0,9]&range=[1,2]', 'q=%FF%FE'), { freq: 5 });
    const body = op.body
      ? fc.tuple(valueFor(op.body, knownValues), bodyDamage, fc.boolean()).map(([v, damage, damaged]) => {
          const json = JSON.stringify(v) ?? 'null';
          return damaged ? damage(json) : json;
        })
      : fc.option(fc.constantFrom('{}', '[]', '{"a":1}', 'null', '1e309'), { freq: 4 });
    const contentType = fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 12 },
      { arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json; charset=utf-16', 'application/xml', ''), weight: 1 },
    );
    const extraHeaders = fc.record(
      {
        'idempotency-key': fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }), fc.constant('')),
        'x-pi-signature': fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), fc.string({ maxLength: 20 })),
        'if-none-match': fc.oneof(fc.constant('*'), fc.string({ maxLength: 20 }).map((s) => `"${s.replace(/[^\w-]/g, '')}"`)),
        'x-forwarded-for': fc.constantFrom('1.2.3.4', '::1', 'garbage', '127.0.0.1, 10.0.0.1'),
        range: fc.constantFrom('bytes=0-10', 'bytes=-1', 'bytes=99999999-'),
      },
      { requiredKeys: [] },
    );
    const method = op.method === 'GET' ? fc.constantFrom('GET', 'GET', 'GET', 'HEAD') : fc.constant(op.method);
    return fc
      .record({
        auth: fc.constantFrom<FuzzRequest['auth']>('anonymous', 'customer', 'customer', 'admin', 'admin', 'admin', 'forged'),
        method,
        params: fc.tuple(...pathParams.map(() => pathValue)),
        encode: fc.boolean(),
        query,
        extraQuery,
        body,
        contentType,
        extraHeaders,
        ip: ipArb,
      })
      .map((r): FuzzRequest => {
        let url = op.path;
        pathParams.forEach((p, i) => {
          const v = r.params[i] as string;
          url = url.replace(`{${p.name}}`, r.encode ? percentEncode(v) : v.replace(/[?#\s]/g, '_'));
        });
        const qs = new URLSearchParams(Object.entries(r.query) as [string, string][]).toString();
        const parts = [qs, r.extraQuery].filter(Boolean);
        if (parts.length) url += `?${parts.join('&')}`;
        const headers: Record<string, string> = { ...(r.extraHeaders as Record<string, string>) };
        const payload = r.method === 'HEAD' || r.method === 'GET' ? undefined : (r.body ?? undefined);
        if (payload !== undefined && r.contentType) headers['content-type'] = r.contentType;
        return { op: index, auth: r.auth, method: r.method, url, headers, payload, ip: r.ip };
      });
  });
}
