import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { FastifySchemaCompiler } from 'fastify';
import AjvCompiler from '@fastify/ajv-compiler';

type DtoClass<T = object> = new () => T;

const dtoBySchema = new WeakMap<object, DtoClass>();

/**
 * A JSON schema derived from a class-validator DTO, for the OpenAPI document; validation
 * of that part then runs through class-validator itself (one source of truth).
 */
export function dtoSchema(dto: DtoClass): Record<string, unknown> {
  const schema = { ...targetConstructorToSchema(dto), title: dto.name } as Record<string, unknown>;
  dtoBySchema.set(schema, dto);
  return schema;
}

/** Validates and transforms a plain object into a DTO instance; field → message on failure. */
export function validateDto<T extends object>(dto: DtoClass<T>, data: unknown):
  | { value: T }
  | { fields: Record<string, string> } {
  const instance = plainToInstance(dto, data ?? {}, { exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: false });
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

/** Fastify validator compiler: class-validator for DTO schemas, Ajv for plain JSON schemas. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const dto = dtoBySchema.get(route.schema as object);
  if (!dto) {
    return compileWithAjv(route as Parameters<typeof compileWithAjv>[0]);
  }
  return (data: unknown) => {
    const result = validateDto(dto, data);
    return 'value' in result ? { value: result.value } : { error: new DtoValidationError(result.fields) };
  };
};
