import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes, type ApiErrorBody, type ErrorCode } from '@pishop/shared';
import { AppError, describeFields } from '../lib/app-error';
import { statusForCode } from '../lib/error-status';
import { isConnectionLost, isLockConflict } from '../lib/db-errors';
import { DtoValidationError } from '../lib/validation';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: { missingProperty?: string };
}

/** Maps every error to `{error: {code, message, details?}}`; 5xx never reveal internals. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const body = toBody(error);
      const status = statusOf(error, body);
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        body.error = { code: body.error.code === ErrorCodes.INTERNAL ? ErrorCodes.INTERNAL : body.error.code, message: publicMessage(body) };
      } else {
        request.log.info({ code: body.error.code, status }, body.error.message);
      }
      return reply.status(status).send(body);
    });
  },
  { name: 'errors' },
);

/**
 * Errors the router raises before any route or hook runs (a malformed URL, an over-long path
 * segment): the same envelope as everything else, instead of Fastify's own shape.
 */
export function sendFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = toBody(error);
  const status = statusOf(error, body);
  request.log.info({ code: body.error.code, status }, body.error.message);
  return reply.status(status).send(body);
}

/** The JSON 404; app.ts sets the not-found handler once (SPA deep links first). */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  const body: ApiErrorBody = {
    error: { code: ErrorCodes.NOT_FOUND, message: `No route for ${request.method} ${request.url.split('?')[0]}` },
  };
  return reply.status(404).send(body);
}

function toBody(error: FastifyError | AppError): ApiErrorBody {
  if (error instanceof AppError) {
    const fields = fieldsOf(error.details);
    return {
      error: { code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) },
      ...(fields && { errors: fields }),
    };
  }
  if (error instanceof DtoValidationError) return validationBody(error.fields);
  // A row or table held by someone else past the lock timeout (after the transaction retries):
  // nothing was written, and the same request can simply be sent again.
  if (isLockConflict(error) || isConnectionLost(error)) return { error: { code: ErrorCodes.SERVICE_UNAVAILABLE, message: 'The database is busy right now; nothing was changed, please try again' } };
  const fe = error as FastifyError & { validation?: AjvIssue[] };
  if (fe.validation) return validationBody(ajvFields(fe.validation, fe.validationContext));
  return { error: { code: fastifyCode(fe), message: fe.message } };
}

function validationBody(fields: Record<string, string>): ApiErrorBody {
  return {
    error: { code: ErrorCodes.VALIDATION_FAILED, message: describeFields(fields), details: { fields } },
    errors: fields,
  };
}

function ajvFields(issues: AjvIssue[], context?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const key = i.params?.missingProperty ?? (path || context || 'request');
    out[key] = i.message ?? 'is invalid';
  }
  return out;
}

function fieldsOf(details: unknown): Record<string, string> | undefined {
  if (details && typeof details === 'object' && 'fields' in details) {
    return (details as { fields: Record<string, string> }).fields;
  }
  return undefined;
}

function fastifyCode(error: FastifyError): ErrorCode {
  const status = error.statusCode ?? 500;
  if (status === 413) return ErrorCodes.PAYLOAD_TOO_LARGE;
  if (status === 414) return ErrorCodes.URI_TOO_LONG;
  if (status === 408) return ErrorCodes.REQUEST_TIMEOUT;
  if (status === 415) return ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
  if (status === 429) return ErrorCodes.RATE_LIMITED;
  if (status === 404) return ErrorCodes.NOT_FOUND;
  if (status === 401) return ErrorCodes.UNAUTHENTICATED;
  if (status === 403) return ErrorCodes.FORBIDDEN;
  if (status >= 400 && status < 500) return ErrorCodes.BAD_REQUEST;
  return ErrorCodes.INTERNAL;
}

function statusOf(error: FastifyError | AppError, body: ApiErrorBody): number {
  if (error instanceof AppError) return statusForCode(error.code);
  if (error instanceof DtoValidationError) return 400;
  if (body.error.code === ErrorCodes.SERVICE_UNAVAILABLE) return 503;
  const status = (error as FastifyError).statusCode;
  if (body.error.code === ErrorCodes.VALIDATION_FAILED) return 400;
  return status && status >= 400 && status < 600 ? status : 500;
}

function publicMessage(body: ApiErrorBody): string {
  return body.error.code === ErrorCodes.INTERNAL
    ? 'Something went wrong on our side; please try again'
    : body.error.message;
}
