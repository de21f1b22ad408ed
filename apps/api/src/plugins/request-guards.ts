import { PassThrough } from 'node:stream';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error';
import { jsonTextDepthExceeds } from '../lib/json-guard';

declare module 'fastify' {
  interface FastifyRequest {
    bodyTimer?: NodeJS.Timeout;
  }
}

/**
 * Request shape and pace, for every route (the validator compiler checks the parsed parts):
 * - JSON bodies: nesting deeper than JSON_MAX_DEPTH is refused before parsing, and the body
 *   must be an object (no route takes an array, number, string or null as its body);
 * - a non-multipart body must arrive within BODY_TIMEOUT_SECONDS (a client trickling a byte
 *   every few seconds does not hold a request for minutes); uploads have REQUEST_TIMEOUT_SECONDS.
 * Node's own header and request timeouts are set where the server is created (app.ts).
 */
export default fp(
  async (app) => {
    const { jsonMaxDepth, bodyTimeoutMs } = app.config.edge;
    const parseJson = app.getDefaultJsonParser('error', 'error');

    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = body as string;
      if (jsonTextDepthExceeds(text, jsonMaxDepth)) {
        done(new AppError('INVALID_BODY', `The body nests deeper than ${jsonMaxDepth} levels`), undefined);
        return;
      }
      parseJson(request, text, (err, value) => {
        if (err) return done(err, undefined);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return done(new AppError('INVALID_BODY', 'The body must be a JSON object'), undefined);
        }
        done(null, value);
      });
    });

    app.addHook('preParsing', async (request, reply, payload) => {
      if (!hasBody(request) || isMultipart(request)) return payload;
      // The parser reads a pass-through copy, which the timer can fail without killing the
      // socket: the client still gets its 408 (and the connection is closed after it).
      const body = new PassThrough();
      payload.pipe(body);
      // A client that goes away mid-body fails the parse at once (pipe() forwards no errors).
      payload.once('error', (err) => body.destroy(err));
      payload.once('close', () => {
        if (!payload.readableEnded) body.destroy(new AppError('BAD_REQUEST', 'The request was aborted'));
      });
      const timer = setTimeout(() => {
        payload.unpipe(body);
        reply.header('connection', 'close');
        body.destroy(new AppError('REQUEST_TIMEOUT', `The body did not arrive within ${bodyTimeoutMs / 1000} seconds`));
      }, bodyTimeoutMs);
      request.bodyTimer = timer;
      const stop = () => clearTimeout(timer);
      body.once('end', stop);
      body.once('close', stop);
      return body;
    });
    app.addHook('onResponse', async (request) => {
      if (request.bodyTimer) clearTimeout(request.bodyTimer);
    });
  },
  { name: 'request-guards', dependencies: ['config'] },
);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function isMultipart(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');
}
