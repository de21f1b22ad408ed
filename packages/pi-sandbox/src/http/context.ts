import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PiError } from '../core/errors';
import type { PiErrorBody } from '@pishop/pi-protocol';
import { toPaymentDto } from './payment-dto';
import { linksFor } from './links';

const BODY_LIMIT = 1024 * 1024;

/**
 * Makes this context independent of whatever the parent app configured: its own body parsers,
 * serializer, error and not-found answers in Pi's `{error, error_message}` shape, and CORS so a
 * storefront on another origin can load the SDK and let it talk to the wallet side.
 */
export function isolateContext(app: FastifyInstance, mountPrefix: string): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT }, parseJson);
  // Horizon takes `POST /transactions` as a form (`tx=<base64 envelope>`), as Stellar SDKs send it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body.toString()))),
  );
  // Pi's clients often POST /approve with no body, or with a content type that carries none.
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, _body, done) =>
    done(null, undefined),
  );
  app.setReplySerializer((payload) => JSON.stringify(payload));
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply, mountPrefix));
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('not_found', `Route ${request.method} ${request.url} not found`)),
  );
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });
  app.options('/*', async (_request, reply) =>
    reply
      .status(204)
      .header('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS')
      .header('access-control-allow-headers', 'Authorization, Content-Type')
      .header('access-control-max-age', '600')
      .send(),
  );
}

/** Pi's error body; the code is Pi's, or one of the sandbox's own (SandboxErrorCode). */
export const errorBody = (error: string, message: string): PiErrorBody<string> => ({ error, error_message: message });

type ParserDone = (err: Error | null, body?: unknown) => void;

function parseJson(_request: FastifyRequest, body: string | Buffer, done: ParserDone): void {
  const text = body.toString();
  if (text.trim() === '') return done(null, undefined);
  try {
    done(null, JSON.parse(text));
  } catch {
    done(new PiError(400, 'invalid_arguments', 'Request body is not valid JSON'));
  }
}

function sendError(error: FastifyError | PiError, request: FastifyRequest, reply: FastifyReply, mountPrefix: string) {
  if (error instanceof PiError) {
    const body = errorBody(error.code, error.message);
    if (error.payment) body.payment = toPaymentDto(error.payment, linksFor(request, mountPrefix));
    if (error.verificationError) body.verification_error = error.verificationError;
    return reply.status(error.status).send(body);
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return reply.status(status).send(errorBody('invalid_arguments', error.message));
  request.log.error({ err: error }, 'pi-sandbox: unexpected error');
  return reply.status(500).send(errorBody('internal_server_error', 'Internal server error'));
}
