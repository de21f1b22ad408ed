import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import AjvCompiler from '@fastify/ajv-compiler';
import { AppError } from './app-error';
import { inspectJson } from './json-guard';

type DtoClass<T = object> = new () => T;

const dtoBySchema = new WeakMap<object, { dto: DtoClass; partial: boolean }>();

/**
 * A JSON schema derived from a class-validator DTO, for the OpenAPI document; validation
 * of that part then runs through class-validator itself (one source of truth).
 */
export function dtoSchema(dto: DtoClass): Record<string, unknown> {
  const schema = { ...targetConstructorToSchema(dto), title: dto.name } as Record<string, unknown>;
  dtoBySchema.set(schema, { dto, partial: false });
  return schema;
}

/**
 * The same DTO with every field optional (a partial PUT): the fields given are checked and
 * transformed, missing ones are left missing (no defaults), for the handler to complete.
 */
export function partialDtoSchema(dto: DtoClass): Record<string, unknown> {
  const { required: _required, ...rest } = targetConstructorToSchema(dto) as Record<string, unknown>;
  const schema = { ...rest, title: `Partial${dto.name}` } as Record<string, unknown>;
  dtoBySchema.set(schema, { dto, partial: true });
  return schema;
}

/** Validates and transforms a plain object into a DTO instance; field → message on failure. */
export function validateDto<T extends object>(dto: DtoClass<T>, data: unknown, opts: { partial?: boolean } = {}):
  | { value: T }
  | { fields: Record<string, string> } {
  const instance = plainToInstance(dto, data ?? {}, { exposeDefaultValues: !opts.partial });
  if (opts.partial) {
    // Only the keys the client sent; class-transformer may add declared-but-absent ones.
    const sent = new Set(Object.keys((data ?? {}) as object));
    for (const key of Object.keys(instance)) if (!sent.has(key)) delete (instance as Record<string, unknown>)[key];
  }
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: false, skipUndefinedProperties: !!opts.partial });
  if (errors.length === 0) return { value: instance };
  return { fields: flattenErrors(errors) };
}

function flattenErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[key] = Object.values(e.constraints)[0];
    if (e.children?.length) Object.assign(out, flattenErrors(e.children, key));
  }
  return out;
}

export class DtoValidationError extends Error {
  readonly statusCode = 400;
  constructor(public readonly fields: Record<string, string>) {
    super('Validation failed');
  }
}

// Fastify's own Ajv setup, built once, for routes whose schemas are plain JSON schema.
const compileWithAjv = AjvCompiler()({}, {
  customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: false },
});

type RouteValidator = ((data: unknown, ctx?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type RouteSchema = Parameters<FastifySchemaCompiler<unknown>>[0];

export interface InputLimits {
  /** Deepest nesting of arrays/objects accepted in any request part. */
  jsonMaxDepth: number;
}

/**
 * Fastify validator compiler: class-validator for DTO schemas, Ajv for plain JSON schemas,
 * both behind the same guard, so that no handler ever sees
 * - a body that is not a JSON object where an object is expected (array, number, string...),
 * - nesting deeper than `jsonMaxDepth` (checked before the validators recurse into it),
 * - a number that is not finite or not a safe integer (`1e309` → Infinity, `99999999999999999999`),
 *   in any part, after coercion (ids in paths and query strings included).
 */
export function createValidatorCompiler(limits: InputLimits): FastifySchemaCompiler<unknown> {
  return (route) => {
    const entry = dtoBySchema.get(route.schema as object);
    const dto = entry?.dto;
    const inner: RouteValidator = entry
      ? (data: unknown) => {
          const result = validateDto(entry.dto, data, { partial: entry.partial });
          return 'value' in result ? { value: result.value } : { error: new DtoValidationError(result.fields) };
        }
      : (compileWithAjv(route as Parameters<typeof compileWithAjv>[0]) as RouteValidator);
    const wantsObject = route.httpPart === 'body' && (!!dto || expectsObject(route.schema));
    return guard(inner, wantsObject, limits) as ReturnType<FastifySchemaCompiler<unknown>>;
  };
}

function guard(inner: RouteValidator, wantsObject: boolean, limits: InputLimits): RouteValidator {
  const guarded: RouteValidator = (data, ctx) => {
    if (wantsObject && data !== null && data !== undefined && !isPlainObject(data)) {
      return { error: invalidBody('The body must be a JSON object') };
    }
    const before = inspectJson(data, limits.jsonMaxDepth);
    if (before.tooDeep) return { error: invalidBody(`The request nests deeper than ${limits.jsonMaxDepth} levels`) };
    const ret = inner(data, ctx);
    if (ret === false) {
      guarded.errors = inner.errors;
      return false;
    }
    if (ret && typeof ret === 'object' && 'error' in ret && ret.error) return ret;
    // Ajv coerces in place (the root through ctx.parentData); DTOs answer a new value.
    const value = ret && typeof ret === 'object' && 'value' in ret ? ret.value : rootOf(data, ctx);
    const after = inspectJson(value, limits.jsonMaxDepth);
    if (after.badNumber !== undefined) {
      return { error: new DtoValidationError({ [after.badNumber || 'value']: 'must be a finite number within ±9007199254740991' }) };
    }
    return ret;
  };
  if (inner.schemaEnv) guarded.schemaEnv = inner.schemaEnv;
  return guarded;
}

function rootOf(data: unknown, ctx: unknown): unknown {
  const c = ctx as { parentData?: Record<string, unknown>; parentDataProperty?: string } | undefined;
  return c?.parentData && c.parentDataProperty ? c.parentData[c.parentDataProperty] : data;
}

function expectsObject(schema: RouteSchema['schema'] | FastifySchema): boolean {
  const s = schema as { type?: unknown; properties?: unknown };
  return s.type === 'object' || (s.type === undefined && typeof s.properties === 'object');
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

const invalidBody = (message: string) => new AppError('INVALID_BODY', message);
