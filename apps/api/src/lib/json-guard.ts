/** What `inspectJson` found: nesting past the limit, or the path of an unusable number. */
export interface JsonInspection {
  tooDeep: boolean;
  /** Dotted path of the first non-finite or unsafe number ('' for the root). */
  badNumber?: string;
}

/**
 * Walks a parsed value without recursion (so deep input cannot overflow the stack): stops
 * at `maxDepth` levels of arrays/objects, and finds numbers that are not finite or beyond
 * the safe-integer range (they would reach SQL as Infinity or as a rounded id).
 */
export function inspectJson(value: unknown, maxDepth: number): JsonInspection {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length) {
    const { value: v, depth, path } = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) return { tooDeep: false, badNumber: path };
      continue;
    }
    if (typeof v !== 'object' || v === null || Buffer.isBuffer(v) || v instanceof Date) continue;
    if (depth >= maxDepth) return { tooDeep: true };
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
    for (const [key, item] of entries) stack.push({ value: item, depth: depth + 1, path: path ? `${path}.${key}` : key });
  }
  return { tooDeep: false };
}

/**
 * Nesting depth of JSON text, read before parsing (strings skipped, escapes honoured), so a
 * body of 10,000 brackets is refused without being parsed into 10,000 objects.
 */
export function jsonTextDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}
