import type { FastifyRequest } from 'fastify';
import type { Actor } from './trail';

const rawPayloads = new WeakMap<FastifyRequest, unknown>();

/** preValidation hook: keeps the body as it arrived (validation strips unknown fields) for the audit trail. */
export async function stashRawPayload(request: FastifyRequest): Promise<void> {
  if (request.body !== undefined) rawPayloads.set(request, structuredClone(request.body));
}

export const rawPayloadOf = (request: FastifyRequest): unknown => rawPayloads.get(request) ?? request.body ?? null;

/** The signed-in caller (after requireUser / requireAdmin). */
export function actorOf(request: FastifyRequest): Actor {
  const viewer = request.viewer;
  if (!viewer) throw new Error('actorOf: route has no auth preHandler');
  return { id: Number(viewer.sub), role: viewer.role };
}

const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } },
    errors: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

/** Documented error answers of the payment routes. */
export const errorResponses = {
  '4xx': { description: 'Refused: `{error: {code, message}}`', ...errorSchema },
  '5xx': { description: 'Pi or its ledger unavailable (502/503), `{error: {code, message}}`', ...errorSchema },
} as const;
