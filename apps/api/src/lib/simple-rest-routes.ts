import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validationFailed } from './app-error';
import { dtoSchema, partialDtoSchema, validateDto } from './validation';
import { parseListParams, sendList, simpleRestQuerySchema, type ListParams, type ListResult, type SimpleRestQuery, type SimpleRestSpec } from './simple-rest';

type DtoClass = new () => object;
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** One admin resource: what its routes call. Omit create/update/remove for read-only resources. */
export interface SimpleRestResource<Rec, Input> {
  spec: SimpleRestSpec;
  /** Who may call (usually `app.requireAdmin`); runs before validation, so 401/403 come first. */
  guard: Guard;
  /** OpenAPI tag and the record's name in summaries ("service"). */
  tag: string;
  noun: string;
  /** JSON schema of one record as answered. */
  record: Record<string, unknown>;
  /**
   * class-validator DTO of POST and PUT bodies (unknown and read-only fields are dropped).
   * PUT may send only some fields (react-admin's `updateMany` sends `{active: true}`): the
   * fields left out take their stored values before the whole record is validated.
   */
  input?: DtoClass;
  list(params: ListParams): Promise<ListResult<Rec>>;
  get(id: number): Promise<Rec>;
  create?(input: Input): Promise<Rec>;
  /** `given`: the fields the PUT body carried (the rest of `input` are stored values). */
  update?(id: number, input: Input, given: string[]): Promise<Rec>;
  remove?(id: number): Promise<Rec>;
}

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

const listHeaders = {
  'Content-Range': { type: 'string', description: '`<resource> <start>-<end>/<total>`, e.g. `services 0-9/23`' },
};

/**
 * Registers the ra-data-simple-rest routes of one resource under the current prefix:
 * `GET /<resource>` (getList / getMany / getManyReference), `GET /<resource>/:id`,
 * `POST /<resource>` (201, the created record with its id), `PUT /<resource>/:id` (the
 * fields given), `DELETE /<resource>/:id` (answers the deleted record).
 */
export function simpleRestRoutes<Rec, Input>(app: FastifyInstance, r: SimpleRestResource<Rec, Input>): void {
  const base = `/${r.spec.resource}`;
  const security = [{ bearerAuth: [] }];
  const tags = [r.tag];

  app.get(base, {
    onRequest: r.guard,
    schema: {
      tags, security,
      summary: `List ${r.noun} records (ra-data-simple-rest getList/getMany/getManyReference)`,
      description: `Filters: ${Object.keys(r.spec.filters).join(', ')}. Sort fields: ${Object.keys(r.spec.sortable).join(', ')}.`,
      querystring: simpleRestQuerySchema,
      response: { 200: { type: 'array', items: r.record, headers: listHeaders } },
    },
  }, async (request, reply) => {
    const params = parseListParams(request.query as SimpleRestQuery, r.spec);
    return sendList(reply, r.spec.resource, await r.list(params));
  });

  app.get(`${base}/:id`, {
    onRequest: r.guard,
    schema: { tags, security, summary: `Read one ${r.noun}`, params: idParams, response: { 200: r.record } },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
    return r.get((request.params as { id: number }).id);
  });

  if (r.create && r.input) {
    const create = r.create;
    app.post(base, {
      onRequest: r.guard,
      schema: { tags, security, summary: `Create a ${r.noun}`, body: dtoSchema(r.input), response: { 201: r.record } },
    }, async (request, reply) => reply.status(201).send(await create(request.body as Input)));
  }

  if (r.update && r.input) {
    const { update, input } = r;
    app.put(`${base}/:id`, {
      onRequest: r.guard,
      schema: {
        tags, security,
        summary: `Update a ${r.noun}: the fields given change, the others keep their values (read-only fields are ignored)`,
        params: idParams, body: partialDtoSchema(input), response: { 200: r.record },
      },
    }, async (request) => {
      const id = (request.params as { id: number }).id;
      const given = request.body as Record<string, unknown>;
      const stored = (await r.get(id)) as Record<string, unknown>;
      const merged = validateDto(input, { ...stored, ...given });
      if ('fields' in merged) throw validationFailed(merged.fields);
      return update(id, merged.value as Input, Object.keys(given));
    });
  }

  if (r.remove) {
    const remove = r.remove;
    app.delete(`${base}/:id`, {
      onRequest: r.guard,
      schema: { tags, security, summary: `Delete a ${r.noun}; answers the deleted record`, params: idParams, response: { 200: r.record } },
    }, async (request) => remove((request.params as { id: number }).id));
  }
}
