/** A JSON schema node as the OpenAPI document holds it (loosely typed on purpose). */
type Node = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function resolve(doc: Node, node: unknown, seen = new Set<string>()): Node | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const ref = (node as Node).$ref;
  if (typeof ref !== 'string') return node as Node;
  if (seen.has(ref) || !ref.startsWith('#/')) return undefined;
  seen.add(ref);
  const target = ref.slice(2).split('/').reduce<unknown>((at, key) => (at as Node | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  return resolve(doc, target, seen);
}

/** Every field path a response schema promises (`items[].slug`, `order.number`), following $ref, allOf/anyOf/oneOf and arrays. */
export function fieldPaths(doc: Node, schema: unknown, prefix = '', depth = 0, out = new Set<string>()): Set<string> {
  const node = resolve(doc, schema);
  if (!node || depth > 12) return out;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list)) for (const s of list) fieldPaths(doc, s, prefix, depth + 1, out);
  }
  if (node.items) fieldPaths(doc, node.items, `${prefix}[]`, depth + 1, out);
  const props = node.properties as Node | undefined;
  if (props) {
    for (const [name, sub] of Object.entries(props)) {
      const p = prefix ? `${prefix}.${name}` : name;
      out.add(p);
      fieldPaths(doc, sub, p, depth + 1, out);
    }
  }
  return out;
}

function successSchemas(op: Node): [string, unknown][] {
  const responses = (op.responses ?? {}) as Record<string, Node>;
  return Object.entries(responses)
    .filter(([code]) => /^2\d\d$/.test(code))
    .map(([code, r]) => [code, ((r.content as Node | undefined)?.['application/json'] as Node | undefined)?.schema]);
}

/**
 * What a newer document breaks for clients of the older one under `prefix`: routes (method +
 * path) that disappeared, and fields of a success answer that disappeared. Additions break nothing.
 */
export function breakingChanges(before: Node, after: Node, prefix = '/api/v1'): string[] {
  const problems: string[] = [];
  const beforePaths = (before.paths ?? {}) as Record<string, Node>;
  const afterPaths = (after.paths ?? {}) as Record<string, Node>;
  for (const [path, item] of Object.entries(beforePaths)) {
    if (!path.startsWith(prefix)) continue;
    for (const method of METHODS.filter((m) => item[m])) {
      const route = `${method.toUpperCase()} ${path}`;
      const now = afterPaths[path]?.[method] as Node | undefined;
      if (!now) {
        problems.push(`${route}: route removed`);
        continue;
      }
      const nowByCode = new Map(successSchemas(now));
      for (const [code, schema] of successSchemas(item[method] as Node)) {
        if (!nowByCode.has(code)) {
          problems.push(`${route}: answer ${code} removed`);
          continue;
        }
        const kept = fieldPaths(after, nowByCode.get(code));
        for (const field of fieldPaths(before, schema)) if (!kept.has(field)) problems.push(`${route} ${code}: field ${field} removed`);
      }
    }
  }
  return problems;
}
