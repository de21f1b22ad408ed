import { buildTestApp, type TestApp } from '../support/app';

/** Every `METHOD /path` of Fastify's route tree (printRoutes draws nested path segments). */
function routeTable(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = line.match(/^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?/);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    for (const method of m[3]?.split(', ') ?? []) out.push(`${method} ${stack.join('')}`);
  }
  return out;
}

// Third parties rely on /api/docs: every API route must be in the OpenAPI document, with a summary.
describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('describes every /api/v1 route with a summary', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    const documented = new Map<string, string | undefined>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) documented.set(`${method.toUpperCase()} ${path}`, op.summary);
    }
    const routes = routeTable(t.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.includes(' /api/v1/') && !r.startsWith('HEAD '))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
    expect(routes.filter((r) => !documented.get(r)?.trim())).toEqual([]);
  });
});
